// 麻しん風しん混合（MR）第1期: 生後12か月から24か月に至るまで (1歳の間).
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboMr1: PersonRule = {
  id: 'yobo-mr1',
  version: 1,
  title: '予防接種（MR 第1期）',
  audience: 'person',
  description: '1歳の誕生日から2歳の誕生日の前日まで（生後12〜24か月未満）のお子さん。',
  evaluate(_h, p) {
    if (p.ageMonths >= 12 && p.ageMonths < 24) {
      return eligible(
        '1歳のため、麻しん風しん混合（MR）ワクチン第1期の定期接種の対象です。',
        'はしか と 風疹（ふうしん）の 予防接種（よぼうせっしゅ）を 無料（むりょう）で 受けられます（うけられます）。',
        { ageMonths: p.ageMonths },
      );
    }
    return notEligible(
      '1歳（生後12〜24か月未満）ではないため、MRワクチン第1期の定期接種の対象ではありません。',
      '1歳（さい）の 子ども（こども）では ないので、対象（たいしょう）では ありません。',
      { ageMonths: p.ageMonths },
    );
  },
  examples: [
    {
      name: '1歳の誕生日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2025-04-02')]),
      personId: '2',
      on: '2026-04-02',
      expected: true,
    },
    {
      name: '1歳の誕生日の前日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2025-04-02')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '2歳の誕生日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2025-04-02')]),
      personId: '2',
      on: '2027-04-02',
      expected: false,
    },
  ],
};
