// 高等学校等就学支援金 (国の制度). Simplified: 高校生年代 is reckoned from age (enrolment is not in the register);
// until March 2025 income band ≤ 8 stood for the income limit (年収約910万円未満); from April 2025 the limit is
// treated as gone (2025年度の臨時支援金 and the 2026 reform), and 私立加算 amounts are not modelled.
import { household, person } from '../build.ts';
import { eligible, gradeLabel, notEligible, type PersonRule } from '../rule.ts';

/** 2025-04-01 as a day serial: the income limit is no longer applied from this day. */
const noIncomeLimitFrom = Date.UTC(2025, 3, 1) / 86_400_000;

export const kokoShugakuShien: PersonRule = {
  id: 'koko-shugaku-shien',
  version: 1,
  title: '高等学校等就学支援金',
  audience: 'person',
  description: '高校生年代（高校1〜3年生相当）の方。2025年3月までは所得区分8以下（年収約910万円未満）。',
  evaluate(h, p, on) {
    const facts = { grade: p.grade, incomeBand: h.incomeBand };
    if (p.grade < 10 || p.grade > 12) {
      return notEligible(
        '高校生年代（高校1〜3年生相当）ではないため、高等学校等就学支援金の対象ではありません。',
        '高校生（こうこうせい）の 年齢（ねんれい）では ないので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    if (on.serial < noIncomeLimitFrom && h.incomeBand > 8) {
      return notEligible(
        `高校生年代ですが、世帯の所得が基準を超えている（所得区分${h.incomeBand}）ため、対象ではありません。`,
        'お金（おかね）の 収入（しゅうにゅう）が 多い（おおい）ので、対象（たいしょう）では ありません。',
        facts,
      );
    }
    return eligible(
      `${gradeLabel(p.grade)}のため、高等学校等就学支援金（授業料の支援）の対象です。`,
      '高校（こうこう）の 授業料（じゅぎょうりょう）を 国（くに）が 助けます（たすけます）。',
      facts,
    );
  },
  examples: [
    {
      name: '高校1年生相当',
      household: household([person(1, '世帯主', '1980-01-01'), person(2, '子', '2010-06-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '高校1年生相当',
    },
    {
      name: '中学3年生相当',
      household: household([person(1, '世帯主', '1980-01-01'), person(2, '子', '2011-06-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '2025年3月: 所得区分9の世帯は対象外だった',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-06-01')], { incomeBand: 9 }),
      personId: '2',
      on: '2025-03-01',
      expected: false,
      reasonIncludes: '所得',
    },
    {
      name: '2025年4月から: 所得区分9の世帯も対象',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2008-06-01')], { incomeBand: 9 }),
      personId: '2',
      on: '2025-04-01',
      expected: true,
    },
  ],
};
