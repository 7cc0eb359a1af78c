// 乳がん検診 (がん検診, 2年に1回). Simplified: women who reach an even age of 40 or more by the end of the school
// year (年度末年齢が偶数); whether they were screened last year is not in the register.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const nyuganKenshin: PersonRule = {
  id: 'nyugan-kenshin',
  version: 1,
  title: '乳がん検診',
  audience: 'person',
  description: '40歳以上の女性で、年度末（3月31日）の年齢が偶数の方（2年に1回）。',
  evaluate(_h, p) {
    const age = p.fiscalYearEndAge;
    const facts = { fiscalYearEndAge: age, sex: p.person.sex };
    if (p.person.sex !== '2') {
      return notEligible(
        '乳がん検診は女性が対象のため、対象ではありません。',
        'この 検診（けんしん）は 女性（じょせい）が 対象（たいしょう）です。',
        facts,
      );
    }
    if (age < 40) {
      return notEligible(
        '年度末の年齢が40歳未満のため、乳がん検診の対象ではありません。',
        '40歳（さい）より 下（した）なので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    if (age % 2 === 1) {
      return notEligible(
        `年度末の年齢が${age}歳（奇数）のため、今年度は乳がん検診の対象ではありません（偶数の年齢の年度に受けられます）。`,
        '今年度（こんねんど）は 対象（たいしょう）では ありません。来年度（らいねんど）に 受けられます（うけられます）。',
        facts,
      );
    }
    return eligible(
      `年度末の年齢が${age}歳（偶数）の女性のため、今年度の乳がん検診の対象です。`,
      '今年度（こんねんど）、乳（にゅう）がん の 検診（けんしん）を 安く（やすく） 受けられます（うけられます）。',
      facts,
    );
  },
  examples: [
    {
      name: '年度末に40歳になる女性',
      household: household([person(1, '世帯主', '1986-06-01', { sex: '2' })]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '40歳（偶数）',
    },
    {
      name: '年度末に41歳になる女性',
      household: household([person(1, '世帯主', '1985-06-01', { sex: '2' })]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '奇数',
    },
    {
      name: '年度末に40歳になる男性',
      household: household([person(1, '世帯主', '1986-06-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '女性',
    },
    {
      name: '年度末に38歳になる女性',
      household: household([person(1, '世帯主', '1988-06-01', { sex: '2' })]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
