// 高齢受給者証 (70〜74歳の医療費の負担割合): valid from the 1st of the month after the month a person reaches 70;
// someone born on the 1st reaches 70 on the last day of the month before, so theirs starts on the birthday
// itself. Ends when 後期高齢者医療 starts (75歳の誕生日). Simplified: which health insurance is not checked.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const koreiJukyushaSho: PersonRule = {
  id: 'korei-jukyusha-sho',
  version: 1,
  title: '高齢受給者証',
  audience: 'person',
  description:
    '70〜74歳の方。70歳に達した日の属する月の翌月1日から（1日生まれの方は誕生月の1日から）、75歳の誕生日の前日まで。',
  evaluate(_h, p, on) {
    const b = p.birth;
    // First month of validity, as year × 12 + month index.
    const start = b.d === 1 ? (b.y + 70) * 12 + (b.m - 1) : (b.y + 70) * 12 + b.m;
    const startLabel = `${Math.floor(start / 12)}年${(start % 12) + 1}月1日`;
    const facts = { age: p.age, validFrom: startLabel };
    if (p.age >= 75) {
      return notEligible(
        '75歳以上のため、高齢受給者証ではなく後期高齢者医療制度の対象です。',
        '75歳（さい）以上（いじょう）なので、後期高齢者医療（こうきこうれいしゃいりょう）の 保険証（ほけんしょう）を 使います（つかいます）。',
        facts,
      );
    }
    if (on.y * 12 + (on.m - 1) >= start) {
      return eligible(
        `70〜74歳のため、高齢受給者証（医療費の負担割合を示す証）の対象です（${startLabel}から）。`,
        '70歳（さい）から 74歳（さい）の 人（ひと）の 証明書（しょうめいしょ）が 届きます（とどきます）。',
        facts,
      );
    }
    return notEligible(
      p.ageReached >= 70
        ? `70歳に達しましたが、高齢受給者証は${startLabel}からのため、まだ対象ではありません。`
        : '70歳に達していないため、高齢受給者証の対象ではありません。',
      'まだ 対象（たいしょう）では ありません。',
      facts,
    );
  },
  examples: [
    {
      name: '5月15日生まれ: 5月31日はまだ',
      household: household([person(1, '世帯主', '1956-05-15')]),
      personId: '1',
      on: '2026-05-31',
      expected: false,
      reasonIncludes: '2026年6月1日から',
    },
    {
      name: '5月15日生まれ: 翌月1日から',
      household: household([person(1, '世帯主', '1956-05-15')]),
      personId: '1',
      on: '2026-06-01',
      expected: true,
    },
    {
      name: '6月1日生まれ: 誕生日の6月1日から（5月31日に70歳に達するため）',
      household: household([person(1, '世帯主', '1956-06-01')]),
      personId: '1',
      on: '2026-06-01',
      expected: true,
      reasonIncludes: '2026年6月1日から',
    },
    {
      name: '76歳は後期高齢者医療',
      household: household([person(1, '世帯主', '1950-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '後期高齢者医療',
    },
  ],
};
