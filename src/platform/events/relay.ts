// The event relay: hands committed domain events to their subscribers as jobs, off the request's path.
// Per tenant, in one transaction: take the tenant's cursor row (SKIP LOCKED: one relay at a time per
// tenant, any number of worker processes), read the events after it that can no longer be overtaken
// (txid older than every running transaction, as the feed does), insert one job per (event,
// subscriber), move the cursor. A crash before commit relays the same events again; jobs are idempotent.
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { withTenant } from '../db/tenant.ts';
import type { Jobs } from '../jobs/queue.ts';
import { tenantIds } from '../tenancy/tenants.ts';
import { type Events, eventJob } from './events.ts';

const batch = 500;

/** Relays one tenant's pending events; returns how many events were relayed. */
export async function relayTenant(db: Kysely<any>, jobs: Jobs, events: Events, tenantId: string): Promise<number> {
  return withTenant(db, tenantId, async (trx) => {
    await sql`insert into event_relay_cursors (tenant_id) values (${tenantId}) on conflict do nothing`.execute(trx);
    const cursor = await sql<{ txid: string; seq: string }>`
      select txid::text as txid, seq::text as seq from event_relay_cursors
      where tenant_id = ${tenantId} for update skip locked`.execute(trx);
    const at = cursor.rows[0];
    if (!at) return 0; // another relay has this tenant right now
    const rows = await sql<{ id: string; type: string; txid: string; seq: string }>`
      select id, type, txid::text as txid, seq::text as seq from domain_events
      where tenant_id = ${tenantId}
        and (txid, seq) > (${at.txid}::xid8, ${at.seq}::bigint)
        and txid < pg_snapshot_xmin(pg_current_snapshot())
      order by txid, seq limit ${batch}`.execute(trx);
    if (rows.rows.length === 0) return 0;
    const work = rows.rows.flatMap((e) =>
      events.subscribers(e.type).map((subscriber) => ({ tenantId, eventId: e.id, subscriber })),
    );
    await jobs.enqueueMany(trx, eventJob, work);
    const last = rows.rows.at(-1)!;
    await sql`update event_relay_cursors set txid = ${last.txid}::xid8, seq = ${last.seq}::bigint, relayed_at = now()
      where tenant_id = ${tenantId}`.execute(trx);
    return rows.rows.length;
  });
}

/** Relays every tenant's events every `intervalMs` (sooner while there is a backlog) until stopped. */
export function startEventRelay(options: {
  db: Kysely<any>;
  jobs: Jobs;
  events: Events;
  log: Logger;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const interval = options.intervalMs ?? 200;
  const tick = async () => {
    let relayed = 0;
    try {
      for (const id of await tenantIds(options.db)) {
        if (stopped) break;
        relayed += await relayTenant(options.db, options.jobs, options.events, id);
      }
    } catch (error) {
      if (!stopped) options.log.error({ err: error }, 'イベントの中継に失敗しました（次の周期で再試行します）');
    }
    if (!stopped) timer = setTimeout(run, relayed >= batch ? 0 : interval);
  };
  const run = () => {
    running = tick();
  };
  timer = setTimeout(run, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
