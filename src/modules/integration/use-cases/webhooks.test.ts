// Webhooks end to end: an event emitted in a transaction reaches a real HTTP receiver through the event
// job and the delivery job, signed; failures are retried with backoff, every attempt logged; replay works.
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/helpers/webhook-receiver.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type IntegrationCity, startIntegrationCity } from '../test-city.ts';
import { createWebhookEndpoint } from './create-webhook-endpoint.ts';
import { enqueueWebhookDeliveries } from './enqueue-webhook-deliveries.ts';
import { listDeliveries } from './list-integration.ts';
import { replayDelivery, replayEvent } from './replay-webhooks.ts';

let city: IntegrationCity;
const receivers: WebhookReceiver[] = [];
before(async () => {
  city = await startIntegrationCity({
    WEBHOOK_TIMEOUT_MS: '800',
    WEBHOOK_MAX_ATTEMPTS: '3',
    WEBHOOK_RETRY_BASE_SECONDS: '1',
  });
});
after(async () => {
  for (const r of receivers) await r.close();
  await city.close();
});

const tenantId = 'kawasaki';
const actor = { accountId: 'test-admin' };

async function receiver(answer?: Parameters<typeof startWebhookReceiver>[0]) {
  const r = await startWebhookReceiver(answer);
  receivers.push(r);
  return r;
}

async function emit(type: string, department: string, data: Record<string, unknown> = {}) {
  return withTenant(city.city.deps.db, tenantId, (trx) =>
    city.city.deps.events.emit(trx, { tenantId, type, subjectType: 'application', subjectId: 'A-1', department, data }),
  );
}

