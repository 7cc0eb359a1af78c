// The small synthetic city the staff use cases are tested on: 2,000 residents, the city's first run a year ago
// (everyone then is the baseline) and today's run (people who crossed an age since are newly eligible and wait
// for staff), so the figures staff see can be checked against the register by SQL.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { findRule } from '../registry.ts';
import { addDays, parseDay } from '../rules/index.ts';
import { previewVersion } from './preview-version.ts';
import { runPopulation, startRun } from './run-population.ts';

export const tenantId = 'kawasaki';

export interface StaffCity {
  city: TestCityHall;
  today: string;
  yearAgo: string;
  actor: StaffActor;
}

export async function startStaffCity(options: { env?: Record<string, string>; listen?: boolean } = {}) {
  const city = await startTestCityHall({ demoResidents: 2000, ...options });
  const today = japanToday();
  const yearAgo = addDays(parseDay(today), -365).iso;
  await runPopulation(city.city.deps, { tenantId, on: yearAgo, triggeredBy: 'test' });
  await runPopulation(city.city.deps, { tenantId, on: today, triggeredBy: 'test' });
  return { city, today, yearAgo, actor: { accountId: randomUUID(), ip: '10.1.2.3', requestId: 'test' } };
}

/** Person ids of a rule's people waiting to be told (eligible, not baseline, not told), by SQL. */
export async function waitingIds(db: Kysely<any>, ruleId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select person_id::text as id from elig_results
    where tenant_id = ${tenantId} and rule_id = ${ruleId} and status = 'eligible' and not baseline and notified_at is null
    order by person_id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** A resident account linked to a person of the register (as a My Number Card check links it). */
export async function linkAccount(db: Kysely<any>, residentId: string): Promise<string> {
  const row = await db
    .insertInto('accounts')
    .values({
      tenant_id: tenantId,
      kind: 'resident',
      email: `resident-${residentId}@example.jp`,
      display_name: `住民 ${residentId}`,
      resident_id: residentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as string;
}

export async function until<T>(read: () => Promise<T | undefined>, what: string, tries = 300): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A comparison done at once, as its job does it: the preview run is started as requestPreview starts it, but not
 * queued, so the test (not the worker) decides when it is computed.
 */
export async function previewNow(
  deps: PlatformDeps,
  input: { ruleId: string; version: number; on: string; pageSize?: number },
) {
  const rule = findRule(input.ruleId, input.version);
  if (!rule) throw new Error(`no version ${input.version} of ${input.ruleId}`);
  const runId = await withTenant(deps.db, tenantId, (trx) =>
    startRun(trx, { tenantId, kind: 'preview', on: input.on, rules: [rule], triggeredBy: 'test' }),
  );
  const done = await previewVersion(deps, { tenantId, runId, ...(input.pageSize ? { pageSize: input.pageSize } : {}) });
  if (!done) throw new Error(`preview run ${runId} was not computed`);
  return done;
}
