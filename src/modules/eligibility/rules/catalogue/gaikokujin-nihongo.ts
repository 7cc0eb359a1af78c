// 外国人住民向け 日本語教室・生活ガイドのご案内 (多言語・やさしい日本語). Simplified: residents of a nationality
// other than Japanese, aged 16 and over; language level is not in the register.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const gaikokujinNihongo: PersonRule = {
  id: 'gaikokujin-nihongo',
  version: 1,
  title: '外国人住民向け日本語教室・生活ガイド',
  audience: 'person',
  description: '外国籍の16歳以上の方。日本語教室と、多言語・やさしい日本語の生活ガイドをご案内します。',
  evaluate(_h, p) {
    const nationality = p.person.nationality;
    if (nationality !== 'JP' && p.age >= 16) {
      return eligible(
        '外国籍の16歳以上の方のため、日本語教室と生活ガイドのご案内の対象です。',
        '日本語（にほんご）の 教室（きょうしつ）と、生活（せいかつ）の ガイドを お知らせ（おしらせ）します。',
        { nationality, age: p.age },
      );
    }
    return notEligible(
      nationality === 'JP'
        ? '日本国籍の方のため、外国人住民向けのご案内の対象ではありません。'
        : '16歳未満のため、外国人住民向け日本語教室のご案内の対象ではありません（学校での支援をご案内します）。',
      'この お知らせ（おしらせ）の 対象（たいしょう）では ありません。',
      { nationality, age: p.age },
    );
  },
  examples: [
    {
      name: 'ベトナム国籍の30歳',
      household: household([person(1, '世帯主', '1996-01-01', { nationality: 'VN' })]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '外国籍',
    },
    {
      name: '日本国籍',
      household: household([person(1, '世帯主', '1996-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '日本国籍',
    },
    {
      name: 'ベトナム国籍の10歳',
      household: household([
        person(1, '世帯主', '1990-01-01', { nationality: 'VN' }),
        person(2, '子', '2016-01-01', { nationality: 'VN' }),
      ]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
      reasonIncludes: '16歳未満',
    },
  ],
};
