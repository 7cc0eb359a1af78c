// 高齢者インフルエンザ定期接種 (B類). Simplified: 65 and over on the day; 60–64 with 身体障害者手帳1級 stands for
// the heart, kidney, respiratory or immune 1級 disabilities the law names; the autumn–winter period the city
// sets each year is not checked here (the outreach job chooses when to run).
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboFluElderly: PersonRule = {
  id: 'yobo-flu-elderly',
  version: 1,
  title: '高齢者インフルエンザ予防接種',
  audience: 'person',
  description: '65歳以上の方、または60〜64歳で身体障害者手帳1級（心臓・腎臓・呼吸器・免疫の機能障害）の方。',
  evaluate(_h, p) {
    if (p.age >= 65) {
      return eligible(
        `${p.age}歳のため、高齢者インフルエンザ予防接種（定期接種）の対象です。`,
        '65歳（さい）以上（いじょう）なので、インフルエンザの 予防接種（よぼうせっしゅ）を 安く（やすく） 受けられます（うけられます）。',
        { age: p.age },
      );
    }
    if (p.age >= 60 && p.shintaiGrade === 1) {
      return eligible(
        '60〜64歳で身体障害者手帳1級をお持ちのため、高齢者インフルエンザ予防接種（定期接種）の対象です。',
        '障害者手帳（しょうがいしゃてちょう）1級（きゅう）が あるので、予防接種（よぼうせっしゅ）を 安く（やすく） 受けられます（うけられます）。',
        { age: p.age },
      );
    }
    return notEligible(
      '65歳未満のため、高齢者インフルエンザ予防接種（定期接種）の対象ではありません。',
      '65歳（さい）に なって いないので、対象（たいしょう）では ありません。',
      { age: p.age },
    );
  },
  examples: [
    {
      name: '65歳の誕生日',
      household: household([person(1, '世帯主', '1961-04-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '65歳',
    },
    {
      name: '65歳の誕生日の前日',
      household: household([person(1, '世帯主', '1961-04-01')]),
      personId: '1',
      on: '2026-03-31',
      expected: false,
    },
    {
      name: '62歳で身体障害者手帳1級',
      household: household([person(1, '世帯主', '1964-01-01', { disability: { type: 'physical', grade: '1' } })]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '身体障害者手帳1級',
    },
    {
      name: '40歳',
      household: household([person(1, '世帯主', '1986-01-01')]),
      personId: '1',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
