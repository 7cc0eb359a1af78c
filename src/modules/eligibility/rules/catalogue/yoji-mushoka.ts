// 幼児教育・保育の無償化. Simplified: 3〜5歳児クラス (from the first 4月1日 after turning 3 until primary school)
// are counted by age whether or not the child attends; 0〜2歳児クラス only in households exempt from municipal
// tax (income band 1); 保育の必要性の認定 and 施設 kinds are not modelled.
import { household, person } from '../build.ts';
import { eligible, gradeLabel, notEligible, type PersonRule } from '../rule.ts';

export const yojiMushoka: PersonRule = {
  id: 'yoji-mushoka',
  version: 1,
  title: '幼児教育・保育の無償化',
  audience: 'person',
  description:
    '3〜5歳児クラス（満3歳になった後の最初の4月1日から小学校入学前まで）のお子さん。0〜2歳児クラスは住民税非課税世帯（所得区分1）のお子さん。',
  evaluate(h, p) {
    const facts = { grade: p.grade, incomeBand: h.incomeBand };
    if (p.ageDays < 0 || p.grade > 0) {
      return notEligible(
        '小学校入学前のお子さんではないため、幼児教育・保育の無償化の対象ではありません。',
        '小学校（しょうがっこう）に 入る（はいる） 前（まえ）の 子ども（こども）では ないので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    if (p.grade >= -2) {
      return eligible(
        `${gradeLabel(p.grade)}のお子さんのため、幼稚園・保育所などの利用料の無償化の対象です。`,
        '保育園（ほいくえん）や 幼稚園（ようちえん）の お金（おかね）が かかりません。',
        facts,
      );
    }
    if (h.incomeBand === 1) {
      return eligible(
        '0〜2歳児クラスのお子さんで、住民税非課税世帯のため、保育所などの利用料の無償化の対象です。',
        '保育園（ほいくえん）の お金（おかね）が かかりません。',
        facts,
      );
    }
    return notEligible(
      '0〜2歳児クラスのお子さんは住民税非課税世帯の場合に対象となるため、現在は対象ではありません（満3歳後の4月から対象になります）。',
      '3歳（さい）に なった あとの 4月（がつ）から 対象（たいしょう）に なります。',
      facts,
    );
  },
  examples: [
    {
      name: '年少（3歳児クラス）',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2022-06-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '年少',
    },
    {
      name: '2歳児クラス、所得区分5',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2024-01-10')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '住民税非課税',
    },
    {
      name: '2歳児クラス、住民税非課税世帯',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2024-01-10')], { incomeBand: 1 }),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '住民税非課税世帯',
    },
    {
      name: '4月1日生まれ: 3歳になった年度末の翌日（4月1日）から対象',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2023-04-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '4月2日生まれ: 同じ日はまだ2歳児クラス',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2023-04-02')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
