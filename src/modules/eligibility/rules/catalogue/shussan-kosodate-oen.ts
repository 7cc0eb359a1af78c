// 出産・子育て応援給付 (since April 2025 妊婦のための支援給付, its second payment after the birth: 5万円 per child).
// Simplified: a child of the household born within the last 4 months (the 乳児家庭全戸訪問 window, when the
// application is taken); paid to the mother — the 妻, or the head when there is no 妻.
import { household, person } from '../build.ts';
import type { PreparedHousehold } from '../prepare.ts';
import { eligible, type HouseholdRule, notEligible } from '../rule.ts';

function mother(h: PreparedHousehold) {
  for (const m of h.members) if (m.person.relationship === '妻') return m;
  return h.head;
}

export const shussanKosodateOen: HouseholdRule = {
  id: 'shussan-kosodate-oen',
  version: 1,
  title: '出産・子育て応援給付（妊婦のための支援給付）',
  audience: 'household',
  description:
    '生後4か月未満のお子さんがいる世帯（出生後の給付、お子さん1人につき5万円）。通知は母（妻、または世帯主）へ。',
  recipient: mother,
  evaluate(h) {
    let newborns = 0;
    for (const c of h.children) if (c.ageDays >= 0 && c.ageMonths < 4) newborns++;
    if (newborns > 0) {
      return eligible(
        `生後4か月未満のお子さん（${newborns}人）がいるため、出産・子育て応援給付（出生後の給付）の対象です。`,
        '赤ちゃん（あかちゃん）が 生まれた（うまれた）ので、お祝い（おいわい）の お金（おかね）を もらえます。',
        { newborns },
      );
    }
    return notEligible(
      '生後4か月未満のお子さんがいないため、出産・子育て応援給付（出生後の給付）の対象ではありません。',
      '生まれた（うまれた）ばかりの 赤ちゃん（あかちゃん）が いないので、対象（たいしょう）では ありません。',
      { newborns },
    );
  },
  examples: [
    {
      name: '生後1か月の子: 母（妻）に通知',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-03-01'),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '1人',
    },
    {
      name: '一番下の子が生後6か月',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2025-10-01'),
      ]),
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '生後3か月（4か月になる前日）まで',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-01-01'),
      ]),
      on: '2026-04-30',
      expected: true,
    },
    {
      name: '生後4か月になった日から対象外',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-01-01'),
      ]),
      on: '2026-05-01',
      expected: false,
    },
  ],
};
