// Running rules: every rule for every member of one household on one day (an event, or one household of a
// population run), and the gate a rule passes before it may be activated (its examples all hold).
import { type Day, parseDay } from './calendar.ts';
import { catalogue } from './catalogue/index.ts';
import { type PreparedHousehold, type PreparedPerson, prepareHousehold } from './prepare.ts';
import type { Rule } from './rule.ts';
import type { Evaluation, Household, RuleResult } from './types.ts';

/** A rule threw while deciding: names the rule and the person, with the original error as `cause`. */
export class RuleEvaluationError extends Error {
  readonly ruleId: string;
  readonly personId: string;

  constructor(ruleId: string, personId: string, cause: unknown) {
    super(
      `規則「${ruleId}」が住民 ${personId} の判定中にエラーになりました: ${String((cause as Error)?.message ?? cause)}`,
      {
        cause,
      },
    );
    this.name = 'RuleEvaluationError';
    this.ruleId = ruleId;
    this.personId = personId;
  }
}

export interface EvaluateOptions {
  /** Leave out the not-eligible rows (a population run keeps only those it may contact). */
  eligibleOnly?: boolean;
}

function decide(rule: Rule, h: PreparedHousehold, p: PreparedPerson, on: Day): RuleResult {
  try {
    return rule.evaluate(h, p, on);
  } catch (error) {
    throw new RuleEvaluationError(rule.id, p.id, error);
  }
}

function row(rule: Rule, personId: string, r: RuleResult): Evaluation {
  return {
    ruleId: rule.id,
    version: rule.version,
    personId,
    eligible: r.eligible,
    reason: r.reason,
    reasonEasy: r.reasonEasy,
    facts: r.facts,
  };
}

/**
 * Every rule for one household on day `on`: person rules once per member, household rules once, addressed to
 * their recipient. Ages and the household's make-up are worked out once, not per rule.
 */
export function evaluateHousehold(
  household: Household,
  on: string | Day,
  rules: readonly Rule[] = catalogue,
  options: EvaluateOptions = {},
): Evaluation[] {
  const day = typeof on === 'string' ? parseDay(on) : on;
  const h = prepareHousehold(household, day);
  const eligibleOnly = options.eligibleOnly === true;
  const out: Evaluation[] = [];
  for (const rule of rules) {
    if (rule.audience === 'household') {
      const recipient = rule.recipient(h);
      if (recipient === undefined) continue;
      const r = decide(rule, h, recipient, day);
      if (r.eligible || !eligibleOnly) out.push(row(rule, recipient.id, r));
      continue;
    }
    for (const p of h.members) {
      if (p.ageDays < 0) continue; // not born on that day
      const r = decide(rule, h, p, day);
      if (r.eligible || !eligibleOnly) out.push(row(rule, p.id, r));
    }
  }
  return out;
}

/**
 * One rule for one household: for a person rule about `personId`; for a household rule, addressed to its
 * recipient (undefined when there is none, or `personId` is not a member).
 */
export function evaluateRule(
  rule: Rule,
  household: Household,
  on: string | Day,
  personId?: string,
): Evaluation | undefined {
  const day = typeof on === 'string' ? parseDay(on) : on;
  const h = prepareHousehold(household, day);
  const p = rule.audience === 'household' ? rule.recipient(h) : h.members.find((m) => m.id === personId);
  if (p === undefined) return undefined;
  return row(rule, p.id, decide(rule, h, p, day));
}

/** Hiragana, katakana or kanji: a reason a resident reads must be Japanese. */
const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

/**
 * Problems that keep a rule from being activated, in Japanese for the staff who wrote it; empty when the rule
 * may be activated. Checks its shape and runs every example: a wrong answer, a missing or non-Japanese reason,
 * a reason without the expected phrase, the wrong recipient, or an error all count; so does a rule without
 * at least three examples, one eligible and one not.
 */
export function validateRule(rule: Rule): string[] {
  const problems: string[] = [];
  const candidate = rule as Partial<Rule> & Record<string, unknown>;
  if (typeof candidate.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(candidate.id)) {
    problems.push('id は英小文字・数字とハイフンで書いてください（例: jido-teate）。');
  }
  if (!Number.isInteger(candidate.version) || (candidate.version as number) < 1) {
    problems.push('version は1以上の整数にしてください。');
  }
  if (typeof candidate.title !== 'string' || !japanese.test(candidate.title)) {
    problems.push('title（制度の名前）を日本語で書いてください。');
  }
  if (typeof candidate.description !== 'string' || !japanese.test(candidate.description)) {
    problems.push('description（対象の条件）を日本語で書いてください。');
  }
  if (candidate.audience !== 'person' && candidate.audience !== 'household') {
    problems.push('audience は person か household にしてください。');
  } else if (candidate.audience === 'household' && typeof candidate.recipient !== 'function') {
    problems.push('世帯単位の規則には、通知を受け取る人（recipient）が必要です。');
  }
  if (typeof candidate.evaluate !== 'function') problems.push('判定（evaluate）がありません。');
  const examples = Array.isArray(candidate.examples) ? candidate.examples : [];
  if (examples.length < 3) problems.push(`例が${examples.length}件しかありません。3件以上必要です。`);
  if (!examples.some((e) => e.expected === true)) problems.push('「対象」となる例がありません。');
  if (!examples.some((e) => e.expected === false)) problems.push('「対象外」となる例がありません。');
  if (problems.length > 0 && typeof candidate.evaluate !== 'function') return problems;

  for (const example of examples) {
    const label = `例「${example.name}」`;
    if (rule.audience === 'person' && example.personId === undefined) {
      problems.push(`${label}: 判定する人（personId）を指定してください。`);
      continue;
    }
    let result: Evaluation | undefined;
    try {
      result = evaluateRule(rule, example.household, example.on, example.personId);
    } catch (error) {
      const cause = error instanceof RuleEvaluationError ? error.cause : error;
      problems.push(`${label}: 判定中にエラーになりました（${String((cause as Error)?.message ?? cause)}）。`);
      continue;
    }
    if (result === undefined) {
      problems.push(
        rule.audience === 'household'
          ? `${label}: 通知を受け取る人が世帯にいません。`
          : `${label}: 住民 ${example.personId} が世帯にいません。`,
      );
      continue;
    }
    const expected = example.expected ? '対象' : '対象外';
    const actual = result.eligible ? '対象' : '対象外';
    if (result.eligible !== example.expected) {
      problems.push(`${label}: ${expected}のはずが${actual}と判定されました（理由: ${result.reason}）。`);
    }
    if (typeof result.reason !== 'string' || !japanese.test(result.reason)) {
      problems.push(`${label}: 理由が日本語で書かれていません。`);
    } else if (example.reasonIncludes !== undefined && !result.reason.includes(example.reasonIncludes)) {
      problems.push(`${label}: 理由に「${example.reasonIncludes}」が含まれていません（理由: ${result.reason}）。`);
    }
    if (result.reasonEasy !== undefined && !japanese.test(result.reasonEasy)) {
      problems.push(`${label}: やさしい日本語の理由が日本語で書かれていません。`);
    }
    if (rule.audience === 'household' && example.personId !== undefined && result.personId !== example.personId) {
      problems.push(
        `${label}: 通知は住民 ${example.personId} に届くはずが、住民 ${result.personId} 宛てになりました。`,
      );
    }
  }
  return problems;
}
