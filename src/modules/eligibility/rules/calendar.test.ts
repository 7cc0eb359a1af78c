import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  ageAtFiscalYearEnd,
  ageInMonths,
  ageOn,
  ageReachedBy,
  endOfSchoolYearReaching,
  fiscalYear,
  gradeLabel,
  hasReachedAge,
  parseDay,
  schoolGrade,
} from './calendar.ts';

const d = parseDay;

test('満年齢 goes up on the birthday; the age reached (年齢計算ニ関スル法律) the day before', () => {
  const birth = d('1961-04-02');
  assert.equal(ageOn(birth, d('2026-04-01')), 64);
  assert.equal(ageOn(birth, d('2026-04-02')), 65);
  assert.equal(ageReachedBy(birth, d('2026-03-31')), 64);
  assert.equal(ageReachedBy(birth, d('2026-04-01')), 65, 'reached 65 on the day before the birthday');
  assert.equal(hasReachedAge(birth, d('2026-04-01'), 65), true);
  assert.equal(hasReachedAge(birth, d('2026-03-31'), 65), false);
});

test('the day before a birthday across month and year ends', () => {
  assert.equal(ageReachedBy(d('2000-05-01'), d('2020-04-30')), 20, '1st of the month: reached on the last day before');
  assert.equal(ageReachedBy(d('2000-05-01'), d('2020-04-29')), 19);
  assert.equal(ageReachedBy(d('2000-01-01'), d('2019-12-31')), 20, '1 January: reached on 31 December');
  assert.equal(ageOn(d('2000-01-01'), d('2019-12-31')), 19);
});

test('born on 29 February: 満年齢 on 1 March in other years, the age reached at the end of 28 February', () => {
  const birth = d('2008-02-29');
  assert.equal(ageOn(birth, d('2026-02-28')), 17);
  assert.equal(ageOn(birth, d('2026-03-01')), 18);
  assert.equal(ageReachedBy(birth, d('2026-02-28')), 18);
  assert.equal(ageReachedBy(birth, d('2028-02-28')), 20, 'in a leap year the day before is 28 February too');
  assert.equal(ageReachedBy(birth, d('2028-02-27')), 19);
});

test('月齢 counts whole months; a month without the birth date completes on its last day', () => {
  assert.equal(ageInMonths(d('2026-01-01'), d('2026-03-31')), 2);
  assert.equal(ageInMonths(d('2026-01-01'), d('2026-04-01')), 3);
  assert.equal(ageInMonths(d('2026-01-31'), d('2026-02-27')), 0);
  assert.equal(ageInMonths(d('2026-01-31'), d('2026-02-28')), 1);
  assert.equal(ageInMonths(d('2026-01-31'), d('2026-04-30')), 3);
  assert.equal(ageInMonths(d('2024-10-15'), d('2026-04-15')), 18);
  assert.equal(ageInMonths(d('2026-04-01'), d('2026-04-01')), 0);
});

test('school year: children born 4月2日 to the next 4月1日 share a grade', () => {
  const on = d('2026-04-01');
  assert.equal(fiscalYear(on), 2026);
  assert.equal(fiscalYear(d('2026-03-31')), 2025);
  assert.equal(schoolGrade(d('2019-04-02'), on), 1, '小学1年生 from 2026-04');
  assert.equal(schoolGrade(d('2020-04-01'), on), 1, 'born 4月1日: also 小学1年生 (reached 6 on 31 March)');
  assert.equal(schoolGrade(d('2020-04-02'), on), 0, 'born 4月2日: still 年長');
  assert.equal(schoolGrade(d('2020-04-01'), d('2026-03-31')), 0, 'the day before, the same child is 年長');
  assert.equal(schoolGrade(d('2008-04-02'), on), 12, '高校3年生相当');
  assert.equal(schoolGrade(d('2008-04-01'), on), 13);
  assert.equal(ageAtFiscalYearEnd(d('1962-04-01'), on), 65);
  assert.equal(ageAtFiscalYearEnd(d('1962-04-02'), on), 64);
});

test('the end of the school year in which a person reaches 18 agrees with the grade', () => {
  assert.equal(endOfSchoolYearReaching(d('2008-04-01'), 18), '2026-03-31');
  assert.equal(endOfSchoolYearReaching(d('2008-04-02'), 18), '2027-03-31');
  assert.equal(endOfSchoolYearReaching(d('2008-01-15'), 18), '2026-03-31');
  for (const birth of ['2008-04-01', '2008-04-02', '2008-01-15', '2008-12-31', '2008-02-29']) {
    const last = d(endOfSchoolYearReaching(d(birth), 18));
    assert.equal(schoolGrade(d(birth), last), 12, birth);
    assert.equal(schoolGrade(d(birth), addDays(last, 1)), 13, birth);
  }
});

test('grades as people say them', () => {
  assert.equal(gradeLabel(3), '小学3年生');
  assert.equal(gradeLabel(7), '中学1年生');
  assert.equal(gradeLabel(10), '高校1年生相当');
  assert.equal(gradeLabel(0), '年長（5歳児クラス）');
  assert.equal(gradeLabel(-4), '就学前');
});

test('a malformed or impossible date is refused with the date named', () => {
  for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-4-1', '20260401', 'yesterday', '0000-01-01']) {
    assert.throws(
      () => parseDay(bad),
      (e: Error) => e instanceof RangeError && e.message.includes(bad),
      bad,
    );
  }
  assert.equal(parseDay('2024-02-29').md, 229);
  assert.equal(addDays(d('2026-03-31'), 1).iso, '2026-04-01');
  assert.equal(addDays(d('2026-03-01'), -1).iso, '2026-02-28');
});
