// 18歳（成年）を迎えた方へ: 契約・消費者トラブルのご案内 (成年年齢 is 18 since April 2022). Sent during the year
// after the 18th birthday.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const seinen18: PersonRule = {
  id: 'seinen-18',
  version: 1,
  title: '18歳（成年）を迎えた方へのご案内',
  audience: 'person',
  description: '18歳の方（18歳の誕生日から19歳の誕生日の前日まで）。成年としての契約や消費者トラブルへの注意のご案内。',
  evaluate(_h, p) {
    if (p.age === 18) {
      return eligible(
        '18歳になり成年となったため、契約や消費者トラブルについてのご案内の対象です。',
        '18歳（さい）で 大人（おとな）に なりました。契約（けいやく）の トラブルに 気（き）を つけて ください。',
        { age: p.age },
      );
    }
    return notEligible(
      '18歳ではないため、成年を迎えた方へのご案内の対象ではありません。',
      '18歳（さい）では ないので、対象（たいしょう）では ありません。',
      { age: p.age },
    );
  },
  examples: [
    {
      name: '18歳の誕生日',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-04-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '成年',
    },
    {
      name: '18歳の誕生日の前日',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-04-01')]),
      personId: '2',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '19歳',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2007-01-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
