// The nightly job queues each city's population run (recorded as the nightly run); a city whose run is already
// waiting or running is skipped with the reason, the others still get theirs. The worker keeps the schedule
// at 3:00 Japan time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { nightlyQueue } from '../nightly.ts';
import { requestPopulationRun } from './request-population-run.ts';
import { type StaffCity, startStaffCity, tenantId, until } from './staff-city.test-support.ts';
import { startNightlyRuns } from './start-nightly-runs.ts';

let s: StaffCity;

before(async () => {
  s = await startStaffCity({ env: { SCHEDULED_JOBS: 'on' } });
  await addTenants(s.city.city.deps.ownerDb, 'yokohama');
});

after(async () => {
  await s?.city.close();
});

async function nightlyRuns(tenant: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from elig_runs
    where tenant_id = ${tenant} and kind = 'population' and status = 'done' and triggered_by = 'nightly'`.execute(
    s.city.city.deps.ownerDb,
  );
  return rows[0]!.n;
}

test('the worker keeps the nightly schedule: 3:00 every night, Japan time', async () => {
  const { rows } = await sql<{ cron: string; timezone: string }>`
    select cron, timezone from pgboss.schedule where name = ${nightlyQueue}`.execute(s.city.city.deps.ownerDb);
  assert.deepEqual(rows, [{ cron: '0 3 * * *', timezone: 'Asia/Tokyo' }]);
});

test('every city gets its run; one whose run is already queued is skipped, saying why', async () => {
  const deps = s.city.city.deps;
  const before = { kawasaki: await nightlyRuns(tenantId), yokohama: await nightlyRuns('yokohama') };

  await requestPopulationRun(deps, { tenantId, actor: s.actor });
  const first = await startNightlyRuns(deps);
  assert.deepEqual(first.queued, ['yokohama']);
  assert.deepEqual(
    first.skipped.map((x) => x.tenantId),
    [tenantId],
  );
  assert.match(first.skipped[0]!.why, /全員の判定はすでに(受け付けて|実行中)/);
  await until(
    async () => ((await nightlyRuns('yokohama')) === before.yokohama + 1 ? true : undefined),
    "yokohama's nightly run",
  );

  // Once Kawasaki's staff-requested run is over, the next night runs it.
  const second = await until(async () => {
    const r = await startNightlyRuns(deps);
    return r.queued.includes(tenantId) ? r : undefined;
  }, "kawasaki's nightly run queued");
  assert.ok(second.queued.length >= 1);
  await until(
    async () => ((await nightlyRuns(tenantId)) === before.kawasaki + 1 ? true : undefined),
    "kawasaki's nightly run",
  );
});
