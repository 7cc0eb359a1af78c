// Ages, months and school years on plain integers, as Japanese law counts them. Built for the hot path of a
// population run: no Date objects, no allocation after a day is parsed.
//
// 年齢計算ニ関スル法律 and 民法143条: a person's age goes up at the end of the day before their birthday. Two
// consequences matter to eligibility:
// - "X歳に達した日" (the day a person reaches X) is the day before the birthday: 介護保険 第1号被保険者 starts on
//   the day before the 65th birthday, 国民年金 on the day before the 20th; someone born on 29 February reaches
//   their age at the end of 28 February in other years.
// - School years: a child born on 4月1日 has reached 6 by the end of 31 March, so they start primary school a
//   year before a child born on 4月2日 (早生まれ is 1月1日 to 4月1日, not to 3月31日).

export interface Day {
  /** YYYY-MM-DD */
  iso: string;
  y: number;
  m: number;
  d: number;
  /** month × 100 + day, for comparing dates within a year. */
  md: number;
  /** Days since 1970-01-01. */
  serial: number;
}

const msPerDay = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Reads YYYY-MM-DD; a malformed or impossible date throws a RangeError that names it. */
export function parseDay(iso: string): Day {
  const y = iso.length === 10 && iso[4] === '-' && iso[7] === '-' ? digits(iso, 0, 4) : -1;
  const m = y < 0 ? -1 : digits(iso, 5, 7);
  const d = m < 0 ? -1 : digits(iso, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`日付「${iso}」が正しくありません（YYYY-MM-DD の形で、実在する日付にしてください）`);
  }
  return { iso, y, m, d, md: m * 100 + d, serial: Date.UTC(y, m - 1, d) / msPerDay };
}

/** The day `days` after (or before, if negative) `day`. */
export function addDays(day: Day, days: number): Day {
  const date = new Date((day.serial + days) * msPerDay);
  return parseDay(date.toISOString().slice(0, 10));
}

/** 年度: April to March, named by the year it starts in. */
export function fiscalYear(day: Day): number {
  return day.m >= 4 ? day.y : day.y - 1;
}

function completedYears(birth: Day, y: number, md: number): number {
  return y - birth.y - (md < birth.md ? 1 : 0);
}

/** 満年齢 during the day `on`: the birthday itself counts, the day before it not yet. */
export function ageOn(birth: Day, on: Day): number {
  return completedYears(birth, on.y, on.md);
}

/**
 * The age a person has reached by the end of `on` (年齢計算ニ関スル法律): one more than `ageOn` on the day
 * before a birthday. Use it for "X歳に達した日から" (介護保険, 国民年金).
 */
export function ageReachedBy(birth: Day, on: Day): number {
  if (on.d < daysInMonth(on.y, on.m)) return completedYears(birth, on.y, on.md + 1);
  return on.m === 12 ? completedYears(birth, on.y + 1, 101) : completedYears(birth, on.y, (on.m + 1) * 100 + 1);
}

/** Whether the person has reached `years` (X歳に達した) by the end of `on`. */
export function hasReachedAge(birth: Day, on: Day, years: number): boolean {
  return ageReachedBy(birth, on) >= years;
}

/**
 * 月齢: whole months since birth. A month is complete on the day with the birth date's number, or on the
 * month's last day when the month has no such day (born 31 January: one month old on 28 February).
 */
export function ageInMonths(birth: Day, on: Day): number {
  const months = (on.y - birth.y) * 12 + (on.m - birth.m);
  const last = daysInMonth(on.y, on.m);
  return on.d < Math.min(birth.d, last) ? months - 1 : months;
}

/** 年度末年齢: the age reached by the end of 31 March of the school year `on` falls in. */
export function ageAtFiscalYearEnd(birth: Day, on: Day): number {
  return completedYears(birth, fiscalYear(on) + 1, 401);
}

/**
 * 学年 by age (not enrolment): 1–6 小学校, 7–9 中学校, 10–12 高校生年代; 0 is the year before primary school
 * (年長, 5歳児クラス), −1 年中, −2 年少, lower for younger children. Children born 4月2日 to the next 4月1日 share one.
 */
export function schoolGrade(birth: Day, on: Day): number {
  return ageAtFiscalYearEnd(birth, on) - 6;
}

/**
 * "Xに達する日以後の最初の3月31日": the last day of the school year in which the person reaches `years`
 * (児童手当 and 小児医療費助成 run to this day for 18).
 */
export function endOfSchoolYearReaching(birth: Day, years: number): string {
  // The day of reaching is the day before the birthday; the first 31 March on or after it.
  const reachY = birth.y + years;
  const reachMd = birth.md; // the birthday in the year of reaching; the day before it is ≤ 31 March iff md ≤ 401
  const endY = reachMd <= 401 ? reachY : reachY + 1;
  return `${endY}-03-31`;
}

/** The grade as people say it: 小学3年生, 中学1年生, 高校2年生相当, 年長 … */
export function gradeLabel(grade: number): string {
  if (grade >= 1 && grade <= 6) return `小学${grade}年生`;
  if (grade >= 7 && grade <= 9) return `中学${grade - 6}年生`;
  if (grade >= 10 && grade <= 12) return `高校${grade - 9}年生相当`;
  if (grade === 0) return '年長（5歳児クラス）';
  if (grade === -1) return '年中（4歳児クラス）';
  if (grade === -2) return '年少（3歳児クラス）';
  return grade < 0 ? '就学前' : '高校卒業後の年代';
}
