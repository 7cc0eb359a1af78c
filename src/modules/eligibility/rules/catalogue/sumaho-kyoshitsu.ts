// 高齢者向けスマホ教室 (デジタルデバイド対策, plan ⑥), held in each ward. Simplified: 65 and over (the city says
// おおむね65歳以上); whether someone already took part is not in the register.
import { household, person } from '../build.ts';
import { wardName } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const sumahoKyoshitsu: PersonRule = {
  id: 'sumaho-kyoshitsu',
  version: 1,
  title: '高齢者向けスマホ教室',
  audience: 'person',
  description: '65歳以上の方。お住まいの区で開く教室をご案内します。',
  evaluate(h, p) {
    const ward = wardName(h.wardCode);
    if (p.age >= 65) {
      return eligible(
        `65歳以上のため、${ward}で開く高齢者向けスマホ教室のご案内の対象です。`,
        `${ward}で スマートフォンの 使い方（つかいかた）を 教えます（おしえます）。65歳（さい）以上（いじょう）の 人（ひと）が 対象（たいしょう）です。`,
        { age: p.age, wardCode: h.wardCode },
      );
    }
    return notEligible(
      '65歳未満のため、高齢者向けスマホ教室のご案内の対象ではありません。',
      '65歳（さい）に なって いないので、対象（たいしょう）では ありません。',
      { age: p.age, wardCode: h.wardCode },
    );
  },
  examples: [
    {
      name: '中原区の70歳',
      household: household([person(1, '世帯主', '1956-01-01')], { wardCode: '141330' }),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '中原区',
    },
    {
      name: '50歳',
      household: household([person(1, '世帯主', '1976-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '65歳の誕生日の前日',
      household: household([person(1, '世帯主', '1961-04-01')], { wardCode: '141372' }),
      personId: '1',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '65歳の誕生日（麻生区）',
      household: household([person(1, '世帯主', '1961-04-01')], { wardCode: '141372' }),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '麻生区',
    },
  ],
};
