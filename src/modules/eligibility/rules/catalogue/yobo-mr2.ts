// 麻しん風しん混合（MR）第2期: the year before primary school (小学校就学前の1年間, 年長) — 4月1日 to 3月31日 of the
// school year in which the child turns 6 by 4月1日 of the next.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboMr2: PersonRule = {
  id: 'yobo-mr2',
  version: 1,
  title: '予防接種（MR 第2期）',
  audience: 'person',
  description: '小学校入学前の1年間（年長、5歳児クラス）のお子さん。その年度の3月31日まで。',
  evaluate(_h, p) {
    if (p.ageDays >= 0 && p.grade === 0) {
      return eligible(
        '小学校入学前の1年間（年長）のため、MRワクチン第2期の定期接種の対象です（3月31日まで）。',
        '小学校（しょうがっこう）に 入る（はいる） 前（まえ）の 予防接種（よぼうせっしゅ）です。3月31日（にち）までに 受けて（うけて）ください。',
        { grade: p.grade },
      );
    }
    return notEligible(
      '小学校入学前の1年間（年長）ではないため、MRワクチン第2期の定期接種の対象ではありません。',
      '年長（ねんちょう）の 子ども（こども）では ないので、対象（たいしょう）では ありません。',
      { grade: p.grade },
    );
  },
  examples: [
    {
      name: '4月2日生まれ: この4月から年長',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2020-04-02')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '年長',
    },
    {
      name: '4月1日生まれ: この4月から小学1年生',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2020-04-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '年中',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2021-06-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
