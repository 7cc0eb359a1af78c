// 3〜4か月児健康診査. Simplified: invited while 生後3か月以上5か月未満 (月齢 3 or 4); the ward's session dates are
// not modelled.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const nyuyojiKenshin34m: PersonRule = {
  id: 'nyuyoji-kenshin-3-4m',
  version: 1,
  title: '3〜4か月児健康診査',
  audience: 'person',
  description: '生後3か月から5か月未満（月齢3〜4か月）のお子さん。',
  evaluate(_h, p) {
    if (p.ageDays >= 0 && p.ageMonths >= 3 && p.ageMonths <= 4) {
      return eligible(
        `生後${p.ageMonths}か月のため、3〜4か月児健康診査の対象です。`,
        `赤ちゃん（あかちゃん）は 生まれて（うまれて） ${p.ageMonths}か月（げつ）です。健康診断（けんこうしんだん）を 受けて（うけて）ください。`,
        { ageMonths: p.ageMonths },
      );
    }
    return notEligible(
      '生後3か月から5か月未満ではないため、3〜4か月児健康診査の対象ではありません。',
      '生まれて（うまれて） 3か月（げつ）から 4か月（げつ）の 赤ちゃん（あかちゃん）では ないので、対象（たいしょう）では ありません。',
      { ageMonths: p.ageMonths },
    );
  },
  examples: [
    {
      name: '生後3か月になった日',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-01-01'),
      ]),
      personId: '3',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '生後3か月',
    },
    {
      name: '生後3か月になる前日',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-01-01'),
      ]),
      personId: '3',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '5か月になる前日はまだ対象',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-01-01'),
      ]),
      personId: '3',
      on: '2026-05-31',
      expected: true,
    },
    {
      name: '生後5か月',
      household: household([
        person(1, '世帯主', '1990-01-01'),
        person(2, '妻', '1992-01-01'),
        person(3, '子', '2026-01-01'),
      ]),
      personId: '3',
      on: '2026-06-01',
      expected: false,
    },
  ],
};