/** What a receiver does: recompute the HMAC over "<t>.<body>" with its secret and compare in constant time. */
function verifySignature(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

async function settled(endpointId: string, done: (rows: Awaited<ReturnType<typeof listDeliveries>>) => boolean) {
  const started = Date.now();
  for (;;) {
    const rows = await listDeliveries(city.city.deps, { tenantId, endpointId });
    if (done(rows)) return rows;
    if (Date.now() - started > 40_000) assert.fail(`deliveries did not settle: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('an event is POSTed to the department endpoint with a signature the receiver can verify', async () => {
  const r = await receiver();
  const { id, secret } = await createWebhookEndpoint(city.city.deps, {
    tenantId,
    actor,
    department: 'hooks.one',
    url: r.url,
    eventTypes: '',
  });
  assert.match(secret, /^whsec_/);
  await emit('application.submitted', 'hooks.other', { note: '他部署' });
  const event = await emit('application.submitted', 'hooks.one', { receiptNumber: 'R-2026-000001', 氏名: '川崎 太郎' });
  const [got] = await r.waitFor(1);
  assert.equal(got!.headers['cityhall-event-id'], event.id);
  assert.ok(verifySignature(secret, String(got!.headers['cityhall-signature']), got!.body), 'signature verifies');
  assert.ok(
    !verifySignature(`${secret}x`, String(got!.headers['cityhall-signature']), got!.body),
    'and not with another secret',
  );
  const body = JSON.parse(got!.body);
  assert.deepEqual(body, {
    id: event.id,
    type: 'application.submitted',
    occurredAt: event.occurredAt.toISOString(),
    subject: { type: 'application', id: 'A-1' },
    department: 'hooks.one',
    data: { receiptNumber: 'R-2026-000001', 氏名: '川崎 太郎' },
  });
  const rows = await settled(id, (rs) => rs.length === 1 && rs[0]!.status === 'delivered');
  assert.equal(rows[0]!.attempts, 1);
  assert.equal(rows[0]!.lastHttpStatus, 200);
  await new Promise((res) => setTimeout(res, 500));
  assert.equal(r.received.length, 1, 'the other department’s event was not sent here');

  // The event job may run twice: the (event, endpoint) pair still gets one delivery.
  assert.deepEqual(await enqueueWebhookDeliveries(city.city.deps, event), []);
  assert.equal((await listDeliveries(city.city.deps, { tenantId, endpointId: id })).length, 1);
});

test('only the chosen event types are sent', async () => {
  const r = await receiver();
  const { id } = await createWebhookEndpoint(city.city.deps, {
    tenantId,
    actor,
    department: 'hooks.types',
    url: r.url,
    eventTypes: 'case.status_changed',
  });
  await emit('application.submitted', 'hooks.types');
  const wanted = await emit('case.status_changed', 'hooks.types', { status: 'accepted' });
  await r.waitFor(1);
  await settled(id, (rs) => rs.some((d) => d.status === 'delivered'));
  await new Promise((res) => setTimeout(res, 500));
  assert.equal(r.received.length, 1);
  assert.equal(r.received[0]!.headers['cityhall-event-id'], wanted.id);
});

test('a receiver failing twice then answering 200: three attempts logged, one success, same event id each time', async () => {
  const r = await receiver((n) => (n <= 2 ? 503 : 200));
  const { id } = await createWebhookEndpoint(city.city.deps, {
    tenantId,
    actor,
    department: 'hooks.retry',
    url: r.url,
    eventTypes: '',
  });
  const event = await emit('application.submitted', 'hooks.retry');
  const rows = await settled(id, (rs) => rs[0]?.status === 'delivered');
  const d = rows[0]!;
  assert.equal(d.attempts, 3);
  assert.deepEqual(
    d.attemptLog.map((a) => [a.attempt, a.outcome, a.httpStatus]),
    [
      [1, 'failure', 503],
      [2, 'failure', 503],
      [3, 'success', 200],
    ],
  );
  assert.equal(r.received.length, 3);
  assert.ok(r.received.every((x) => x.headers['cityhall-event-id'] === event.id));
  const gap1 = r.received[1]!.at.getTime() - r.received[0]!.at.getTime();
  const gap2 = r.received[2]!.at.getTime() - r.received[1]!.at.getTime();
  assert.ok(gap1 >= 900 && gap2 >= 1900, `exponential backoff (1 s, then 2 s): ${gap1} ms, ${gap2} ms`);
});

test('a receiver that never answers: each attempt times out, and after the last the delivery is failed and visible', async () => {
  const r = await receiver(() => 'hang');
  const { id } = await createWebhookEndpoint(city.city.deps, {
    tenantId,
    actor,
    department: 'hooks.hang',
    url: r.url,
    eventTypes: '',
  });
  await emit('application.submitted', 'hooks.hang');
  const rows = await settled(id, (rs) => rs[0]?.status === 'failed');
  assert.equal(rows[0]!.attempts, 3);
  assert.equal(rows[0]!.attemptLog.length, 3);
  assert.ok(rows[0]!.attemptLog.every((a) => a.outcome === 'failure' && /応答がありませんでした/.test(a.error ?? '')));
  assert.equal(rows[0]!.nextAttemptAt, null, 'no more retries planned');
});

test('再送: a failed delivery is sent again on request, and an event can be replayed to its endpoints', async () => {
  const r = await receiver((n) => (n <= 3 ? 500 : 200));
  const { id } = await createWebhookEndpoint(city.city.deps, {
    tenantId,
    actor,
    department: 'hooks.replay',
    url: r.url,
    eventTypes: '',
  });
  const event = await emit('application.submitted', 'hooks.replay');
  const failed = await settled(id, (rs) => rs[0]?.status === 'failed');
  assert.equal(failed[0]!.attempts, 3);

  await replayDelivery(city.city.deps, { tenantId, actor, deliveryId: failed[0]!.id });
  const delivered = await settled(id, (rs) => rs[0]?.status === 'delivered');
  assert.equal(delivered[0]!.attempts, 4);
  assert.equal(delivered[0]!.attemptLog.at(-1)!.outcome, 'success');

  // Replaying the event: the same delivery row (idempotent per event and endpoint), sent once more.
  assert.equal(
    await replayEvent(city.city.deps, { tenantId, actor, eventId: event.id, department: 'hooks.replay' }),
    1,
  );
  await r.waitFor(5);
  const again = await settled(id, (rs) => rs[0]?.status === 'delivered' && rs[0]!.attempts === 5);
  assert.equal(again.length, 1);
  assert.ok(r.received.every((x) => x.headers['cityhall-event-id'] === event.id));
  const audit = await city.database.ownerDb
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'in', ['integration.webhook.replayed', 'integration.event.replayed'])
    .execute();
  assert.equal(audit.length, 2);
});
