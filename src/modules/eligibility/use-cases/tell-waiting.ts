// Tells the newly eligible who are waiting: for one rule when staff approve its outreach, or — for rules
// with a standing approval — right after a run found them (a birth, a move-in, a birthday crossing a
// threshold). Reasons are worked out again for each person with the version that found them.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { findRule } from '../registry.ts';
import { evaluateRule } from '../rules/index.ts';
import { loadHouseholds, toHousehold } from '../runs/households.ts';
import { type Finding, tellPeople } from './tell-people.ts';

export interface TellInput {
  tenantId: string;
  on: string;
  origin: string;
  approvedBy: string;
  kind: 'staff' | 'event';
  /** staff: this rule's waiting people. */
  ruleId?: string;
  /** event: the waiting people among these, for rules with a standing approval. */
  personIds?: string[];
}

export async function tellWaiting(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: TellInput,
): Promise<{ told: number; byPost: number }> {
  const waiting = await withTenant(deps.db, input.tenantId, (trx) =>
    sql<{ rule_id: string; version: number; person_id: string; household_id: string }>`
      select r.rule_id, r.version, r.person_id::text, r.household_id::text
      from elig_results r
      ${input.kind === 'event' ? sql`join elig_rule_settings s on s.tenant_id = r.tenant_id and s.rule_id = r.rule_id and s.auto_notify` : sql``}
      where r.status = 'eligible' and not r.baseline and r.notified_at is null
        ${input.ruleId ? sql`and r.rule_id = ${input.ruleId}` : sql``}
        ${input.personIds ? sql`and r.person_id = any(${input.personIds}::bigint[])` : sql``}
      order by r.rule_id, r.person_id`.execute(trx),
  );
  if (waiting.rows.length === 0) return { told: 0, byPost: 0 };
  const households = await loadHouseholds(
    deps,
    input.tenantId,
    waiting.rows.map((r) => r.household_id),
  );
  const byRule = new Map<string, { version: number; findings: Finding[] }>();
  for (const r of waiting.rows) {
    const rule = findRule(r.rule_id, r.version);
    const household = households.get(r.household_id);
    if (!rule || !household) continue;
    const decided = evaluateRule(rule, toHousehold(household), input.on, r.person_id);
    // Still eligible today (a run may be some days old): tell; otherwise the next run ends the row.
    if (!decided?.eligible || decided.personId !== r.person_id) continue;
    const entry = byRule.get(rule.id) ?? { version: rule.version, findings: [] };
    entry.findings.push({
      personId: r.person_id,
      householdId: r.household_id,
      reason: decided.reason,
      reasonEasy: decided.reasonEasy,
    });
    byRule.set(rule.id, entry);
  }
  let told = 0;
  let byPost = 0;
  await withTenant(deps.db, input.tenantId, async (trx) => {
    for (const [ruleId, entry] of byRule) {
      const result = await tellPeople(deps, trx, {
        tenantId: input.tenantId,
        rule: findRule(ruleId, entry.version)!,
        kind: input.kind,
        approvedBy: input.approvedBy,
        findings: entry.findings,
        households,
        on: input.on,
        origin: input.origin,
      });
      told += result.told;
      byPost += result.byPost;
    }
  });
  return { told, byPost };
}
