// 五種混合ワクチン (ジフテリア・百日せき・破傷風・ポリオ・Hib; 定期接種 since April 2024, replacing 四種混合 + Hib).
// Eligible through the whole 定期接種 period, 生後2か月 until 7歳6か月 (月齢 2–89); doses already given are not
// in the register, so the notice invites and the clinic checks the 母子健康手帳.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboGoshu: PersonRule = {
  id: 'yobo-goshu',
  version: 1,
  title: '予防接種（五種混合）',
  audience: 'person',
  description: '生後2か月から7歳6か月になるまでのお子さん（標準的には生後2か月から7か月に初回3回）。',
  evaluate(_h, p) {
    if (p.ageDays >= 0 && p.ageMonths >= 2 && p.ageMonths < 90) {
      return eligible(
        p.ageMonths < 12
          ? `生後${p.ageMonths}か月のため、五種混合ワクチンの定期接種の対象です。`
          : `${p.age}歳のため、五種混合ワクチンの定期接種の対象期間内です（7歳6か月になるまで）。`,
        '五種混合（ごしゅこんごう）の 予防接種（よぼうせっしゅ）を 無料（むりょう）で 受けられます（うけられます）。',
        { ageMonths: p.ageMonths },
      );
    }
    return notEligible(
      p.ageMonths < 2
        ? '生後2か月になっていないため、五種混合ワクチンはまだ接種できません（生後2か月から対象です）。'
        : '7歳6か月を過ぎているため、五種混合ワクチンの定期接種の対象ではありません。',
      '今（いま）は この 予防接種（よぼうせっしゅ）の 対象（たいしょう）では ありません。',
      { ageMonths: p.ageMonths },
    );
  },
  examples: [
    {
      name: '生後2か月になった日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2026-02-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '生後2か月',
    },
    {
      name: '生後2か月になる前日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2026-02-01')]),
      personId: '2',
      on: '2026-03-31',
      expected: false,
      reasonIncludes: 'まだ',
    },
    {
      name: '7歳6か月になる前日は対象',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2018-10-01')]),
      personId: '2',
      on: '2026-03-31',
      expected: true,
    },
    {
      name: '7歳6か月になった日から対象外',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2018-10-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
