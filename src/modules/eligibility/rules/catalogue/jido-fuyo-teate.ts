// 児童扶養手当. Simplified: a household with no spouse of the head counts as ひとり親; income band ≤ 4 stands for
// the income limit (full and partial payment not told apart); a child with a disability certificate counts
// until reaching 20 (in law: a disability of a set degree). 同居の扶養義務者 and 公的年金 are not modelled.
import { household, person } from '../build.ts';
import { countChildrenUpTo18, parentOf } from '../conditions.ts';
import { eligible, type HouseholdRule, notEligible } from '../rule.ts';

export const jidoFuyoTeate: HouseholdRule = {
  id: 'jido-fuyo-teate',
  version: 1,
  title: '児童扶養手当',
  audience: 'household',
  description:
    'ひとり親世帯で、高校生年代まで（障害のあるお子さんは20歳未満）のお子さんを養育しており、所得区分が4以下。通知は世帯主へ。',
  recipient: parentOf,
  evaluate(h) {
    let children = countChildrenUpTo18(h);
    let withDisability = 0;
    for (const c of h.children) {
      if (c.grade > 12 && c.hasCertificate && c.ageReached < 20) withDisability++;
    }
    children += withDisability;
    const facts = { children, singleParent: !h.hasSpouse, incomeBand: h.incomeBand };
    if (children === 0) {
      return notEligible(
        '高校生年代まで（障害のあるお子さんは20歳未満）のお子さんがいないため、児童扶養手当の対象ではありません。',
        '18歳（さい）の あとの 3月31日までの 子ども（こども）が いないので、もらえません。',
        facts,
      );
    }
    if (h.hasSpouse) {
      return notEligible(
        '配偶者と同じ世帯にお住まいのため、ひとり親世帯を対象とする児童扶養手当の対象ではありません。',
        '夫（おっと）か 妻（つま）と いっしょに 住んで（すんで）いるので、もらえません。',
        facts,
      );
    }
    if (h.incomeBand > 4) {
      return notEligible(
        `ひとり親世帯ですが、所得が基準を超えている（所得区分${h.incomeBand}）ため、児童扶養手当の対象ではありません。`,
        'お金（おかね）の 収入（しゅうにゅう）が 多い（おおい）ので、もらえません。',
        facts,
      );
    }
    return eligible(
      withDisability > 0
        ? `ひとり親世帯で、障害のある20歳未満のお子さんを含め${children}人のお子さんを養育しているため、児童扶養手当の対象です。`
        : `ひとり親世帯で、高校生年代までのお子さん（${children}人）を養育しているため、児童扶養手当の対象です。`,
      `ひとりで 子ども（こども）を そだてて いるので、児童扶養手当（じどうふようてあて）を もらえます。`,
      facts,
    );
  },
  examples: [
    {
      name: '母と小学生のひとり親世帯、所得区分3',
      household: household([person(1, '世帯主', '1988-01-01', { sex: '2' }), person(2, '子', '2015-05-05')], {
        incomeBand: 3,
      }),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: 'ひとり親世帯',
    },
    {
      name: 'ひとり親世帯でも所得区分6',
      household: household([person(1, '世帯主', '1988-01-01', { sex: '2' }), person(2, '子', '2015-05-05')], {
        incomeBand: 6,
      }),
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '所得',
    },
    {
      name: '両親のいる世帯',
      household: household(
        [person(1, '世帯主', '1988-01-01'), person(2, '妻', '1989-01-01'), person(3, '子', '2015-05-05')],
        {
          incomeBand: 3,
        },
      ),
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '配偶者',
    },
    {
      name: '高校卒業後の年代でも、療育手帳のある19歳のお子さんは20歳未満まで',
      household: household(
        [
          person(1, '世帯主', '1980-01-01', { sex: '2' }),
          person(2, '子', '2007-05-05', { disability: { type: 'intellectual', grade: 'B' } }),
        ],
        { incomeBand: 2 },
      ),
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '障害のある20歳未満',
    },
  ],
};
