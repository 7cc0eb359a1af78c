// 川崎市二十歳を祝うつどい (held in January): those who reach 20 during the school year, that is born from 4月2日
// twenty years before the school year's start to 4月1日 a year later.
import { household, person } from '../build.ts';
import { eligible, fiscalYear, notEligible, type PersonRule } from '../rule.ts';

export const hatachiTsudoi: PersonRule = {
  id: 'hatachi-tsudoi',
  version: 1,
  title: '二十歳を祝うつどい',
  audience: 'person',
  description: 'その年度中（3月31日まで）に20歳になる方。つどいは1月に開催します。',
  evaluate(_h, p, on) {
    if (p.fiscalYearEndAge === 20) {
      const january = fiscalYear(on) + 1;
      return eligible(
        `今年度中に20歳になるため、${january}年1月の二十歳を祝うつどいのご案内の対象です。`,
        `今年度（こんねんど）に 20歳（さい）に なるので、${january}年（ねん）1月（がつ）の お祝い（おいわい）の 会（かい）に 来て（きて）ください。`,
        { fiscalYearEndAge: p.fiscalYearEndAge },
      );
    }
    return notEligible(
      '今年度中に20歳になる方ではないため、二十歳を祝うつどいのご案内の対象ではありません。',
      '今年度（こんねんど）に 20歳（さい）に なる 人（ひと）では ないので、対象（たいしょう）では ありません。',
      { fiscalYearEndAge: p.fiscalYearEndAge },
    );
  },
  examples: [
    {
      name: '今年度中に20歳',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2006-06-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
      reasonIncludes: '2027年1月',
    },
    {
      name: '4月1日生まれ: 年度末に20歳に達するので対象',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2007-04-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: true,
    },
    {
      name: '4月2日生まれ: 翌年度',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2007-04-02')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
    {
      name: '昨年度に20歳になった方',
      household: household([person(1, '世帯主', '1975-01-01'), person(2, '子', '2005-06-01')]),
      personId: '2',
      on: '2026-04-01',
      expected: false,
    },
  ],
};
