// 介護保険 第1号被保険者: from the day a person reaches 65, which is the day before the 65th birthday
// (年齢計算ニ関スル法律); the 被保険者証 is sent then. Simplified: 適用除外施設 residents are not set apart.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const kaigoHoken1go: PersonRule = {
  id: 'kaigo-hoken-1go',
  version: 1,
  title: '介護保険（第1号被保険者）',
  audience: 'person',
  description: '65歳に達した方（65歳の誕生日の前日から）。介護保険被保険者証を交付します。',
  evaluate(_h, p) {
    const facts = { age: p.age, ageReached: p.ageReached };
    if (p.ageReached >= 65) {
      return eligible(
        p.age < 65
          ? '本日（65歳の誕生日の前日）65歳に達するため、介護保険の第1号被保険者になります。'
          : '65歳以上のため、介護保険の第1号被保険者です。',
        '65歳（さい）に なったので、介護保険（かいごほけん）に 入ります（はいります）。保険証（ほけんしょう）が 届きます（とどきます）。',
        facts,
      );
    }
    return notEligible(
      '65歳に達していないため、介護保険の第1号被保険者ではありません（65歳の誕生日の前日からです）。',
      'まだ 65歳（さい）に なって いないので、対象（たいしょう）では ありません。',
      facts,
    );
  },
  examples: [
    {
      name: '65歳の誕生日の前日から',
      household: household([person(1, '世帯主', '1961-04-02')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '誕生日の前日',
    },
    {
      name: 'その前の日はまだ',
      household: household([person(1, '世帯主', '1961-04-02')]),
      personId: '1',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '80歳',
      household: household([person(1, '世帯主', '1946-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '65歳以上',
    },
    {
      name: '2月29日生まれ: 平年は2月28日に65歳に達する',
      household: household([person(1, '世帯主', '1960-02-29')]),
      personId: '1',
      on: '2025-02-28',
      expected: true,
    },
  ],
};
