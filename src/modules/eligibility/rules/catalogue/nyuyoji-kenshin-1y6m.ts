// 1歳6か月児健康診査 (母子保健法). Simplified: invited from 1歳6か月 until 2歳 (月齢 18–23).
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const nyuyojiKenshin1y6m: PersonRule = {
  id: 'nyuyoji-kenshin-1y6m',
  version: 1,
  title: '1歳6か月児健康診査',
  audience: 'person',
  description: '1歳6か月から2歳未満（月齢18〜23か月）のお子さん。',
  evaluate(_h, p) {
    if (p.ageMonths >= 18 && p.ageMonths <= 23) {
      return eligible(
        `1歳${p.ageMonths - 12}か月のため、1歳6か月児健康診査の対象です。`,
        '1歳（さい）6か月（げつ）の 健康診断（けんこうしんだん）を 受けて（うけて）ください。',
        { ageMonths: p.ageMonths },
      );
    }
    return notEligible(
      '1歳6か月から2歳未満ではないため、1歳6か月児健康診査の対象ではありません。',
      '1歳（さい）6か月（げつ）から 2歳（さい）の 前（まえ）の 子ども（こども）では ないので、対象（たいしょう）では ありません。',
      { ageMonths: p.ageMonths },
    );
  },
  examples: [
    {
      name: '1歳6か月になった日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2024-10-15')]),
      personId: '2',
      on: '2026-04-15',
      expected: true,
      reasonIncludes: '1歳6か月のため',
    },
    {
      name: '1歳6か月になる前日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2024-10-15')]),
      personId: '2',
      on: '2026-04-14',
      expected: false,
    },
    {
      name: '2歳の誕生日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2024-10-15')]),
      personId: '2',
      on: '2026-10-15',
      expected: false,
    },
  ],
};
