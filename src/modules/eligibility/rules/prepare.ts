// Everything a rule reads that takes arithmetic (ages, months, grade, certificate grades, household make-up) is
// worked out once per person and evaluation day here, so each of the rules only compares numbers.
import { ageAtFiscalYearEnd, ageInMonths, ageOn, ageReachedBy, type Day, parseDay, schoolGrade } from './calendar.ts';
import type { Household, Person } from './types.ts';

export interface PreparedPerson {
  id: string;
  person: Person;
  birth: Day;
  /** 満年齢 on the day. */
  age: number;
  /** Age reached by the end of the day (counts the day before a birthday; 年齢計算ニ関スル法律). */
  ageReached: number;
  /** 月齢 */
  ageMonths: number;
  /** Days since birth (0 on the day of birth; negative: not yet born on that day). */
  ageDays: number;
  /** 年度末年齢 */
  fiscalYearEndAge: number;
  /** 学年 by age: 1–12 school, 0 年長, lower before (see schoolGrade). */
  grade: number;
  /** 身体障害者手帳の等級 1–6; 0 without one; 7 when held but the grade is not recorded (no grade rule matches). */
  shintaiGrade: number;
  /** 療育手帳: 'A' (A, A1, A2), 'B' (B, B1, B2), 'unknown' when the grade is not recorded, '' without one. */
  ryoiku: '' | 'A' | 'B' | 'unknown';
  /** 精神障害者保健福祉手帳の等級 1–3; 0 without one; 4 when held but the grade is not recorded. */
  seishinGrade: number;
  hasCertificate: boolean;
}

export interface PreparedHousehold {
  id: string;
  household: Household;
  wardCode: string;
  incomeBand: number;
  members: PreparedPerson[];
  /** 世帯主 (the first member when none is marked). */
  head: PreparedPerson | undefined;
  /** A 妻 or 夫 of the head lives in the household. */
  hasSpouse: boolean;
  /** Members recorded as 子 of the head and already born on the day. */
  children: PreparedPerson[];
}

function gradeNumber(grade: string | undefined, unknown: number): number {
  const n = grade === undefined ? Number.NaN : Number.parseInt(grade, 10);
  return n >= 1 ? n : unknown;
}

function ryoikuLevel(grade: string | undefined): 'A' | 'B' | 'unknown' {
  const first = grade?.charAt(0);
  return first === 'A' || first === 'Ａ' ? 'A' : first === 'B' || first === 'Ｂ' ? 'B' : 'unknown';
}

export function preparePerson(person: Person, on: Day): PreparedPerson {
  const birth = parseDay(person.birthDate);
  const disability = person.disability;
  const type = disability?.type;
  const grade = disability?.grade;
  const kinds = person.certificates;
  const hasShintai = kinds === undefined ? type === 'physical' : kinds.includes('shintai');
  const hasRyoiku = kinds === undefined ? type === 'intellectual' : kinds.includes('ryoiku');
  const hasSeishin = kinds === undefined ? type === 'mental' : kinds.includes('seishin');
  return {
    id: person.id,
    person,
    birth,
    age: ageOn(birth, on),
    ageReached: ageReachedBy(birth, on),
    ageMonths: ageInMonths(birth, on),
    ageDays: on.serial - birth.serial,
    fiscalYearEndAge: ageAtFiscalYearEnd(birth, on),
    grade: schoolGrade(birth, on),
    shintaiGrade: hasShintai ? gradeNumber(type === 'physical' ? grade : undefined, 7) : 0,
    ryoiku: hasRyoiku ? ryoikuLevel(type === 'intellectual' ? grade : undefined) : '',
    seishinGrade: hasSeishin ? gradeNumber(type === 'mental' ? grade : undefined, 4) : 0,
    hasCertificate: hasShintai || hasRyoiku || hasSeishin || (kinds !== undefined && kinds.length > 0),
  };
}

export function prepareHousehold(household: Household, on: Day): PreparedHousehold {
  const members: PreparedPerson[] = [];
  const children: PreparedPerson[] = [];
  let head: PreparedPerson | undefined;
  let hasSpouse = false;
  for (const person of household.members) {
    const p = preparePerson(person, on);
    members.push(p);
    const relationship = person.relationship;
    if (relationship === '世帯主') head ??= p;
    else if (relationship === '妻' || relationship === '夫') hasSpouse = true;
    else if (relationship === '子' && p.ageDays >= 0) children.push(p);
  }
  return {
    id: household.id,
    household,
    wardCode: household.wardCode,
    incomeBand: household.incomeBand,
    members,
    head: head ?? members[0],
    hasSpouse,
    children,
  };
}
