// 「差分を確認する」 as a job: the request records a running comparison and queues it, audited, and the worker
// fills in the difference. While a comparison of the rule waits in the queue or runs, a second request is
// refused saying since when; one left 'running' by a crash long ago does not block; a version this
// installation does not have is not found.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../../platform/http/errors.ts';
import { type PreviewJob, previewQueue } from '../jobs.ts';
import type { PreviewDifference } from './preview-version.ts';
import { requestPreview } from './request-preview.ts';
import { type StaffCity, startStaffCity, tenantId, until } from './staff-city.test-support.ts';

let s: StaffCity;
const ruleId = 'sumaho-kyoshitsu';

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

const request = () => requestPreview(s.city.city.deps, { tenantId, ruleId, version: 2, on: s.today, actor: s.actor });

const refusedAsRunning = (error: unknown) =>
  error instanceof AppError &&
  error.code === 'conflict' &&
  /^この規則の差分の確認はすでに実行中です（\d\d:\d\dに開始）。終わるまでお待ちください。$/.test(error.message) &&
  error.errors[0]?.field === '#version-2-section';

async function insertRunning(startedAt: Date): Promise<string> {
  const row = await s.city.city.deps.ownerDb
    .insertInto('elig_runs')
    .values({
      tenant_id: tenantId,
      kind: 'preview',
      evaluated_on: s.today,
      rules: JSON.stringify({ [ruleId]: 2 }),
      triggered_by: 'test',
      started_at: startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as string;
}

test('a request records a running comparison and queues it, audited; the worker fills in the difference', async () => {
  const { ownerDb } = s.city.city.deps;
  const { runId } = await request();
  const started = await ownerDb
    .selectFrom('elig_runs')
    .select(['kind', 'rules', 'triggered_by', 'evaluated_on'])
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(started, {
    kind: 'preview',
    rules: { [ruleId]: 2 },
    triggered_by: s.actor.accountId,
    evaluated_on: s.today,
  });
  const audit = await ownerDb
    .selectFrom('audit_log')
    .select(['resource_id', 'details', 'department'])
    .where('action', '=', 'eligibility.version.preview')
    .where('actor', '=', s.actor.accountId)
    .execute();
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.resource_id, ruleId);
  assert.deepEqual(audit[0]!.details, { version: 2, comparedWith: 1, runId });
  assert.equal(audit[0]!.department, 'somu-kikaku.digital');

  const done = await until(async () => {
    const run = await ownerDb
      .selectFrom('elig_runs')
      .select(['status', 'difference', 'newly_eligible'])
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    return run.status === 'running' ? undefined : run;
  }, 'the comparison');
  assert.equal(done.status, 'done');
  const difference = done.difference as PreviewDifference;
  assert.equal(difference.version, 2);
  assert.equal(difference.comparedWith, 1);
  assert.ok(difference.gained > 0, 'version 2 adds the people aged 60 to 64');
  assert.equal(done.newly_eligible, difference.gained);
  assert.ok((await request()).runId, 'once done, the next request is accepted');
  await until(async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from elig_runs where tenant_id = ${tenantId} and kind = 'preview' and status = 'running'`.execute(
      ownerDb,
    );
    return rows[0]!.n === 0 ? true : undefined;
  }, 'the second comparison');
});

test('while a comparison of the rule is queued, a second request is refused with when it began', async () => {
  const deps = s.city.city.deps;
  // A job waiting for a worker (due in an hour), its run not written: the queue alone must refuse.
  const job: PreviewJob = { tenantId, ruleId, version: 2, runId: randomUUID() };
  const jobId = await deps.jobs.enqueue(deps.ownerDb, previewQueue, job, {
    startAfter: new Date(Date.now() + 3600_000),
  });
  assert.ok(jobId);
  const audited = async () =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where action = 'eligibility.version.preview'`.execute(deps.ownerDb)
    ).rows[0]!.n;
  const before = await audited();
  try {
    await assert.rejects(request(), refusedAsRunning);
    assert.equal(await audited(), before, 'a refused request is not audited');
  } finally {
    await sql`delete from pgboss.job where id = ${jobId}::uuid`.execute(deps.ownerDb);
  }
});

test('while a comparison runs a second is refused; one left running by a crash long ago does not block', async () => {
  const { ownerDb } = s.city.city.deps;
  const crashed = await insertRunning(new Date(Date.now() - 2 * 3600_000));
  const running = await insertRunning(new Date());
  await assert.rejects(request(), refusedAsRunning);
  await ownerDb.deleteFrom('elig_runs').where('id', '=', running).execute();
  const { runId } = await request();
  await until(async () => {
    const run = await ownerDb
      .selectFrom('elig_runs')
      .select('status')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    return run.status === 'done' ? true : undefined;
  }, 'the comparison accepted');
  await ownerDb.deleteFrom('elig_runs').where('id', '=', crashed).execute();
});

test('a version that does not exist is not found', async () => {
  await assert.rejects(
    requestPreview(s.city.city.deps, { tenantId, ruleId, version: 9, on: s.today, actor: s.actor }),
    (error: AppError) => error instanceof AppError && error.code === 'not_found',
  );
});
