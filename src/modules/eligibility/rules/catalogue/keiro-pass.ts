// 敬老パス (川崎市高齢者外出支援乗車事業: 市バス等の乗車証). Simplified: 70 and over on the day; the 負担金 by
// income and the 障害 route (which has its own pass) are not modelled.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const keiroPass: PersonRule = {
  id: 'keiro-pass',
  version: 1,
  title: '敬老パス（高齢者外出支援乗車事業）',
  audience: 'person',
  description: '70歳以上の方（70歳の誕生日から）。',
  evaluate(_h, p) {
    if (p.age >= 70) {
      return eligible(
        '70歳以上のため、敬老パス（市バスなどの乗車証）の対象です。',
        '70歳（さい）以上（いじょう）なので、バスに 安く（やすく） 乗れる（のれる） パスを 使えます（つかえます）。',
        { age: p.age },
      );
    }
    return notEligible(
      '70歳未満のため、敬老パスの対象ではありません（70歳の誕生日から対象です）。',
      '70歳（さい）に なって いないので、対象（たいしょう）では ありません。',
      { age: p.age },
    );
  },
  examples: [
    {
      name: '70歳の誕生日',
      household: household([person(1, '世帯主', '1956-04-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '70歳以上',
    },
    {
      name: '70歳の誕生日の前日',
      household: household([person(1, '世帯主', '1956-04-01')]),
      personId: '1',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '40歳',
      household: household([person(1, '世帯主', '1986-04-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
