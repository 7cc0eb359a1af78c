// The event-driven run: a birth, a move-in, a pregnancy notification or a certificate changes a household,
// so every rule is decided again for its members at once, the results merged as a population run would, and
// people newly eligible under a rule with a standing approval are told straight away.
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { activeRules } from '../registry.ts';
import { evaluateHousehold, parseDay } from '../rules/index.ts';
import { loadHouseholds, toHousehold } from '../runs/households.ts';
import { type FoundRow, insertIntoStage, mergeStage, openStage } from '../runs/results-store.ts';
import { failRun, startRun } from './run-population.ts';
import { tellWaiting } from './tell-waiting.ts';

export async function runForHouseholds(
  deps: { db: Kysely<any>; pool: pg.Pool; jobs: Jobs },
  input: { tenantId: string; householdIds: string[]; on: string; origin: string; triggeredBy: string },
): Promise<{ runId: string; newlyEligible: number; told: number; byPost: number }> {
  const households = await loadHouseholds(deps, input.tenantId, input.householdIds);
  const { runId, rules } = await withTenant(deps.db, input.tenantId, async (trx) => {
    const rules = await activeRules(trx);
    return { rules, runId: await startRun(trx, { ...input, kind: 'event', rules }) };
  });
  const day = parseDay(input.on);
  const found: FoundRow[] = [];
  const personIds: string[] = [];
  let residents = 0;
  for (const h of households.values()) {
    residents += h.members.length;
    personIds.push(...h.members.map((m) => m.id));
    for (const e of evaluateHousehold(toHousehold(h), day, rules, { eligibleOnly: true })) {
      found.push({ ruleId: e.ruleId, version: e.version, personId: e.personId, householdId: h.id });
    }
  }
  const client = await openStage(deps.pool);
  let merged: Awaited<ReturnType<typeof mergeStage>>;
  try {
    await insertIntoStage(client, found);
    merged = await mergeStage(client, {
      tenantId: input.tenantId,
      runId,
      on: input.on,
      scope: { ruleIds: rules.map((r) => r.id), personIds },
      baselineRuleIds: [],
      async finish(result, c) {
        await c.query(
          `update elig_runs set status = 'done', finished_at = now(), households = $2, residents = $3, eligible = $4,
             newly_eligible = $5, no_longer_eligible = $6 where id = $1::uuid`,
          [runId, households.size, residents, result.eligible, result.newlyEligible, result.noLongerEligible],
        );
      },
    });
    client.release();
  } catch (error) {
    client.release(true);
    await failRun(deps.db, input.tenantId, runId, error);
    throw error;
  }
  const told = await tellWaiting(deps, {
    tenantId: input.tenantId,
    on: input.on,
    origin: input.origin,
    approvedBy: 'system',
    kind: 'event',
    personIds,
  });
  return { runId, newlyEligible: merged.newlyEligible, ...told };
}
