// 3歳児健康診査 (母子保健法). Simplified: invited from the 3rd birthday until the 4th (月齢 36–47); the city's
// usual timing (around 3歳6か月) is not modelled.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const nyuyojiKenshin3y: PersonRule = {
  id: 'nyuyoji-kenshin-3y',
  version: 1,
  title: '3歳児健康診査',
  audience: 'person',
  description: '3歳から4歳未満（月齢36〜47か月）のお子さん。',
  evaluate(_h, p) {
    if (p.ageMonths >= 36 && p.ageMonths <= 47) {
      return eligible(
        `3歳${p.ageMonths - 36}か月のため、3歳児健康診査の対象です。`,
        '3歳（さい）の 健康診断（けんこうしんだん）を 受けて（うけて）ください。',
        { ageMonths: p.ageMonths },
      );
    }
    return notEligible(
      '3歳から4歳未満ではないため、3歳児健康診査の対象ではありません。',
      '3歳（さい）の 子ども（こども）では ないので、対象（たいしょう）では ありません。',
      { ageMonths: p.ageMonths },
    );
  },
  examples: [
    {
      name: '3歳の誕生日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2023-04-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '3歳0か月',
    },
    {
      name: '3歳の誕生日の前日',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2023-04-01')]),
      personId: '2',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '大人',
      household: household([person(1, '世帯主', '1990-01-01'), person(2, '子', '2023-04-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
