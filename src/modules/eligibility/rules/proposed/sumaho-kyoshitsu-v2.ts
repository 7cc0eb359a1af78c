// A proposed change, not yet active anywhere: 高齢者向けスマホ教室 for 60 and over (plan ⑥ asks to reach people
// before they retire). Staff re-run it over the register, read the difference from version 1, and only then
// activate it; nobody is contacted under it before that.
import { household, person } from '../build.ts';
import { wardName } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const sumahoKyoshitsuV2: PersonRule = {
  id: 'sumaho-kyoshitsu',
  version: 2,
  title: '高齢者向けスマホ教室',
  audience: 'person',
  description: '60歳以上の方（第2版の案: 65歳以上から広げる）。お住まいの区で開く教室をご案内します。',
  evaluate(h, p) {
    const ward = wardName(h.wardCode);
    if (p.age >= 60) {
      return eligible(
        `60歳以上のため、${ward}で開く高齢者向けスマホ教室のご案内の対象です。`,
        `${ward}で スマートフォンの 使い方（つかいかた）を 教えます（おしえます）。60歳（さい）以上（いじょう）の 人（ひと）が 対象（たいしょう）です。`,
        { age: p.age, wardCode: h.wardCode },
      );
    }
    return notEligible(
      '60歳未満のため、高齢者向けスマホ教室のご案内の対象ではありません。',
      '60歳（さい）に なって いないので、対象（たいしょう）では ありません。',
      { age: p.age, wardCode: h.wardCode },
    );
  },
  examples: [
    {
      name: '川崎区の62歳（第1版では対象外）',
      household: household([person(1, '世帯主', '1964-01-01')], { wardCode: '141313' }),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '川崎区',
    },
    {
      name: '60歳の誕生日の前日',
      household: household([person(1, '世帯主', '1966-04-01')]),
      personId: '1',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '60歳の誕生日（麻生区）',
      household: household([person(1, '世帯主', '1966-04-01')], { wardCode: '141372' }),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '麻生区',
    },
  ],
};
