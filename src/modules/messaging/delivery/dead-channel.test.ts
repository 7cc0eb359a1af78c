// A dead channel never blocks the others. One message goes to subscribers on LINE, e-mail, Web Push and the
// in-app inbox through the app's own job queue and channel adapters, against stand-ins that speak the real
// protocols (LINE Messaging API, SMTP, Web Push with VAPID and aes128gcm): LINE answers 500 every time, yet
// the e-mail, the push notification and the inbox entry all arrive while LINE is still being retried, and
// once LINE's tries are spent the report says LINE failed (with why) and the others were sent. A push
// subscription that has ended (410) is marked gone without stopping its batch, and a long Japanese message
// reaches Web Push cut to fit its 3,993 bytes instead of failing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId } from '../../../../test/helpers/line-stand-in.ts';
import type { PushService } from '../../../../test/helpers/push-service.ts';
import type { SmtpStandIn } from '../../../../test/helpers/smtp.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createLineClient } from '../channels/line.ts';
import { webPushMaxPlaintextBytes } from '../channels/types.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { type DeliveryReport, deliveryReport } from '../use-cases/delivery-report.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { type ChannelCity, startChannelCity } from './channel-city.test-support.ts';
import { lineSender } from './channel-senders.ts';
import { maxSendAttempts, RetryLater, sendBatch, webPushPayload } from './send-batch.ts';

let c: ChannelCity;
let city: TestCityHall;
let line: LineStandIn;
let smtp: SmtpStandIn;
let push: PushService;
const tenantId = 'kawasaki';
const actor = { accountId: 'staff-test' };

before(async () => {
  c = await startChannelCity('dead-channel');
  ({ city, line, smtp, push } = c);
});

after(async () => {
  await c?.close();
});

interface NewSubscriber {
  channel: 'line' | 'email' | 'webpush' | 'inbox';
  address: string;
  keys?: { p256dh: string; auth: string };
  accountId?: string;
}

async function subscribe(topic: string, subscribers: NewSubscriber[]): Promise<void> {
  await withTenant(city.city.deps.db, tenantId, async (trx) => {
    for (const s of subscribers) {
      await sql`insert into msg_subscribers (tenant_id, channel, address, keys, account_id, topics, language)
        values (${tenantId}, ${s.channel}, ${s.address}, ${s.keys ? JSON.stringify(s.keys) : null}::jsonb,
          ${s.accountId ?? null}::uuid, ${[topic]}::text[], 'ja')`.execute(trx);
    }
  });
}

async function send(topic: string, title: string, bodyJa: string): Promise<string> {
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: { title, bodyJa, segment: { topics: [topic] } },
  });
  await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
  return id;
}

const report = (messageId: string) => deliveryReport(city.city.deps, { tenantId, messageId });

