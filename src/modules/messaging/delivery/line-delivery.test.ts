// Segment delivery to LINE over the real Messaging API protocol, against the local stand-in: multicasts of
// at most 500, the batch's retry key on every attempt, a connection dropped after LINE accepted a batch
// (the worker never learned it was sent) and 500s retried — every subscriber gets the message once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { deliveryReport } from '../use-cases/delivery-report.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { lineSenderFor } from './channel-senders.ts';
import { RetryLater, sendBatch } from './send-batch.ts';

let city: TestCityHall;
let line: LineStandIn;
const tenantId = 'kawasaki';
const users = Array.from({ length: 1234 }, () => lineUserId());

before(async () => {
  city = await startTestCityHall({ demoResidents: 20 });
  line = await startLineStandIn({ channelAccessToken: 'token-test', channelSecret: 'secret-test' });
  await withTenant(city.city.deps.db, tenantId, (trx) =>
    sql`insert into msg_subscribers (tenant_id, channel, address, topics, language)
      select ${tenantId}, 'line', u, array['bosai'], 'ja' from unnest(${users}::text[]) u`.execute(trx),
  );
});

after(async () => {
  await line?.close();
  await city?.close();
});

test('every LINE subscriber gets the alert once, though a connection drops after LINE accepted a batch', async () => {
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor: { accountId: 'staff-test' },
    fields: {
      title: '不審者情報',
      bodyJa: '中原区で不審者が目撃されました。',
      urgent: true,
      segment: { topics: ['bosai'] },
    },
  });
  await startDelivery(city.city.deps, { tenantId, actor: { accountId: 'staff-test' }, messageId: id });
  const sender = lineSenderFor({ baseUrl: line.url, channelAccessToken: 'token-test' });
  line.failNext(1, 'drop-after-accept');
  line.failNext(2, 500);
  const batches = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx.selectFrom('msg_batches').select('id').where('message_id', '=', id).execute(),
  );
  assert.equal(batches.length, 3);
  for (const b of batches) {
    for (let attempt = 0; ; attempt++) {
      try {
        await sendBatch({ db: city.city.deps.db, senders: { line: sender } }, { tenantId, batchId: b.id });
        break;
      } catch (error) {
        assert.ok(error instanceof RetryLater && attempt < 5, String(error));
      }
    }
  }
  const received = line.delivered.map((d) => d.userId);
  assert.equal(received.length, users.length, 'none missed, none twice');
  assert.deepEqual(new Set(received), new Set(users));
  assert.ok(
    line.requests.some((r) => r.status === 'dropped'),
    'a connection was dropped after acceptance',
  );
  assert.ok(
    line.requests.some((r) => r.status === 409),
    'the resend was answered as already accepted',
  );
  const report = await deliveryReport(city.city.deps, { tenantId, messageId: id });
  assert.deepEqual(report.byChannel, { line: { sent: users.length } });
  assert.equal(report.status, 'sent');
});
