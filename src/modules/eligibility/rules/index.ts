// Eligibility rules as code: pure functions over a household snapshot and a day, with worked examples that
// gate activation. No database: the eligibility module loads the register, stores results and runs them.
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
export { catalogue } from './catalogue/index.ts';
export {
  type EvaluateOptions,
  evaluateHousehold,
  evaluateRule,
  RuleEvaluationError,
  validateRule,
} from './evaluate.ts';
export { type PreparedHousehold, type PreparedPerson, prepareHousehold, preparePerson } from './prepare.ts';
export { eligible, type HouseholdRule, notEligible, type PersonRule, type Rule, type RuleExample } from './rule.ts';
export type {
  CertificateKind,
  Disability,
  DisabilityType,
  Evaluation,
  Household,
  LifeEvent,
  LifeEventType,
  Person,
  Relationship,
  RuleResult,
  Sex,
} from './types.ts';
