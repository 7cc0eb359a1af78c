// A channel that hangs instead of refusing (LINE accepting the connection and never answering) holds only its
// own queue's worker: e-mail, Web Push and the inbox are delivered while LINE's request is still open, and
// LINE's batch, once its request times out, is tried again and delivered once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId } from '../../../../test/helpers/line-stand-in.ts';
import type { PushService } from '../../../../test/helpers/push-service.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { deliveryReport } from '../use-cases/delivery-report.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { type ChannelCity, startChannelCity } from './channel-city.test-support.ts';

let c: ChannelCity;
let city: TestCityHall;
let line: LineStandIn;
let push: PushService;
const tenantId = 'kawasaki';
const actor = { accountId: 'staff-test' };

before(async () => {
  c = await startChannelCity('hanging-channel');
  ({ city, line, push } = c);
});

after(async () => {
  await c?.close();
});

test('LINE hanging holds only LINE: the other channels arrive while its request is open, then LINE is sent once', async () => {
  const lineUsers = [lineUserId(), lineUserId(), lineUserId()];
  const mails = ['hanging-1@example.jp', 'hanging-2@example.jp'];
  const pushes = [push.createSubscription(), push.createSubscription()];
  const accounts = [randomUUID(), randomUUID()];
  await withTenant(city.city.deps.db, tenantId, async (trx) => {
    const rows = [
      ...lineUsers.map((address) => ({ channel: 'line', address, keys: null, account: null })),
      ...mails.map((address) => ({ channel: 'email', address, keys: null, account: null })),
      ...pushes.map((s) => ({ channel: 'webpush', address: s.endpoint, keys: JSON.stringify(s.keys), account: null })),
      ...accounts.map((a) => ({ channel: 'inbox', address: a, keys: null, account: a })),
    ];
    for (const r of rows) {
      await sql`insert into msg_subscribers (tenant_id, channel, address, keys, account_id, topics)
        values (${tenantId}, ${r.channel}, ${r.address}, ${r.keys}::jsonb, ${r.account}::uuid, ${['bosai']}::text[])`.execute(
        trx,
      );
    }
  });
  line.failNext(1, 'hang');
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: { title: '避難所の開設', bodyJa: '中原区の小学校に避難所を開設しました。', segment: { topics: ['bosai'] } },
  });
  await startDelivery(city.city.deps, { tenantId, actor, messageId: id });

  const lineBatch = () =>
    withTenant(city.city.deps.db, tenantId, (trx) =>
      trx
        .selectFrom('msg_batches')
        .select(['status', 'last_error'])
        .where('message_id', '=', id)
        .where('channel', '=', 'line')
        .executeTakeFirstOrThrow(),
    );
  let report = await deliveryReport(city.city.deps, { tenantId, messageId: id });
  for (let i = 0; i < 100; i++) {
    const others = report.byChannel;
    if (others.email?.sent === 2 && others.webpush?.sent === 2 && others.inbox?.sent === 2) break;
    await new Promise((r) => setTimeout(r, 100));
    report = await deliveryReport(city.city.deps, { tenantId, messageId: id });
  }
  assert.deepEqual(
    { email: report.byChannel.email, webpush: report.byChannel.webpush, inbox: report.byChannel.inbox },
    { email: { sent: 2 }, webpush: { sent: 2 }, inbox: { sent: 2 } },
  );
  assert.deepEqual(report.byChannel.line, { pending: 3 });
  assert.ok(
    line.requests.some((r) => r.status === 'hanging'),
    'LINE was asked and has not answered',
  );
  assert.deepEqual(await lineBatch(), { status: 'pending', last_error: null }, 'LINE’s first try is still open');

  // The request times out, LINE is asked again (with the same retry key) and answers.
  for (let i = 0; i < 600 && (await lineBatch()).status !== 'sent'; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal((await lineBatch()).status, 'sent');
  assert.deepEqual(lineUsers.map((u) => line.deliveredTo(u).length).sort(), [1, 1, 1], 'once each');
  report = await deliveryReport(city.city.deps, { tenantId, messageId: id });
  assert.equal(report.status, 'sent');
});
