// The whole-population run: every household of the register against every rule the city uses, on one day.
// Households are read a page at a time (the next page is fetched while this one is evaluated), the eligible
// rows are COPY'd into a temporary table as they are found, and one transaction merges them: so the run holds
// one page in memory, never one long transaction over the register, and a failed run changes nothing.
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { withTenant } from '../../../platform/db/tenant.ts';
import { activeRules } from '../registry.ts';
import { evaluateHousehold, parseDay, type Rule } from '../rules/index.ts';
import { registerPages, toHousehold } from '../runs/households.ts';
import { copyIntoStage, type MergeResult, mergeStage, openStage } from '../runs/results-store.ts';

export interface RunSummary extends MergeResult {
  runId: string;
  households: number;
  residents: number;
  rules: number;
  seconds: number;
}

export async function startRun(
  trx: Kysely<any>,
  input: {
    tenantId: string;
    kind: 'population' | 'event' | 'preview';
    on: string;
    rules: readonly Rule[];
    triggeredBy: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('elig_runs')
    .values({
      tenant_id: input.tenantId,
      kind: input.kind,
      evaluated_on: input.on,
      rules: JSON.stringify(Object.fromEntries(input.rules.map((r) => [r.id, r.version]))),
      triggered_by: input.triggeredBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as string;
}

/** Rules among `ruleIds` no population run has decided yet: their first findings are the baseline. */
export async function firstRunRules(trx: Kysely<any>, ruleIds: string[]): Promise<string[]> {
  const ran = await trx
    .selectFrom('elig_runs')
    .select('rules')
    .where('kind', '=', 'population')
    .where('status', '=', 'done')
    .execute();
  const seen = new Set(ran.flatMap((r) => Object.keys(r.rules as object)));
  return ruleIds.filter((id) => !seen.has(id));
}

export async function failRun(db: Kysely<any>, tenantId: string, runId: string, error: unknown): Promise<void> {
  await withTenant(db, tenantId, (trx) =>
    trx
      .updateTable('elig_runs')
      .set({
        status: 'failed',
        error: String((error as Error).message ?? error).slice(0, 500),
        finished_at: new Date(),
      })
      .where('id', '=', runId)
      .execute(),
  ).catch(() => undefined);
}

export async function runPopulation(
  deps: { db: Kysely<any>; pool: pg.Pool },
  input: { tenantId: string; on: string; triggeredBy: string; pageSize?: number },
): Promise<RunSummary> {
  const started = performance.now();
  const day = parseDay(input.on);
  const { runId, rules, baseline } = await withTenant(deps.db, input.tenantId, async (trx) => {
    const rules = await activeRules(trx);
    const baseline = await firstRunRules(
      trx,
      rules.map((r) => r.id),
    );
    const runId = await startRun(trx, { ...input, kind: 'population', rules });
    return { runId, rules, baseline };
  });
  const client = await openStage(deps.pool);
  let households = 0;
  let residents = 0;
  try {
    const copy = copyIntoStage(client);
    for await (const page of registerPages(deps, { tenantId: input.tenantId, pageSize: input.pageSize })) {
      for (const h of page) {
        households++;
        residents += h.members.length;
        const found = evaluateHousehold(toHousehold(h), day, rules, { eligibleOnly: true });
        await copy.write(
          found.map((e) => ({ ruleId: e.ruleId, version: e.version, personId: e.personId, householdId: h.id })),
        );
      }
    }
    await copy.end();
    const merged = await mergeStage(client, {
      tenantId: input.tenantId,
      runId,
      on: input.on,
      scope: { ruleIds: rules.map((r) => r.id) },
      baselineRuleIds: baseline,
      async finish(result, c) {
        await c.query(
          `update elig_runs set status = 'done', finished_at = now(), households = $2, residents = $3, eligible = $4,
             newly_eligible = $5, no_longer_eligible = $6 where id = $1::uuid`,
          [runId, households, residents, result.eligible, result.newlyEligible, result.noLongerEligible],
        );
      },
    });
    client.release();
    return {
      runId,
      households,
      residents,
      rules: rules.length,
      ...merged,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    client.release(true);
    await failRun(deps.db, input.tenantId, runId, error);
    throw error;
  }
}