/** Polls the report until `ok` holds (the queue's workers deliver in the background). */
async function reportWhen(messageId: string, ok: (r: DeliveryReport) => boolean, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    const last = await report(messageId);
    if (ok(last)) return last;
    if (Date.now() - started > timeoutMs) throw new Error(`the report never got there: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A port nothing listens on: LINE unreachable. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a dead channel never blocks the others: e-mail, Web Push and the inbox arrive while LINE fails, then LINE ends as failed', async () => {
  line.failNext(1_000_000, 500);
  const lineUsers = [lineUserId(), lineUserId(), lineUserId()];
  const mails = ['dead-channel-1@example.jp', 'dead-channel-2@example.jp'];
  const pushes = [push.createSubscription(), push.createSubscription()];
  const accounts = [randomUUID(), randomUUID()];
  await subscribe('bosai', [
    ...lineUsers.map((address) => ({ channel: 'line' as const, address })),
    ...mails.map((address) => ({ channel: 'email' as const, address })),
    ...pushes.map((s) => ({ channel: 'webpush' as const, address: s.endpoint, keys: s.keys })),
    ...accounts.map((a) => ({ channel: 'inbox' as const, address: a, accountId: a })),
  ]);
  const id = await send('bosai', '停電のお知らせ', '中原区の一部で停電しています。復旧作業中です。');

  // Every other channel is delivered while LINE is still pending and being retried.
  const during = await reportWhen(
    id,
    (r) => r.byChannel.email?.sent === 2 && r.byChannel.webpush?.sent === 2 && r.byChannel.inbox?.sent === 2,
  );
  assert.deepEqual(during.byChannel.line, { pending: 3 }, 'LINE is not given up on');
  assert.equal(during.status, 'sending');
  for (const to of mails) {
    const mail = await smtp.waitForMessage((m) => m.to !== undefined && JSON.stringify(m.to).includes(to));
    assert.equal(mail.subject, '停電のお知らせ');
    assert.match(mail.text ?? '', /復旧作業中です/);
  }
  for (const s of pushes) {
    const [plaintext] = push.receivedBy(s.endpoint);
    assert.ok(plaintext, 'the push notification arrived and decrypted');
    const payload = JSON.parse(plaintext);
    assert.equal(payload.title, '停電のお知らせ');
    assert.equal(payload.body, '中原区の一部で停電しています。復旧作業中です。');
    assert.equal(payload.url, '/notifications', 'a subscriber without an account is led to the notices list');
    assert.match(payload.unsubscribeUrl, /\/notifications\/unsubscribe\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
  }
  const inbox = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx.selectFrom('msg_inbox').select('account_id').where('message_id', '=', id).execute(),
  );
  assert.deepEqual(inbox.map((r) => r.account_id).sort(), [...accounts].sort());

  // LINE's batch has its turn in the queue (before or after the others), fails, and keeps why for the report.
  const lineBatch = () =>
    withTenant(city.city.deps.db, tenantId, (trx) =>
      trx
        .selectFrom('msg_batches')
        .select(['id', 'status', 'attempts', 'last_error'])
        .where('message_id', '=', id)
        .where('channel', '=', 'line')
        .executeTakeFirstOrThrow(),
    );
  let batch = await lineBatch();
  for (let i = 0; i < 300 && batch.last_error === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    batch = await lineBatch();
  }
  assert.match(batch.last_error ?? '', /LINE で一時的なエラーが起きました（500/);
  assert.equal(batch.status, 'pending', 'and will be tried again');
  assert.ok(
    line.requests.some((r) => r.status === 500),
    'LINE was tried and answered 500',
  );
  assert.equal(line.delivered.length, 0);
  assert.deepEqual((await report(id)).byChannel.line, { pending: 3 });

  // An hour of LINE outage later: every try but the last has been spent, and LINE is now unreachable.
  await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .updateTable('msg_batches')
      .set({ attempts: maxSendAttempts - 1 })
      .where('id', '=', batch.id)
      .execute(),
  );
  const unreachable = lineSender(
    createLineClient({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      channelAccessToken: c.token,
      retry: { attempts: 1 },
    }),
  );
  // The worker may take the last try itself; either way the batch ends.
  for (let i = 0; i < 3; i++) {
    try {
      await sendBatch({ db: city.city.deps.db, senders: { line: unreachable } }, { tenantId, batchId: batch.id });
    } catch (error) {
      assert.ok(error instanceof RetryLater, String(error));
    }
  }
  const end = await reportWhen(id, (r) => r.status === 'sent');
  assert.deepEqual(end.byChannel, {
    line: { failed: 3 },
    email: { sent: 2 },
    webpush: { sent: 2 },
    inbox: { sent: 2 },
  });
  const failed = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .selectFrom('msg_deliveries')
      .select('last_error')
      .where('message_id', '=', id)
      .where('channel', '=', 'line')
      .execute(),
  );
  assert.ok(
    failed.every((d) => /LINE/.test(d.last_error ?? '')),
    'each LINE recipient records why it failed',
  );
});

test('a Web Push subscription that has ended (410) is marked gone and the rest of its batch is still sent', async () => {
  const subs = [push.createSubscription(), push.createSubscription(), push.createSubscription()];
  await subscribe(
    'gomi',
    subs.map((s) => ({ channel: 'webpush' as const, address: s.endpoint, keys: s.keys })),
  );
  push.expire(subs[1]!.endpoint);
  const id = await send('gomi', '収集日の変更', '年末年始はごみの収集日が変わります。');
  const end = await reportWhen(id, (r) => r.status === 'sent');
  assert.deepEqual(end.byChannel, { webpush: { sent: 2, gone: 1 } });
  assert.equal(push.receivedBy(subs[0]!.endpoint).length, 1);
  assert.equal(push.receivedBy(subs[2]!.endpoint).length, 1);
  assert.equal(push.receivedBy(subs[1]!.endpoint).length, 0);
  const status = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select('status')
      .where('address', '=', subs[1]!.endpoint)
      .executeTakeFirstOrThrow(),
  );
  assert.equal(status.status, 'gone', 'the ended subscription is not sent to again');
});

test('a 5,000-character Japanese message reaches Web Push cut to fit, leading a resident to it in their inbox', async () => {
  const resident = push.createSubscription();
  const anonymous = push.createSubscription();
  const account = randomUUID();
  await subscribe('kenko', [
    { channel: 'webpush', address: resident.endpoint, keys: resident.keys, accountId: account },
    { channel: 'webpush', address: anonymous.endpoint, keys: anonymous.keys },
  ]);
  const title = '健康診断のご案内';
  const body = `特定健診のご案内です。\n${'受診券をお持ちください。'.repeat(400)}`.slice(0, 5000 - title.length - 2);
  const id = await send('kenko', title, body);
  const end = await reportWhen(id, (r) => r.status === 'sent');
  assert.deepEqual(end.byChannel, { webpush: { sent: 2 } });

  const [fromResident] = push.received.filter((r) => r.endpoint === resident.endpoint);
  assert.ok(fromResident, 'the long message was not refused');
  assert.ok(fromResident.bytes.length <= webPushMaxPlaintextBytes, `${fromResident.bytes.length} bytes`);
  const payload = JSON.parse(fromResident.plaintext);
  assert.equal(payload.title, title);
  assert.ok(payload.body.endsWith('…'), 'the cut is shown');
  assert.ok(body.startsWith(payload.body.slice(0, -1)), 'the start of the body, unchanged');
  assert.ok(payload.body.length > 1000, `as much as fits (${payload.body.length} characters)`);
  assert.equal(payload.url, `/notifications/${id}`, 'a resident is led to the whole message in their inbox');
  assert.match(payload.unsubscribeUrl, /\/notifications\/unsubscribe\//);
  const [fromAnonymous] = push.receivedBy(anonymous.endpoint);
  assert.equal(JSON.parse(fromAnonymous!).url, '/notifications');
});

test('the Web Push payload is cut between characters, never inside an emoji, and JSON escapes are counted', () => {
  const family = '👨‍👩‍👧‍👦';
  const payload = webPushPayload({ title: '家族', body: family.repeat(1000), url: '/notifications' });
  assert.ok(Buffer.byteLength(payload) <= webPushMaxPlaintextBytes);
  const body: string = JSON.parse(payload).body;
  assert.ok(body.endsWith('…'));
  assert.equal(body.slice(0, -1).replaceAll(family, ''), '', 'only whole family emoji before the cut');

  const quoted = webPushPayload({ title: 't', body: '"\n'.repeat(3000), url: '/notifications' });
  assert.ok(Buffer.byteLength(quoted) <= webPushMaxPlaintextBytes);
  assert.ok(Buffer.byteLength(quoted) > webPushMaxPlaintextBytes - 10, 'as much as fits');

  const short = webPushPayload({ title: 't', body: '短い本文', url: '/notifications', unsubscribeUrl: 'https://x/u' });
  assert.deepEqual(JSON.parse(short), {
    title: 't',
    body: '短い本文',
    url: '/notifications',
    unsubscribeUrl: 'https://x/u',
  });
});
