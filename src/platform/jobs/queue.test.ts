// Jobs are enqueued in the caller's transaction, and a job whose worker dies is taken over and
// completed once (its effect keyed by the job id).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { type Jobs, startJobs } from './queue.ts';

let database: TestDatabase;
let jobs: Jobs;
const log = pino({ level: 'silent' });

async function until<T>(probe: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const effect = async (_data: unknown, job: { id: string }) => {
  await database.ownerPool.query('insert into job_attempts (job_id, worker) values ($1, $2)', [job.id, 'survivor']);
  // The effect is keyed by the job id, so a retried job cannot apply it twice.
  await database.ownerPool.query('insert into job_effects (job_id) values ($1) on conflict do nothing', [job.id]);
};

before(async () => {
  database = await createTestDatabase();
  await database.ownerPool.query(`
    create table job_effects (job_id text primary key, at timestamptz default now());
    create table job_attempts (job_id text, worker text, at timestamptz default now());`);
  jobs = await startJobs({
    ownerUrl: database.ownerUrl,
    appRole: 'cityhall_app',
    log,
    supervise: true,
    superviseIntervalSeconds: 1,
    queues: { 'test.effect': { expireInSeconds: 2, handler: effect } },
  });
});
after(async () => {
  await jobs.stop();
  await database.close();
});

test('a rolled-back transaction enqueues nothing', async () => {
  await assert.rejects(
    database.ownerDb.transaction().execute(async (trx) => {
      await jobs.enqueue(trx, 'test.effect', { n: 1 });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  const { rows } = await database.ownerPool.query(
    `select count(*)::int as n from pgboss.job where name = 'test.effect'`,
  );
  assert.equal(rows[0].n, 0);
});

test('the app role can enqueue inside its own transaction', async () => {
  const id = await database.db.transaction().execute((trx) => jobs.enqueue(trx, 'test.effect', { by: 'app' }));
  assert.ok(id);
  await database.ownerPool.query(`delete from pgboss.job where id = $1`, [id]);
});

test('a committed job is processed once even if its worker is killed mid-job', async () => {
  const id = await database.ownerDb.transaction().execute((trx) => jobs.enqueue(trx, 'test.effect', { n: 2 }));
  assert.ok(id);
  // Another worker process takes the job first (this process is not working yet) and dies mid-job.
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('../../../test/fixtures/job-worker.ts', import.meta.url))],
    {
      env: { ...process.env, FIXTURE_DATABASE_URL: database.ownerUrl },
      stdio: 'inherit',
    },
  );
  await until(async () => {
    const { rows } = await database.ownerPool.query(
      `select 1 from job_attempts where job_id = $1 and worker = 'doomed'`,
      [id],
    );
    return rows.length > 0 ? true : undefined;
  }, 'the doomed worker to take the job');
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  await jobs.work({ pollingIntervalSeconds: 0.5 });
  const state = await until(async () => {
    const { rows } = await database.ownerPool.query(`select state from pgboss.job where id = $1`, [id]);
    return rows[0]?.state === 'completed' ? rows[0].state : undefined;
  }, 'the job to be completed by the surviving worker');
  assert.equal(state, 'completed');
  const effects = await database.ownerPool.query('select count(*)::int as n from job_effects where job_id = $1', [id]);
  assert.equal(effects.rows[0].n, 1, 'the effect happened exactly once');
  const attempts = await database.ownerPool.query('select worker from job_attempts where job_id = $1 order by at', [
    id,
  ]);
  assert.deepEqual(
    attempts.rows.map((r) => r.worker),
    ['doomed', 'survivor'],
  );
});
