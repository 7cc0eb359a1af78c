// A queue with a schedule gets its job at the scheduled minute (Japan time), once however many workers keep
// the schedule; a schedule the code no longer declares is removed when a worker starts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { type Jobs, type QueueDefinition, startJobs } from './queue.ts';

let database: TestDatabase;
const workers: Jobs[] = [];
const log = pino({ level: 'silent' });

before(async () => {
  database = await createTestDatabase();
  await database.ownerPool.query('create table ticks (job_id text primary key, at timestamptz default now())');
});
after(async () => {
  for (const w of workers) await w.stop();
  await database.close();
});

const tick: QueueDefinition = {
  schedule: '* * * * *',
  async handler(_data, job) {
    await database.ownerPool.query('insert into ticks (job_id) values ($1)', [job.id]);
  },
};

async function worker(queues: Record<string, QueueDefinition>): Promise<Jobs> {
  const jobs = await startJobs({
    ownerUrl: database.ownerUrl,
    appRole: 'cityhall_app',
    log,
    supervise: true,
    superviseIntervalSeconds: 1,
    schedules: true,
    queues,
  });
  workers.push(jobs);
  await jobs.work({ pollingIntervalSeconds: 0.5 });
  return jobs;
}

test('two workers keep one schedule: a scheduled minute makes one job, in Japan time', async () => {
  // Taken before the workers start: on a slow machine their start may itself cross a minute.
  const started = Date.now();
  await worker({ 'test.tick': tick });
  await worker({ 'test.tick': tick });
  const { rows: schedules } = await database.ownerPool.query(`select name, cron, timezone from pgboss.schedule`);
  assert.deepEqual(schedules, [{ name: 'test.tick', cron: '* * * * *', timezone: 'Asia/Tokyo' }]);

  // At the next minute, one job (not one per worker). pg-boss also sends a time that fell due in the minute
  // before registration (here: the minute the workers started in), once.
  const boundary = Math.ceil(started / 60_000) * 60_000;
  const jobsSinceStart = async () =>
    (
      await database.ownerPool.query<{ at: Date }>(
        `select created_on as at from pgboss.job where name = 'test.tick' and created_on >= to_timestamp($1 / 1000.0)`,
        [started - 60_000],
      )
    ).rows;
  const atBoundary = (jobs: { at: Date }[]) => jobs.filter((j) => j.at.getTime() >= boundary - 1000);
  let made = await jobsSinceStart();
  while (atBoundary(made).length === 0 && Date.now() < boundary + 30_000) {
    await new Promise((r) => setTimeout(r, 1000));
    made = await jobsSinceStart();
  }
  await new Promise((r) => setTimeout(r, 3000)); // time for a second worker's duplicate, were there one
  made = await jobsSinceStart();
  assert.equal(atBoundary(made).length, 1, `one job for the minute, not one per worker: ${JSON.stringify(made)}`);
  assert.ok(made.length <= 2, `at most the minute before and this one: ${JSON.stringify(made)}`);
  await new Promise((r) => setTimeout(r, 1000));
  const { rows: done } = await database.ownerPool.query('select count(*)::int as n from ticks');
  assert.ok(done[0].n >= 1, 'the scheduled job ran its handler');
});

test('a worker whose code declares no schedule for a queue removes it', async () => {
  await worker({ 'test.tick': { handler: tick.handler } });
  const { rows } = await database.ownerPool.query(`select name from pgboss.schedule`);
  assert.deepEqual(rows, []);
});
