// 就学援助 (学用品費・給食費などの援助). Simplified: school-age children are reckoned from age (1年生–中学3年生),
// income band ≤ 3 stands for the city's 認定基準 (about 1.3 × 生活保護基準), 生活保護 households are not set
// apart, and the 入学前支給 (paid before a child starts school) is not modelled.
import { household, person } from '../build.ts';
import { parentOf } from '../conditions.ts';
import { eligible, type HouseholdRule, notEligible } from '../rule.ts';

export const shugakuEnjo: HouseholdRule = {
  id: 'shugaku-enjo',
  version: 1,
  title: '就学援助',
  audience: 'household',
  description: '小学生・中学生の年代のお子さんがいて、所得区分が3以下の世帯。通知は世帯主へ。',
  recipient: parentOf,
  evaluate(h) {
    let pupils = 0;
    for (const c of h.children) if (c.grade >= 1 && c.grade <= 9) pupils++;
    const facts = { pupils, incomeBand: h.incomeBand };
    if (pupils === 0) {
      return notEligible(
        '小学生・中学生の年代のお子さんがいないため、就学援助の対象ではありません。',
        '小学生（しょうがくせい）か 中学生（ちゅうがくせい）の 子ども（こども）が いないので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    if (h.incomeBand > 3) {
      return notEligible(
        `小学生・中学生の年代のお子さんがいますが、所得が基準を超えている（所得区分${h.incomeBand}）ため、就学援助の対象ではありません。`,
        'お金（おかね）の 収入（しゅうにゅう）が 多い（おおい）ので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    return eligible(
      `小学生・中学生の年代のお子さん（${pupils}人）がいて、所得が基準以内のため、就学援助の対象です。`,
      '学校（がっこう）の お金（おかね）を 市（し）が 助けます（たすけます）。',
      facts,
    );
  },
  examples: [
    {
      name: '小学3年生がいて所得区分2',
      household: household(
        [person(1, '世帯主', '1985-01-01'), person(2, '妻', '1986-01-01'), person(3, '子', '2017-06-01')],
        {
          incomeBand: 2,
        },
      ),
      personId: '1',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '小学3年生がいて所得区分4',
      household: household(
        [person(1, '世帯主', '1985-01-01'), person(2, '妻', '1986-01-01'), person(3, '子', '2017-06-01')],
        {
          incomeBand: 4,
        },
      ),
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '所得',
    },
    {
      name: '年長の子（3月31日）: まだ小学生ではない',
      household: household(
        [person(1, '世帯主', '1985-01-01'), person(2, '妻', '1986-01-01'), person(3, '子', '2019-06-01')],
        {
          incomeBand: 2,
        },
      ),
      on: '2026-03-31',
      expected: false,
      reasonIncludes: '小学生・中学生の年代のお子さんがいない',
    },
    {
      name: '同じ子が4月1日に小学1年生になる',
      household: household(
        [person(1, '世帯主', '1985-01-01'), person(2, '妻', '1986-01-01'), person(3, '子', '2019-06-01')],
        {
          incomeBand: 2,
        },
      ),
      on: '2026-04-01',
      expected: true,
    },
  ],
};
