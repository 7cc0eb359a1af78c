// 就学時健康診断 and the primary-school entry notice, for children in the year before primary school (年長).
// Simplified: every child of that age is invited (in practice 国立・私立 applicants too, until they opt out).
import { household, person } from '../build.ts';
import { eligible, fiscalYear, notEligible, type PersonRule } from '../rule.ts';

export const shugakujiKenshin: PersonRule = {
  id: 'shugakuji-kenshin',
  version: 1,
  title: '就学時健康診断・小学校入学のご案内',
  audience: 'person',
  description: '翌年4月に小学校へ入学するお子さん（年長、5歳児クラス）。',
  evaluate(_h, p, on) {
    if (p.ageDays >= 0 && p.grade === 0) {
      const entry = fiscalYear(on) + 1;
      return eligible(
        `来年4月（${entry}年4月）に小学校へ入学する年齢のため、就学時健康診断と入学のご案内の対象です。`,
        `${entry}年（ねん）4月（がつ）に 小学校（しょうがっこう）に 入ります（はいります）。健康診断（けんこうしんだん）を 受けて（うけて）ください。`,
        { entryYear: entry },
      );
    }
    return notEligible(
      '来年4月に小学校へ入学する年齢（年長）ではないため、就学時健康診断の対象ではありません。',
      '来年（らいねん） 小学校（しょうがっこう）に 入る（はいる） 子ども（こども）では ないので、対象（たいしょう）では ありません。',
      { grade: p.grade },
    );
  },
  examples: [
    {
      name: '年長の子',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2020-06-01')]),
      personId: '2',
      on: '2026-06-01',
      expected: true,
      reasonIncludes: '2027年4月',
    },
    {
      name: '小学1年生',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2019-06-01')]),
      personId: '2',
      on: '2026-06-01',
      expected: false,
    },
    {
      name: '4月1日生まれ: この4月に入学済み',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2020-04-01')]),
      personId: '2',
      on: '2026-06-01',
      expected: false,
    },
    {
      name: '4月2日生まれ: 来年4月に入学',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2020-04-02')]),
      personId: '2',
      on: '2026-06-01',
      expected: true,
    },
  ],
};
