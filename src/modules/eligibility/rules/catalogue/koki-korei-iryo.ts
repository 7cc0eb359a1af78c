// 後期高齢者医療制度: from the 75th birthday itself (not the day before: the law says 75歳に達した日 but the
// scheme counts from the birthday); 65–74 with a disability of a set degree may join on application (障害認定:
// 身体1〜3級 (4級の一部は省略), 療育A, 精神1〜2級).
import { household, person } from '../build.ts';
import { certificateLabel, isModerateOrSevereDisability } from '../conditions.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const kokiKoreiIryo: PersonRule = {
  id: 'koki-korei-iryo',
  version: 1,
  title: '後期高齢者医療制度',
  audience: 'person',
  description:
    '75歳以上の方（75歳の誕生日から）。65〜74歳で一定の障害（身体1〜3級、療育A、精神1〜2級）のある方は申請により加入できます。',
  evaluate(_h, p) {
    if (p.age >= 75) {
      return eligible(
        `${p.age}歳のため、後期高齢者医療制度の対象です（75歳の誕生日から加入します）。`,
        '75歳（さい）に なったので、後期高齢者医療（こうきこうれいしゃいりょう）に 入ります（はいります）。',
        { age: p.age },
      );
    }
    if (p.age >= 65 && isModerateOrSevereDisability(p)) {
      return eligible(
        `65〜74歳で${certificateLabel(p)}をお持ちのため、申請により後期高齢者医療制度に加入できます（障害認定）。`,
        '障害（しょうがい）が あるので、申し込む（もうしこむ）と 後期高齢者医療（こうきこうれいしゃいりょう）に 入れます（はいれます）。',
        { age: p.age },
      );
    }
    return notEligible(
      '75歳未満のため、後期高齢者医療制度の対象ではありません（75歳の誕生日から対象です）。',
      'まだ 75歳（さい）に なって いないので、対象（たいしょう）では ありません。',
      { age: p.age },
    );
  },
  examples: [
    {
      name: '75歳の誕生日の前日はまだ',
      household: household([person(1, '世帯主', '1951-04-02')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '75歳未満',
    },
    {
      name: '75歳の誕生日から',
      household: household([person(1, '世帯主', '1951-04-02')]),
      personId: '1',
      on: '2026-04-02',
      expected: true,
    },
    {
      name: '70歳で身体障害者手帳2級（障害認定）',
      household: household([person(1, '世帯主', '1956-01-01', { disability: { type: 'physical', grade: '2' } })]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '障害認定',
    },
    {
      name: '70歳で手帳なし',
      household: household([person(1, '世帯主', '1956-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
