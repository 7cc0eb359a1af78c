// HPVワクチン（子宮頸がん予防）定期接種: girls from 小学6年生 to 高校1年生相当 (標準的には中学1年生). Simplified:
// the grade is reckoned from age; the キャッチアップ接種 for older women (ended March 2026) is not modelled.
import { household, person } from '../build.ts';
import { eligible, gradeLabel, notEligible, type PersonRule } from '../rule.ts';

export const yoboHpv: PersonRule = {
  id: 'yobo-hpv',
  version: 1,
  title: '予防接種（HPVワクチン）',
  audience: 'person',
  description: '小学6年生から高校1年生相当の女性。',
  evaluate(_h, p) {
    const facts = { grade: p.grade, sex: p.person.sex };
    if (p.person.sex !== '2') {
      return notEligible(
        'HPVワクチンの定期接種は女性が対象のため、対象ではありません。',
        'この 予防接種（よぼうせっしゅ）は 女（おんな）の 子（こ）が 対象（たいしょう）です。',
        facts,
      );
    }
    if (p.grade >= 6 && p.grade <= 10) {
      return eligible(
        `${gradeLabel(p.grade)}の女性のため、HPVワクチン（子宮頸がん予防）の定期接種の対象です（高校1年生相当の3月31日まで）。`,
        '子宮頸（しきゅうけい）がん を 防ぐ（ふせぐ） 予防接種（よぼうせっしゅ）を 無料（むりょう）で 受けられます（うけられます）。',
        facts,
      );
    }
    return notEligible(
      '小学6年生から高校1年生相当の年代ではないため、HPVワクチンの定期接種の対象ではありません。',
      '小学（しょうがく）6年生（ねんせい）から 高校（こうこう）1年生（ねんせい）では ないので、対象（たいしょう）では ありません。',
      facts,
    );
  },
  examples: [
    {
      name: '小学6年生の女の子',
      household: household([person(1, '世帯主', '1985-01-01'), person(2, '子', '2014-06-01', { sex: '2' })]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '小学6年生',
    },
    {
      name: '小学6年生の男の子',
      household: household([person(1, '世帯主', '1985-01-01'), person(2, '子', '2014-06-01', { sex: '1' })]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '女性',
    },
    {
      name: '高校2年生相当の女性',
      household: household([person(1, '世帯主', '1985-01-01'), person(2, '子', '2009-06-01', { sex: '2' })]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '4月1日生まれ: 小学6年生',
      household: household([person(1, '世帯主', '1985-01-01'), person(2, '子', '2015-04-01', { sex: '2' })]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '4月2日生まれ: まだ小学5年生',
      household: household([person(1, '世帯主', '1985-01-01'), person(2, '子', '2015-04-02', { sex: '2' })]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
