// 高齢者肺炎球菌定期接種, as since April 2024: people aged 65, that is from the day before the 65th birthday (the
// day of reaching 65) through the day before the 66th. Simplified: an earlier 23価 dose is not in the register,
// and the 60–64 disability group is not modelled.
import { household, person } from '../build.ts';
import { eligible, notEligible, type PersonRule } from '../rule.ts';

export const yoboHaien: PersonRule = {
  id: 'yobo-haien',
  version: 1,
  title: '高齢者肺炎球菌予防接種',
  audience: 'person',
  description: '65歳の方（65歳の誕生日の前日から66歳の誕生日の前日まで）。',
  evaluate(_h, p) {
    const facts = { age: p.age, ageReached: p.ageReached };
    if (p.ageReached >= 65 && p.age <= 65) {
      return eligible(
        '65歳の方（65歳の誕生日の前日から66歳の誕生日の前日まで）のため、高齢者肺炎球菌予防接種の対象です。',
        '65歳（さい）の 人（ひと）は、肺炎球菌（はいえんきゅうきん）の 予防接種（よぼうせっしゅ）を 安く（やすく） 受けられます（うけられます）。',
        facts,
      );
    }
    return notEligible(
      p.ageReached < 65
        ? 'まだ65歳に達していないため、高齢者肺炎球菌予防接種の対象ではありません（65歳の誕生日の前日から対象です）。'
        : '対象の期間（66歳の誕生日の前日まで）を過ぎているため、高齢者肺炎球菌予防接種の定期接種の対象ではありません。',
      '今（いま）は この 予防接種（よぼうせっしゅ）の 対象（たいしょう）では ありません。',
      facts,
    );
  },
  examples: [
    {
      name: '65歳の誕生日の前日（65歳に達した日）から対象',
      household: household([person(1, '世帯主', '1961-04-02')]),
      personId: '1',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '65歳の誕生日の前日',
    },
    {
      name: 'その前日は対象外',
      household: household([person(1, '世帯主', '1961-04-02')]),
      personId: '1',
      on: '2026-03-31',
      expected: false,
      reasonIncludes: 'まだ65歳',
    },
    {
      name: '66歳の誕生日の前日まで対象',
      household: household([person(1, '世帯主', '1961-04-02')]),
      personId: '1',
      on: '2027-04-01',
      expected: true,
    },
    {
      name: '66歳の誕生日から対象外',
      household: household([person(1, '世帯主', '1961-04-02')]),
      personId: '1',
      on: '2027-04-02',
      expected: false,
      reasonIncludes: '過ぎている',
    },
  ],
};
