// 国民年金 (20歳到達時の加入のご案内): a person becomes a 被保険者 on the day they reach 20, the day before the
// 20th birthday. The notice goes to those who reached 20 and have not yet reached 21. Simplified: employees
// (第2号) and their dependent spouses (第3号) are not set apart; 学生納付特例 is mentioned in the notice.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const kokuminNenkin20: PersonRule = {
  id: 'kokumin-nenkin-20',
  version: 1,
  title: '国民年金の加入（20歳）',
  audience: 'person',
  description: '20歳に達した方（20歳の誕生日の前日から21歳の誕生日の前々日まで）への加入と学生納付特例のご案内。',
  evaluate(_h, p) {
    const facts = { ageReached: p.ageReached };
    if (p.ageReached === 20) {
      return eligible(
        '20歳に達した（20歳の誕生日の前日から国民年金の被保険者になる）ため、国民年金の加入のご案内の対象です。',
        '20歳（さい）に なったので、国民年金（こくみんねんきん）に 入ります（はいります）。学生（がくせい）は 払う（はらう）のを 待って（まって） もらえます。',
        facts,
      );
    }
    return notEligible(
      p.ageReached < 20
        ? 'まだ20歳に達していないため、国民年金の加入のご案内の対象ではありません。'
        : '20歳に達した時のご案内は済んでいる年齢のため、対象ではありません。',
      '今（いま）は この お知らせ（おしらせ）の 対象（たいしょう）では ありません。',
      facts,
    );
  },
  examples: [
    {
      name: '20歳の誕生日の前日',
      household: household([person(1, '世帯主', '1980-01-01'), person(2, '子', '2006-04-02')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '20歳に達した',
    },
    {
      name: 'その前の日',
      household: household([person(1, '世帯主', '1980-01-01'), person(2, '子', '2006-04-02')]),
      personId: '2',
      on: '2026-03-31',
      expected: false,
      reasonIncludes: 'まだ20歳',
    },
    {
      name: '46歳',
      household: household([person(1, '世帯主', '1980-01-01'), person(2, '子', '2006-04-02')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
