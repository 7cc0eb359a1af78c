// The whole payment protocol over real HTTP: our server, the stand-in provider on its own port, the
// checkout page posted like a browser without JavaScript, signed webhooks back to us.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  accountId,
  type PaymentCity,
  payOnProvider,
  residentAgent,
  startPaymentCity,
  webhookSecret,
} from '../../../test/helpers/payment-provider.ts';
import { AppError } from '../../platform/http/errors.ts';
import { demoResident } from '../identity/demo.ts';
import { createPaymentProvider } from './provider.ts';
import { signPayload } from './signature.ts';
import { refundPayment } from './use-cases/refund-payment.ts';
import { startPayment } from './use-cases/start-payment.ts';

let pc: PaymentCity;
let payer: string;

before(async () => {
  pc = await startPaymentCity();
  payer = await accountId(pc.city, demoResident.email);
});
after(async () => {
  await pc?.close();
});

const tenantId = 'kawasaki';

function start(applicationId: string, amount = 300) {
  return startPayment(pc.deps, {
    tenantId,
    applicationId,
    receiptNumber: `R7-${applicationId.slice(0, 6)}`,
    amount,
    description: '住民票の写し 1通',
    payer,
    returnUrl: `${pc.city.url}/applications/${applicationId}`,
    methods: ['card', 'paypay', 'cash'],
  });
}

