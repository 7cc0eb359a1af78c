// Segment delivery on a real database: the audience a segment reaches, batches of at most 500 LINE ids per
// language, exactly once per recipient and channel when a worker is killed after LINE accepted a batch,
// retries after failures, the inbox written once, and a report that adds up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createEmailChannel } from '../channels/email.ts';
import { audienceSize } from '../use-cases/audience-size.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { deliveryReport } from '../use-cases/delivery-report.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { emailSender } from './channel-senders.ts';
import { RetryLater, sendBatch } from './send-batch.ts';
import type { ChannelSenders, SendOutcome } from './senders.ts';

let city: TestCityHall;
const tenantId = 'kawasaki';
const actor = { accountId: 'staff-test' };

/** LINE as the delivery worker sees it: accepts a retry key once, answers 409 (duplicate) after. */
function lineRecorder() {
  const seenKeys = new Set<string>();
  const received: string[] = [];
  const calls: { count: number; failNext: number } = { count: 0, failNext: 0 };
  const send: ChannelSenders['line'] = async ({ userIds, retryKey }): Promise<SendOutcome> => {
    calls.count++;
    assert.ok(userIds.length <= 500, 'a multicast holds at most 500 ids');
    if (calls.failNext > 0) {
      calls.failNext--;
      return { status: 'failed', permanent: false, error: '500 Internal Server Error' };
    }
    if (seenKeys.has(retryKey)) return { status: 'duplicate' };
    seenKeys.add(retryKey);
    received.push(...userIds);
    return { status: 'sent' };
  };
  return { send, received, calls };
}

async function addSubscribers(
  rows: { channel: string; n: number; topics: string[]; ward: string; language: string; birthYear: number }[],
) {
  await withTenant(city.city.deps.db, tenantId, async (trx) => {
    for (const r of rows) {
      await sql`insert into msg_subscribers (tenant_id, channel, address, topics, ward_code, language, birth_year)
        select ${tenantId}, ${r.channel},
          case when ${r.channel} = 'inbox' then gen_random_uuid()::text
               else ${r.channel} || '-' || ${r.language} || '-' || ${r.ward} || '-' || ${r.topics.join('+')} || '-' || i end,
          ${r.topics}::text[], ${r.ward}, ${r.language}, ${r.birthYear}
        from generate_series(1, ${r.n}) i`.execute(trx);
    }
  });
}

async function runAll(senders: ChannelSenders, messageId: string, options: { crashOnce?: boolean } = {}) {
  const batches = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx.selectFrom('msg_batches').select('id').where('message_id', '=', messageId).orderBy('id').execute(),
  );
  let crashed = false;
  for (const b of batches) {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await sendBatch(
          { db: city.city.deps.db, senders },
          {
            tenantId,
            batchId: b.id,
            afterSend: async () => {
              if (options.crashOnce && !crashed) {
                crashed = true;
                throw new Error('worker killed after LINE accepted the batch');
              }
            },
          },
        );
        break;
      } catch (error) {
        if (!(error instanceof RetryLater) && !String(error).includes('worker killed')) throw error;
      }
    }
  }
}

before(async () => {
  city = await startTestCityHall({ demoResidents: 20 });
  await addSubscribers([
    { channel: 'line', n: 1203, topics: ['bosai'], ward: '141313', language: 'ja', birthYear: 1980 },
    { channel: 'line', n: 140, topics: ['bosai', 'kosodate'], ward: '141321', language: 'en', birthYear: 1990 },
    { channel: 'line', n: 77, topics: ['gomi'], ward: '141313', language: 'ja', birthYear: 1950 },
    { channel: 'inbox', n: 30, topics: ['bosai'], ward: '141313', language: 'ja-easy', birthYear: 2000 },
  ]);
});

after(async () => {
  await city?.close();
});

test('the audience of a segment is counted per channel before sending; bad segments are named', async () => {
  const size = await audienceSize(city.city.deps, { tenantId, segment: { topics: ['bosai'] } });
  assert.deepEqual(size, { total: 1373, byChannel: { line: 1343, inbox: 30 } });
  const ward = await audienceSize(city.city.deps, { tenantId, segment: { topics: ['bosai'], wards: ['141321'] } });
  assert.equal(ward.total, 140);
  const elderly = await audienceSize(city.city.deps, { tenantId, segment: { ageMin: 65 } });
  assert.equal(elderly.total, 77);
  await assert.rejects(
    audienceSize(city.city.deps, { tenantId, segment: { topics: ['unknown'], ageMin: 70, ageMax: 20 } }),
    (e: { errors: { field: string }[] }) =>
      e.errors
        .map((x) => x.field)
        .sort()
        .join() === 'ageMax,topics',
  );
});

test('a message over LINE’s limit is refused with the limit named', async () => {
  await assert.rejects(
    createMessage(city.city.deps, { tenantId, actor, fields: { title: '長文', bodyJa: 'あ'.repeat(5001) } }),
    (e: { errors: { message: string }[] }) => /5,000文字/.test(e.errors[0]?.message ?? ''),
  );
});

