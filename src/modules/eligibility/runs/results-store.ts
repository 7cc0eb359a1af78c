// Writing a run's findings: the eligible rows go into a temporary table of the session (COPY for a
// population run: row-level security forbids COPY into the shared table), then one transaction merges them
// into elig_results. Unchanged people are not rewritten; people no longer found are ended; people found for
// the first time (or again after ending) are newly eligible, unless the rule never ran before (baseline).
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { tenantSetting } from '../../../platform/db/tenant.ts';

export interface FoundRow {
  ruleId: string;
  version: number;
  personId: string;
  householdId: string;
}

export interface MergeResult {
  eligible: number;
  newlyEligible: number;
  noLongerEligible: number;
}

/** A pool client with a fresh temporary table elig_stage; release it with `release(true)` on failure. */
export async function openStage(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  try {
    await client.query(
      'create temp table if not exists elig_stage (rule_id text, version int, person_id bigint, household_id bigint); truncate elig_stage',
    );
    return client;
  } catch (error) {
    client.release(true);
    throw error;
  }
}

/** COPY into elig_stage; `write` takes rows as they are found and waits when PostgreSQL is behind. */
export function copyIntoStage(client: pg.PoolClient) {
  const stream = client.query(copyFrom('copy elig_stage (rule_id, version, person_id, household_id) from stdin'));
  let chunk = '';
  let rows = 0;
  return {
    async write(found: Iterable<FoundRow>) {
      for (const r of found) {
        // Rule ids are kebab-case and ids are digits: nothing to escape for COPY's text format.
        chunk += `${r.ruleId}\t${r.version}\t${r.personId}\t${r.householdId}\n`;
        rows++;
      }
      if (chunk.length > 1 << 20) {
        const ok = stream.write(chunk);
        chunk = '';
        if (!ok) await once(stream, 'drain');
      }
    },
    async end(): Promise<number> {
      stream.end(chunk);
      chunk = '';
      await once(stream, 'finish');
      return rows;
    },
  };
}

/** Few rows (an event's households): a plain insert. */
export async function insertIntoStage(client: pg.PoolClient, rows: FoundRow[]): Promise<void> {
  if (rows.length === 0) return;
  await client.query('insert into elig_stage select * from unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[])', [
    rows.map((r) => r.ruleId),
    rows.map((r) => r.version),
    rows.map((r) => r.personId),
    rows.map((r) => r.householdId),
  ]);
}

/**
 * Merges elig_stage into elig_results in one transaction on `client`. `scope.ruleIds` are the rules that were
 * evaluated; `scope.personIds`, when given, limits what can end to those people (an event run looked only at
 * their households). `baselineRuleIds`: rules whose first run this is.
 */
export async function mergeStage(
  client: pg.PoolClient,
  input: {
    tenantId: string;
    runId: string;
    on: string;
    scope: { ruleIds: string[]; personIds?: string[] };
    baselineRuleIds: string[];
    finish: (result: MergeResult, client: pg.PoolClient) => Promise<void>;
  },
): Promise<MergeResult> {
  await client.query(`begin; ${tenantSetting(input.tenantId)}; set local work_mem = '256MB'`);
  try {
    const eligible = Number((await client.query('select count(*) as n from elig_stage')).rows[0].n);
    await client.query(
      `insert into elig_results as r (tenant_id, rule_id, person_id, version, household_id, status, baseline, since, since_run)
       select $1, s.rule_id, s.person_id, s.version, s.household_id, 'eligible', s.rule_id = any($2::text[]), $3::date, $4::uuid
       from elig_stage s
       on conflict (tenant_id, rule_id, person_id) do update set
         version = excluded.version,
         household_id = excluded.household_id,
         status = 'eligible',
         ended_run = null,
         since = case when r.status = 'ended' then excluded.since else r.since end,
         since_run = case when r.status = 'ended' then excluded.since_run else r.since_run end,
         baseline = case when r.status = 'ended' then false else r.baseline end,
         notified_at = case when r.status = 'ended' then null else r.notified_at end
       where r.status = 'ended' or r.version <> excluded.version or r.household_id <> excluded.household_id`,
      [input.tenantId, input.baselineRuleIds, input.on, input.runId],
    );
    const ended = await client.query(
      `update elig_results r set status = 'ended', ended_run = $1::uuid
       where r.status = 'eligible' and r.rule_id = any($2::text[])
         and ($3::bigint[] is null or r.person_id = any($3::bigint[]))
         and not exists (select 1 from elig_stage s where s.rule_id = r.rule_id and s.person_id = r.person_id)`,
      [input.runId, input.scope.ruleIds, input.scope.personIds ?? null],
    );
    const newly = Number(
      (
        await client.query(
          'select count(*) as n from elig_results where since_run = $1::uuid and status = $2 and not baseline',
          [input.runId, 'eligible'],
        )
      ).rows[0].n,
    );
    const result = { eligible, newlyEligible: newly, noLongerEligible: ended.rowCount ?? 0 };
    await input.finish(result, client);
    await client.query('commit; truncate elig_stage');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
