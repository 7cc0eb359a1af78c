// Background work on a PostgreSQL-backed queue (pg-boss; docs/adr/0003). A job is enqueued in the
// same transaction as the change that causes it, so a rollback leaves no job and a commit no lost one.
import { type Kysely, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { fromKysely, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { quoteIdent, withGrantLock } from '../db/roles.ts';

export interface JobContext {
  /** Stable across retries: use it as the idempotency key of the job's effects. */
  id: string;
  retryCount: number;
  signal: AbortSignal;
}

export type JobHandler = (data: unknown, job: JobContext) => Promise<void>;

export interface QueueDefinition {
  handler: JobHandler;
  /** Seconds a job may stay active before another worker takes it over (a crashed worker's job). */
  expireInSeconds?: number;
  retryLimit?: number;
  /** Cron expression in Japan time: the queue also gets a job (with empty data) at these times. */
  schedule?: string;
}

export interface EnqueueOptions {
  /** At most one pending job with this key (e.g. one delivery per message). */
  singletonKey?: string;
  startAfter?: Date | number;
}

export interface Jobs {
  enqueue(
    trx: Kysely<any> | Transaction<any>,
    name: string,
    data: object,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Several jobs of one queue in one statement, in the caller's transaction. */
  enqueueMany(trx: Kysely<any> | Transaction<any>, name: string, data: object[]): Promise<void>;
  /** Starts processing every defined queue in this process. */
  work(options?: { pollingIntervalSeconds?: number }): Promise<void>;
  stop(): Promise<void>;
}

export const jobSchema = 'pgboss';

export async function startJobs(options: {
  ownerUrl: string;
  appRole: string;
  queues: Record<string, QueueDefinition>;
  log: Logger;
  /** Run maintenance (expiry of crashed workers' jobs, retention) in this process. */
  supervise: boolean;
  superviseIntervalSeconds?: number;
  /** Keep the queues' schedules and create their jobs on time (in a supervising process only). */
  schedules?: boolean;
}): Promise<Jobs> {
  const { log, queues } = options;
  const keepSchedules = options.supervise && options.schedules === true;
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    schema: jobSchema,
    max: 4,
    application_name: 'cityhall-jobs',
    supervise: options.supervise,
    schedule: keepSchedules,
    ...(options.superviseIntervalSeconds
      ? {
          superviseIntervalSeconds: options.superviseIntervalSeconds,
          monitorIntervalSeconds: options.superviseIntervalSeconds,
          cronMonitorIntervalSeconds: options.superviseIntervalSeconds,
          cronWorkerIntervalSeconds: options.superviseIntervalSeconds,
        }
      : {}),
    persistWarnings: false,
  });
  let stopping = false;
  // While stopping, the database may go first (Ctrl-C reaches both); those errors are expected.
  boss.on('error', (error: unknown) => {
    if (!stopping) log.error({ err: error }, 'ジョブキューのエラー');
  });
  await boss.start();
  for (const [name, q] of Object.entries(queues)) {
    const settings = {
      expireInSeconds: q.expireInSeconds ?? 300,
      retryLimit: q.retryLimit ?? 5,
      retryBackoff: true,
    };
    if (await boss.getQueue(name)) await boss.updateQueue(name, settings);
    else {
      // Another process starting at the same time may create it first; that is fine.
      await boss.createQueue(name, settings).catch(async (error) => {
        if (!(await boss.getQueue(name))) throw error;
      });
    }
  }
  if (keepSchedules) await keepSchedulesAsDeclared(boss, queues);
  await grantJobsToAppRole(options.ownerUrl, options.appRole);
  let working = false;
  return {
    enqueue: (trx, name, data, enqueueOptions = {}) => {
      if (!(name in queues)) throw new Error(`unknown queue ${name}`);
      return boss.send(name, data, { db: fromKysely(trx), ...enqueueOptions });
    },
    async enqueueMany(trx, name, data) {
      if (!(name in queues)) throw new Error(`unknown queue ${name}`);
      if (data.length === 0) return;
      await boss.insert(
        name,
        data.map((d) => ({ data: d })),
        { db: fromKysely(trx) },
      );
    },
    async work(workOptions = {}) {
      working = true;
      for (const [name, q] of Object.entries(queues)) {
        await boss.work(name, { pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
          for (const job of jobs) {
            const started = performance.now();
            await q.handler(job.data, { id: job.id, retryCount: job.retryCount, signal: job.signal });
            log.info({ queue: name, jobId: job.id, ms: Math.round(performance.now() - started) }, 'ジョブ完了');
          }
        });
      }
    },
    async stop() {
      stopping = true;
      await boss.stop({ graceful: working, timeout: 10_000 });
    },
  };
}

/**
 * pg-boss keeps schedules in its own table and makes each due job once, however many workers run. The table
 * is made to match the code: a schedule no queue declares any more (or whose queue is gone) is removed. A
 * time missed while no worker ran (a restart at 3:00) gets one job when the next worker starts.
 */
async function keepSchedulesAsDeclared(boss: PgBoss, queues: Record<string, QueueDefinition>): Promise<void> {
  for (const [name, q] of Object.entries(queues)) {
    if (q.schedule) await boss.schedule(name, q.schedule, {}, { tz: japanTimeZone, missed: 'once' });
  }
  for (const s of await boss.getSchedules()) {
    if (!queues[s.name]?.schedule) await boss.unschedule(s.name, s.key);
  }
}

const japanTimeZone = 'Asia/Tokyo';

/** The app role enqueues inside its own transactions, so it may write the queue's tables. */
async function grantJobsToAppRole(ownerUrl: string, role: string): Promise<void> {
  const r = quoteIdent(role);
  const owner = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await withGrantLock(owner, async (client) => {
      await client.query(`grant usage on schema ${jobSchema} to ${r}`);
      await client.query(`grant select, insert, update on all tables in schema ${jobSchema} to ${r}`);
      await client.query(`grant usage, select on all sequences in schema ${jobSchema} to ${r}`);
      await client.query(`grant execute on all functions in schema ${jobSchema} to ${r}`);
    });
  } finally {
    await owner.end();
  }
}

/**
 * A job of `queue` whose data contains `data` in one of `states` (by default: not finished, so waiting, to be
 * retried or running).
 * pg-boss has no "pending by data" call, so this reads its table; call it in a transaction that holds an
 * advisory lock on the same work, so two requests do not both find nothing and enqueue twice.
 */
export async function jobInFlight(
  trx: Kysely<any>,
  queue: string,
  data: Record<string, string>,
  states: readonly ('created' | 'retry' | 'active')[] = ['created', 'retry', 'active'],
): Promise<{ state: string; createdOn: Date } | undefined> {
  const found = await sql<{ state: string; created_on: Date }>`
    select state::text as state, created_on from ${sql.raw(jobSchema)}.job
    where name = ${queue} and state::text = any(${states}::text[]) and data @> ${JSON.stringify(data)}::jsonb
    order by created_on limit 1`.execute(trx);
  const row = found.rows[0];
  return row ? { state: row.state, createdOn: row.created_on } : undefined;
}