test('delivery: batches of ≤ 500 per language; a worker killed after LINE accepted a batch sends nobody twice', async () => {
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: {
      title: '避難情報',
      bodyJa: '川崎区に避難指示が出ました。',
      bodyEn: 'Evacuation order.',
      bodyEasy: 'にげてください。',
      urgent: true,
      segment: { topics: ['bosai'] },
    },
  });
  const started = await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
  assert.equal(started.audience, 1373);
  // 1,203 ja → 3 batches; 140 en → 1; inbox 30 → 1.
  assert.equal(started.batches, 5);
  const again = await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
  assert.equal(again.batches, 0, 'a retried send plans nothing twice');

  const line = lineRecorder();
  line.calls.failNext = 2;
  await runAll({ line: line.send }, id, { crashOnce: true });
  assert.equal(line.received.length, 1343, 'every LINE recipient once');
  assert.equal(new Set(line.received).size, 1343, 'no duplicates');
  const report = await deliveryReport(city.city.deps, { tenantId, messageId: id });
  assert.deepEqual(report.byChannel, { line: { sent: 1343 }, inbox: { sent: 30 } });
  assert.equal(report.status, 'sent');
  const inbox = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx.selectFrom('msg_inbox').select(['body']).where('message_id', '=', id).execute(),
  );
  assert.equal(inbox.length, 30);
  assert.ok(
    inbox.every((m) => m.body === 'にげてください。'),
    'やさしい日本語 subscribers get that text',
  );

  // Running every batch again (a job retried after it had finished) sends nothing more.
  await runAll({ line: line.send }, id);
  assert.equal(line.received.length, 1343);
});

test('a permanent LINE failure ends in the report as failed, not retried for ever', async () => {
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: { title: '収集日の変更', bodyJa: 'ごみの収集日が変わります。', segment: { topics: ['gomi'] } },
  });
  await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
  await runAll(
    { line: async () => ({ status: 'failed', permanent: true, error: '400 The request body has 1 error(s)' }) },
    id,
  );
  const report = await deliveryReport(city.city.deps, { tenantId, messageId: id });
  assert.deepEqual(report.byChannel, { line: { failed: 77 } });
});

test('e-mail goes out with one-click unsubscribe; without an unsubscribe address it is refused, never sent bare', async () => {
  await addSubscribers([
    { channel: 'email', n: 3, topics: ['shisei'], ward: '141330', language: 'ja', birthYear: 1970 },
  ]);
  const sent: { to: string; headers?: Record<string, string> }[] = [];
  const email = emailSender(createEmailChannel({ send: async (m) => void sent.push(m) }));
  const send = async (unsubscribeUrl?: (id: string) => string) => {
    const { id } = await createMessage(city.city.deps, {
      tenantId,
      actor,
      fields: {
        title: '市政だより',
        bodyJa: '今月の市政だよりです。',
        segment: { topics: ['shisei'], channels: ['email'] },
      },
    });
    await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
    const batches = await withTenant(city.city.deps.db, tenantId, (trx) =>
      trx.selectFrom('msg_batches').select('id').where('message_id', '=', id).execute(),
    );
    for (const b of batches) {
      await sendBatch(
        { db: city.city.deps.db, senders: { email }, ...(unsubscribeUrl ? { unsubscribeUrl } : {}) },
        { tenantId, batchId: b.id },
      );
    }
    return deliveryReport(city.city.deps, { tenantId, messageId: id });
  };
  const refused = await send();
  assert.deepEqual(refused.byChannel, { email: { failed: 3 } });
  assert.equal(sent.length, 0);
  const delivered = await send((subscriber) => `https://city.example/messages/stop/${subscriber}`);
  assert.deepEqual(delivered.byChannel, { email: { sent: 3 } });
  assert.equal(sent.length, 3);
  assert.ok(sent.every((m) => m.headers?.['List-Unsubscribe-Post'] === 'List-Unsubscribe=One-Click'));
});

test('an urgent alert’s batches go to their own queues (one per channel), ahead of the everyday notices’ backlog', async () => {
  const queued = async (urgent: boolean) => {
    const { id } = await createMessage(city.city.deps, {
      tenantId,
      actor,
      fields: {
        title: urgent ? '不審者情報' : 'イベントのお知らせ',
        bodyJa: '本文',
        urgent,
        segment: { topics: ['bosai'] },
      },
    });
    await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
    const rows = await sql<{ name: string; channel: string }>`
      select distinct j.name, b.channel from pgboss.job j
      join msg_batches b on j.data->>'batchId' = b.id::text
      where b.message_id = ${id} order by b.channel`.execute(city.city.deps.ownerDb);
    return rows.rows.map((r) => `${r.channel}: ${r.name}`);
  };
  // Each channel has its own queue too, so a channel that hangs holds up only itself.
  assert.deepEqual(await queued(false), ['inbox: messaging.send-batch.inbox', 'line: messaging.send-batch.line']);
  assert.deepEqual(await queued(true), ['inbox: messaging.send-urgent.inbox', 'line: messaging.send-urgent.line']);
});
