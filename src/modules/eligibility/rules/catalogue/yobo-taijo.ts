// 帯状疱疹ワクチン定期接種 (from April 2025): people who reach 65 in the school year, and during the five-year
// transition (2025–2029年度) those who reach 70, 75, 80, 85, 90, 95 or 100. Simplified: 100歳以上 (FY2025 only)
// and the 60–64 HIV group are not modelled; the transition is not ended in 2030 here.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboTaijo: PersonRule = {
  id: 'yobo-taijo',
  version: 1,
  title: '帯状疱疹予防接種',
  audience: 'person',
  description:
    'その年度中（3月31日まで）に65・70・75・80・85・90・95・100歳になる方（2025〜2029年度の経過措置を含む）。',
  evaluate(_h, p) {
    const age = p.fiscalYearEndAge;
    if (age >= 65 && age <= 100 && age % 5 === 0) {
      return eligible(
        `今年度中に${age}歳になるため、帯状疱疹予防接種（定期接種）の対象です。`,
        `今年度（こんねんど）に ${age}歳（さい）に なるので、帯状疱疹（たいじょうほうしん）の 予防接種（よぼうせっしゅ）を 安く（やすく） 受けられます（うけられます）。`,
        { fiscalYearEndAge: age },
      );
    }
    return notEligible(
      '今年度中に65・70・75・80・85・90・95・100歳になる方ではないため、帯状疱疹予防接種（定期接種）の対象ではありません。',
      '今年度（こんねんど）は 対象（たいしょう）の 年齢（ねんれい）では ありません。',
      { fiscalYearEndAge: age },
    );
  },
  examples: [
    {
      name: '今年度中に65歳',
      household: household([person(1, '世帯主', '1961-10-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '65歳',
    },
    {
      name: '今年度中に64歳',
      household: household([person(1, '世帯主', '1962-10-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '今年度中に70歳（経過措置）',
      household: household([person(1, '世帯主', '1956-10-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '70歳',
    },
    {
      name: '4月1日生まれ: 年度末（3月31日）に65歳に達するので今年度の対象',
      household: household([person(1, '世帯主', '1962-04-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '4月2日生まれ: 65歳になるのは翌年度',
      household: household([person(1, '世帯主', '1962-04-02')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
