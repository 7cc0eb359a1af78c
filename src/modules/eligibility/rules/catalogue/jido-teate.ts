// 児童手当, as since the October 2024 reform: every child up to 高校生年代 (to the first 31 March after reaching
// 18), no income limit. Simplified: paid to the head of the household (in law, the parent with the higher
// income); amounts (第3子以降), children living apart and in care are not modelled.
import { household, person } from '../build.ts';
import { countChildrenUpTo18, parentOf } from '../conditions.ts';
import { eligible, type HouseholdRule, notEligible } from '../rule.ts';

export const jidoTeate: HouseholdRule = {
  id: 'jido-teate',
  version: 1,
  title: '児童手当',
  audience: 'household',
  description:
    '高校生年代まで（18歳に達した日以後の最初の3月31日まで）のお子さんを養育している世帯。所得制限なし（2024年10月から）。通知は世帯主へ。',
  recipient: parentOf,
  evaluate(h) {
    const children = countChildrenUpTo18(h);
    if (children > 0) {
      return eligible(
        `高校生年代までのお子さん（${children}人）を養育しているため、児童手当の対象です。`,
        `18歳（さい）の あとの 3月31日までの 子ども（こども）が ${children}人 いるので、児童手当（じどうてあて）を もらえます。`,
        { children },
      );
    }
    return notEligible(
      '高校生年代まで（18歳に達した日以後の最初の3月31日まで）のお子さんがいないため、児童手当の対象ではありません。',
      '18歳（さい）の あとの 3月31日までの 子ども（こども）が いないので、児童手当（じどうてあて）は もらえません。',
      { children },
    );
  },
  examples: [
    {
      name: '小学生と乳児のいる4人家族: 世帯主に通知',
      household: household([
        person(1, '世帯主', '1990-05-10'),
        person(2, '妻', '1992-08-20'),
        person(3, '子', '2019-06-15'),
        person(4, '子', '2026-03-01'),
      ]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '2人',
    },
    {
      name: '子どものいない夫婦',
      household: household([person(1, '世帯主', '1970-01-01'), person(2, '妻', '1972-02-02')]),
      on: '2026-04-01',
      expected: false,
      reasonIncludes: 'お子さんがいない',
    },
    {
      name: '4月1日生まれの子: 18歳になった日（3月31日）は年度末なので、その日まで対象',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-04-01')]),
      on: '2026-03-31',
      expected: true,
    },
    {
      name: '4月1日生まれの子: 翌日（4月1日）からは対象外',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-04-01')]),
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '4月2日生まれの子: 18歳になるのは翌年度なので、4月1日もまだ対象',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-04-02')]),
      on: '2026-04-01',
      expected: true,
    },
  ],
};
