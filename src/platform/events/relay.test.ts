// The relay on a real database: every committed event reaches each subscriber once, in commit-safe
// order; an event of a transaction still running is waited for (never skipped), a rolled-back one
// never appears. The queue here records what it is given inside the relay's transaction.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { addTenants } from '../../../test/helpers/tenants.ts';
import { withTenant } from '../db/tenant.ts';
import type { Jobs } from '../jobs/queue.ts';
import { createEvents } from './events.ts';
import { relayTenant } from './relay.ts';

let database: TestDatabase;
const tenantId = 'sagamihara';
const given: { eventId: string; subscriber: string }[] = [];

const jobs: Jobs = {
  enqueue: async () => null,
  async enqueueMany(trx, _name, data) {
    // Recorded only if the relay's transaction commits, like the real queue's rows.
    await sql`select 1`.execute(trx as Kysely<any>);
    given.push(...(data as { eventId: string; subscriber: string }[]));
  },
  work: async () => undefined,
  stop: async () => undefined,
};

/**
 * Relays until `expected` events went through. The cut-off (pg_snapshot_xmin) is the whole server's
 * oldest running writer, so another database's transaction on a shared test server may hold it back a
 * moment: polling waits for that, never for ever.
 */
async function relayUntil(expected: number): Promise<number> {
  let relayed = 0;
  for (let i = 0; i < 200 && relayed < expected; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 50));
    relayed += await relayTenant(database.db, jobs, events, tenantId);
  }
  return relayed;
}

const events = createEvents([
  { subscriber: 'applications', types: ['payment.confirmed'] },
  { subscriber: 'integration', types: ['*'] },
]);

before(async () => {
  database = await createTestDatabase();
  await addTenants(database.ownerDb, 'sagamihara');
});
after(async () => {
  await database?.close();
});

function emit(trx: Kysely<any>, type: string, subjectId: string) {
  return events.emit(trx, { tenantId, type, subjectType: 'test', subjectId, data: {} });
}

test('each committed event goes once to every subscriber of its type; a second pass relays nothing', async () => {
  given.length = 0;
  const paid = await withTenant(database.db, tenantId, (trx) => emit(trx, 'payment.confirmed', 'a'));
  const other = await withTenant(database.db, tenantId, (trx) => emit(trx, 'case.status_changed', 'b'));
  assert.equal(await relayUntil(2), 2);
  assert.deepEqual(
    given.map((g) => `${g.eventId === paid.id ? 'paid' : g.eventId === other.id ? 'other' : '?'}:${g.subscriber}`),
    ['paid:applications', 'paid:integration', 'other:integration'],
  );
  assert.equal(await relayTenant(database.db, jobs, events, tenantId), 0);
  assert.equal(given.length, 3);
});

test('an event whose transaction is still open is waited for, not skipped; a rolled-back one never appears', async () => {
  given.length = 0;
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  let started!: () => void;
  const opened = new Promise<void>((r) => {
    started = r;
  });
  // A slow transaction takes its transaction id first, then commits after a later one.
  const slow = withTenant(database.db, tenantId, async (trx) => {
    await sql`select pg_current_xact_id()`.execute(trx);
    const e = await emit(trx, 'case.status_changed', 'slow');
    started();
    await held;
    return e;
  });
  await opened;
  const fast = await withTenant(database.db, tenantId, (trx) => emit(trx, 'case.status_changed', 'fast'));
  await withTenant(database.db, tenantId, async (trx) => {
    await emit(trx, 'case.status_changed', 'rolled-back');
    throw new Error('roll back');
  }).catch(() => undefined);
  assert.equal(await relayTenant(database.db, jobs, events, tenantId), 0, 'nothing passes the open transaction');
  release();
  const slowEvent = await slow;
  assert.equal(await relayUntil(2), 2);
  assert.deepEqual(
    given.map((g) => g.eventId),
    [slowEvent.id, fast.id],
  );
});
