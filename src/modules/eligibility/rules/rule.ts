// A rule as code: what it is for, whom it addresses, how it decides, and worked examples that prove it. A rule
// whose examples do not all pass cannot be activated (see validateRule in evaluate.ts).
import type { Day } from './calendar.ts';
import type { PreparedHousehold, PreparedPerson } from './prepare.ts';
import type { Household, RuleResult } from './types.ts';

export {
  addDays,
  ageAtFiscalYearEnd,
  ageInMonths,
  ageOn,
  ageReachedBy,
  type Day,
  endOfSchoolYearReaching,
  fiscalYear,
  gradeLabel,
  hasReachedAge,
  parseDay,
  schoolGrade,
} from './calendar.ts';

/** A household and the expected answer, run as a test and before a rule is activated. */
export interface RuleExample {
  name: string;
  household: Household;
  /** Person rules: whom to ask about (required). Household rules: who must receive the notice (optional). */
  personId?: string;
  /** YYYY-MM-DD */
  on: string;
  expected: boolean;
  /** A phrase the reason must contain, so the explanation is tested along with the answer. */
  reasonIncludes?: string;
}

interface RuleBase {
  /** Stable, kebab-case, e.g. 'jido-teate'. */
  id: string;
  /** Goes up whenever the conditions change; results are stored with it so a change can be re-run and compared. */
  version: number;
  /** The service's name as residents know it: 児童手当. */
  title: string;
  /** The conditions in plain Japanese, for staff. */
  description: string;
  /**
   * Decides for one person (person rules) or for the household, addressed to `person` (household rules). Reads
   * only the prepared values; must not throw or keep state.
   */
  evaluate(household: PreparedHousehold, person: PreparedPerson, on: Day): RuleResult;
  examples: RuleExample[];
}

/** Asked about every member: 予防接種, 介護保険 … */
export interface PersonRule extends RuleBase {
  audience: 'person';
}

/** Asked once per household; the notice goes to `recipient` (児童手当 goes to the parent). */
export interface HouseholdRule extends RuleBase {
  audience: 'household';
  recipient(household: PreparedHousehold): PreparedPerson | undefined;
}

export type Rule = PersonRule | HouseholdRule;

const noFacts: Readonly<Record<string, unknown>> = Object.freeze({});

export function eligible(reason: string, reasonEasy: string, facts = noFacts): RuleResult {
  return { eligible: true, reason, reasonEasy, facts };
}

export function notEligible(reason: string, reasonEasy: string, facts = noFacts): RuleResult {
  return { eligible: false, reason, reasonEasy, facts };
}