async function paymentRow(id: string) {
  return pc.city.database.ownerDb.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function confirmedEvents(paymentId: string) {
  return pc.city.database.ownerDb
    .selectFrom('domain_events')
    .selectAll()
    .where('type', '=', 'payment.confirmed')
    .where('subject_id', '=', paymentId)
    .execute();
}

async function postWebhook(body: string, signature: string) {
  return fetch(`${pc.city.url}/payments/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'provider-signature': signature },
    body,
  });
}

test('pay on the provider page: the webhook confirms it, one event, the return page says paid', async () => {
  const applicationId = randomUUID();
  const started = await start(applicationId);
  assert.equal(started.alreadyPaid, false);
  assert.ok(started.redirectUrl.startsWith(pc.provider.url), 'the person is sent to the provider');

  const response = await payOnProvider(started.redirectUrl, { method: 'paypay' });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), `${pc.city.url}/payments/${started.paymentId}/return?result=success`);

  const row = await paymentRow(started.paymentId);
  assert.equal(row.status, 'paid', 'the webhook confirmed it before the person is back');
  assert.equal(row.method, 'paypay');
  assert.equal(row.cashless, true);
  assert.match(row.provider_payment_id, /^pi_/);
  const events = await confirmedEvents(started.paymentId);
  assert.equal(events.length, 1);
  assert.deepEqual(
    { ...events[0]!.data, paidAt: undefined },
    {
      applicationId,
      paymentId: started.paymentId,
      receiptNumber: `R7-${applicationId.slice(0, 6)}`,
      amount: 300,
      method: 'paypay',
      channel: 'online',
      paidAt: undefined,
    },
  );
  const audit = await pc.city.database.ownerDb
    .selectFrom('audit_log')
    .select('action')
    .where('resource_id', '=', started.paymentId)
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['payment.confirm', 'payment.start']);

  const agent = await residentAgent(pc.city);
  const page = await agent.get(`${new URL(response.headers.get('location')!).pathname}?result=success`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /お支払いが完了しました/);
  assert.match(page.body, /PayPay/);
  assert.match(page.body, new RegExp(`href="${pc.city.url}/applications/${applicationId}"`));

  // The same application again: nothing more to pay.
  const again = await start(applicationId);
  assert.equal(again.alreadyPaid, true);
  assert.equal(again.paymentId, started.paymentId);
});

test('starting twice reuses the open payment and the same checkout session', async () => {
  const applicationId = randomUUID();
  const first = await start(applicationId);
  const second = await start(applicationId);
  assert.equal(second.paymentId, first.paymentId);
  assert.equal(second.redirectUrl, first.redirectUrl);
  const rows = await pc.city.database.ownerDb
    .selectFrom('payments')
    .select('id')
    .where('application_id', '=', applicationId)
    .execute();
  assert.equal(rows.length, 1);
});

test('cancel on the provider page: nothing paid, the return page says so, paying again opens a new attempt', async () => {
  const applicationId = randomUUID();
  const started = await start(applicationId);
  const response = await payOnProvider(started.redirectUrl, { cancel: true });
  assert.equal(response.status, 303);
  assert.match(response.headers.get('location')!, /result=cancel$/);
  assert.equal((await paymentRow(started.paymentId)).status, 'cancelled');
  assert.equal((await confirmedEvents(started.paymentId)).length, 0);

  const agent = await residentAgent(pc.city);
  const page = await agent.get(`/payments/${started.paymentId}/return?result=cancel`);
  assert.match(page.body, /お支払いはキャンセルされました/);
  assert.match(page.body, /お金は支払われていません/);

  const retry = await agent.post(`/payments/${started.paymentId}/retry`, {});
  assert.equal(retry.statusCode, 303);
  assert.ok(retry.headers.location!.toString().startsWith(pc.provider.url));
  assert.notEqual(retry.headers.location, started.redirectUrl, 'a new checkout session');
});

test('a late webhook: the return page confirms by asking the provider; the webhook then changes nothing', async () => {
  const applicationId = randomUUID();
  const started = await start(applicationId, 450);
  pc.provider.holdWebhooks(true);
  try {
    await payOnProvider(started.redirectUrl);
    assert.equal((await paymentRow(started.paymentId)).status, 'pending', 'no webhook yet');
    const agent = await residentAgent(pc.city);
    const page = await agent.get(`/payments/${started.paymentId}/return?result=success`);
    assert.match(page.body, /お支払いが完了しました/);
    assert.equal((await paymentRow(started.paymentId)).status, 'paid');
  } finally {
    await pc.provider.releaseWebhooks();
  }
  assert.equal((await confirmedEvents(started.paymentId)).length, 1, 'confirmed once');
});

test('forged, old and tampered webhooks are refused with 400 and change nothing; a duplicate is harmless', async () => {
  const applicationId = randomUUID();
  const started = await start(applicationId);
  const session = (await paymentRow(started.paymentId)).provider_session_id as string;
  const event = JSON.stringify({
    id: 'evt_forged',
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: session, client_reference_id: started.paymentId, metadata: { tenant_id: tenantId } } },
  });
  const now = Math.floor(Date.now() / 1000);

  const forged = await postWebhook(event, signPayload('whsec_someone_else_entirely', event, now));
  assert.equal(forged.status, 400);
  assert.match(forged.headers.get('content-type')!, /application\/problem\+json/);
  assert.match(((await forged.json()) as { detail: string }).detail, /署名が一致しません/);

  const old = await postWebhook(event, signPayload(webhookSecret, event, now - 600));
  assert.equal(old.status, 400);
  assert.match(((await old.json()) as { detail: string }).detail, /5分/);

  const unsigned = await postWebhook(event, '');
  assert.equal(unsigned.status, 400);

  const signed = signPayload(webhookSecret, event, now);
  const tampered = await postWebhook(event.replace('evt_forged', 'evt_forged2'), signed);
  assert.equal(tampered.status, 400);

  // Correctly signed but untrue (the session is not paid): we ask the provider, which says open.
  const untrue = await postWebhook(event, signed);
  assert.equal(untrue.status, 200);
  assert.equal((await paymentRow(started.paymentId)).status, 'pending', 'nothing changed');

  // The real webhook, then the very same request again (the provider retries).
  await payOnProvider(started.redirectUrl);
  assert.equal((await paymentRow(started.paymentId)).status, 'paid');
  const real = pc.provider.lastWebhook!;
  const duplicate = await postWebhook(real.body, real.signature);
  assert.equal(duplicate.status, 200);
  assert.equal(((await duplicate.json()) as { outcome: string }).outcome, 'duplicate');
  assert.equal((await confirmedEvents(started.paymentId)).length, 1);
});

test('provider unreachable: a clear error, nothing paid, and the next try goes through', async () => {
  const applicationId = randomUUID();
  const down = {
    ...pc.deps,
    provider: createPaymentProvider({ baseUrl: 'http://127.0.0.1:9', secretKey: 'x', webhookSecret, attempts: 2 }),
  };
  await assert.rejects(
    startPayment(down, {
      tenantId,
      applicationId,
      receiptNumber: 'R7-DOWN',
      amount: 300,
      description: '住民票の写し 1通',
      payer,
      returnUrl: `${pc.city.url}/applications/${applicationId}`,
    }),
    (error: unknown) =>
      error instanceof AppError && error.code === 'unavailable' && /決済事業者に接続できません/.test(error.message),
  );
  const rows = await pc.city.database.ownerDb
    .selectFrom('payments')
    .select(['status', 'provider_session_id'])
    .where('application_id', '=', applicationId)
    .execute();
  assert.deepEqual(rows, [{ status: 'pending', provider_session_id: null }]);
  const later = await start(applicationId);
  assert.ok(later.redirectUrl.startsWith(pc.provider.url));
});

test('refunds through the provider: part, then the rest; never more than was paid', async () => {
  const applicationId = randomUUID();
  const started = await start(applicationId, 1000);
  await payOnProvider(started.redirectUrl);
  const staffId = randomUUID();
  const part = await refundPayment(pc.deps, {
    tenantId,
    paymentId: started.paymentId,
    amount: '300',
    reason: '通数の誤り',
    staffId,
  });
  assert.equal(part.status, 'partially_refunded');
  assert.equal(part.refundedAmount, 300);
  await assert.rejects(
    refundPayment(pc.deps, { tenantId, paymentId: started.paymentId, amount: 800, reason: '取下げ', staffId }),
    (error: unknown) => error instanceof AppError && /700円以下/.test(error.errors[0]!.message),
  );
  const rest = await refundPayment(pc.deps, {
    tenantId,
    paymentId: started.paymentId,
    reason: '申請の取下げ',
    staffId,
  });
  assert.equal(rest.status, 'refunded');
  assert.equal(rest.refundedAmount, 1000);
  const refunds = await pc.city.database.ownerDb
    .selectFrom('refunds')
    .select(['amount', 'provider_refund_id'])
    .where('payment_id', '=', started.paymentId)
    .orderBy('created_at')
    .execute();
  assert.deepEqual(
    refunds.map((r) => r.amount),
    [300, 700],
  );
  assert.ok(refunds.every((r) => /^re_/.test(r.provider_refund_id as string)));
  const txns = await pc.deps.provider.listBalanceTransactions(
    new Date(Date.now() - 60_000),
    new Date(Date.now() + 60_000),
  );
  const mine = txns.filter((t) => t.payment_intent === part.providerPaymentId);
  assert.deepEqual(
    mine.map((t) => t.amount).sort((a, b) => a - b),
    [-700, -300, 1000],
  );
  const events = await pc.city.database.ownerDb
    .selectFrom('domain_events')
    .select('type')
    .where('subject_id', '=', started.paymentId)
    .where('type', '=', 'payment.refunded')
    .execute();
  assert.equal(events.length, 2);
});
