// 「全員の判定を実行」 queues one run over everyone, which the worker then does; a second request while one waits
// or runs (a double click, a run the CLI started) is refused saying so, a run left 'running' by a crashed
// worker long ago does not block, and once the run is over the next request is accepted. Each request is audited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../../platform/http/errors.ts';
import { requestPopulationRun } from './request-population-run.ts';
import { type StaffCity, startStaffCity, tenantId, until } from './staff-city.test-support.ts';

let s: StaffCity;

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

async function populationRuns(status: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from elig_runs where tenant_id = ${tenantId} and kind = 'population' and status = ${status}`.execute(
    s.city.city.deps.ownerDb,
  );
  return rows[0]!.n;
}

test('one run at a time: a second request is refused until the first is done, then accepted', async () => {
  const deps = s.city.city.deps;
  const done = await populationRuns('done');
  const first = await requestPopulationRun(deps, { tenantId, actor: s.actor });
  assert.ok(first.jobId);
  await assert.rejects(
    requestPopulationRun(deps, { tenantId, actor: s.actor }),
    (error: AppError) =>
      error instanceof AppError && error.code === 'conflict' && /すでに(実行中|受け付けて)/.test(error.message),
  );
  await until(async () => ((await populationRuns('done')) === done + 1 ? true : undefined), 'the queued run');
  // The job tells standing approvals' people after the run: wait for it to finish before asking again.
  await until(async () => {
    try {
      return await requestPopulationRun(deps, { tenantId, actor: s.actor });
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return undefined;
      throw error;
    }
  }, 'the next request accepted');
  await until(async () => ((await populationRuns('done')) === done + 2 ? true : undefined), 'the second run');
  const audit = await sql<{ n: number }>`
    select count(*)::int as n from audit_log
    where tenant_id = ${tenantId} and action = 'eligibility.population_run.request' and actor = ${s.actor.accountId}`.execute(
    deps.ownerDb,
  );
  assert.equal(audit.rows[0]!.n, 2, 'each accepted request is audited, the refused one is not');
});

test('a run started elsewhere (the CLI) blocks a request while it runs; one left running by a crash does not', async () => {
  const deps = s.city.city.deps;
  const insertRunning = (startedAt: Date) =>
    deps.ownerDb
      .insertInto('elig_runs')
      .values({
        tenant_id: tenantId,
        kind: 'population',
        status: 'running',
        evaluated_on: s.today,
        rules: '{}',
        triggered_by: 'cli',
        started_at: startedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const crashed = await insertRunning(new Date(Date.now() - 2 * 3600_000));
  const running = await insertRunning(new Date());
  await assert.rejects(requestPopulationRun(deps, { tenantId, actor: s.actor }), /全員の判定はすでに実行中です/);
  await deps.ownerDb.deleteFrom('elig_runs').where('id', '=', running.id).execute();
  assert.ok((await requestPopulationRun(deps, { tenantId, actor: s.actor })).jobId, 'the crashed run is ignored');
  await deps.ownerDb.deleteFrom('elig_runs').where('id', '=', crashed.id).execute();
});
