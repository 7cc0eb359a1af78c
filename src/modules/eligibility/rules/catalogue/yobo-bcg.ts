// BCG (結核) 定期接種: from birth until reaching 1 (1歳に至るまで, i.e. through the day before the 1st
// birthday); the standard time is 生後5〜8か月.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboBcg: PersonRule = {
  id: 'yobo-bcg',
  version: 1,
  title: '予防接種（BCG）',
  audience: 'person',
  description: '1歳になるまで（1歳の誕生日の前日まで）のお子さん。標準的な接種時期は生後5か月から8か月。',
  evaluate(_h, p) {
    if (p.ageDays >= 0 && p.age < 1) {
      return eligible(
        `生後${p.ageMonths}か月で1歳未満のため、BCGの定期接種の対象です（1歳の誕生日の前日まで）。`,
        'BCGの 予防接種（よぼうせっしゅ）を 無料（むりょう）で 受けられます（うけられます）。1歳（さい）の 誕生日（たんじょうび）の 前（まえ）の 日（ひ）までです。',
        { ageMonths: p.ageMonths },
      );
    }
    return notEligible(
      '1歳を過ぎているため、BCGの定期接種の対象ではありません。',
      '1歳（さい）を 過ぎた（すぎた）ので、対象（たいしょう）では ありません。',
      { ageMonths: p.ageMonths },
    );
  },
  examples: [
    {
      name: '1歳の誕生日の前日まで対象',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2025-04-02')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '1歳未満',
    },
    {
      name: '1歳の誕生日から対象外',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2025-04-02')]),
      personId: '2',
      on: '2026-04-02',
      expected: false,
    },
    {
      name: '大人',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2025-04-02')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
