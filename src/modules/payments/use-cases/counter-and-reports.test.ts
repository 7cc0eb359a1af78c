// Counter payments, the cashless share, the status applications read, and reconciliation with the
// provider, on the real database (app role, RLS on) and the stand-in provider over HTTP.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import {
  accountId,
  type PaymentCity,
  payOnProvider,
  startPaymentCity,
} from '../../../../test/helpers/payment-provider.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { demoResident } from '../../identity/demo.ts';
import { cashlessRatio } from './cashless-ratio.ts';
import { paymentStatusFor } from './payment-status.ts';
import { periodBounds, reconcile } from './reconcile.ts';
import { recordCounterPayment } from './record-counter-payment.ts';
import { startPayment } from './start-payment.ts';

let pc: PaymentCity;
let payer: string;
const tenantId = 'kawasaki';
const staffId = randomUUID();
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

before(async () => {
  pc = await startPaymentCity();
  payer = await accountId(pc.city, demoResident.email);
});
after(async () => {
  await pc?.close();
});

async function payOnline(amount: number) {
  const applicationId = randomUUID();
  const started = await startPayment(pc.deps, {
    tenantId,
    applicationId,
    receiptNumber: `R7-${applicationId.slice(0, 6)}`,
    amount,
    description: '印鑑登録証明書 1通',
    payer,
    returnUrl: `${pc.city.url}/applications/${applicationId}`,
  });
  await payOnProvider(started.redirectUrl);
  return { applicationId, paymentId: started.paymentId };
}

test('a counter payment is paid at once, cashless unless cash, emits payment.confirmed, and cannot be taken twice', async () => {
  const applicationId = randomUUID();
  const cash = await recordCounterPayment(pc.deps, {
    tenantId,
    staffId,
    applicationId,
    receiptNumber: 'R7-CASH-1',
    amount: '３００円',
    method: 'cash',
  });
  assert.equal(cash.status, 'paid');
  assert.equal(cash.amount, 300, 'full-width digits and 円 are read');
  assert.equal(cash.cashless, false);
  assert.equal(cash.channel, 'counter');
  const event = await pc.city.database.ownerDb
    .selectFrom('domain_events')
    .select('data')
    .where('subject_id', '=', cash.id)
    .where('type', '=', 'payment.confirmed')
    .executeTakeFirstOrThrow();
  assert.equal((event.data as { channel: string }).channel, 'counter');
  assert.equal((event.data as { applicationId: string }).applicationId, applicationId);

  await assert.rejects(
    recordCounterPayment(pc.deps, {
      tenantId,
      staffId,
      receiptNumber: 'R7-CASH-1',
      amount: 300,
      method: 'counter_card',
    }),
    (error: unknown) => error instanceof AppError && /支払済み/.test(error.errors[0]!.message),
  );
  await assert.rejects(
    recordCounterPayment(pc.deps, { tenantId, staffId, amount: 'abc', method: 'gold' }),
    (error: unknown) =>
      error instanceof AppError &&
      error.errors
        .map((e) => e.field)
        .sort()
        .join() === ['amount', 'method', 'receiptNumber'].sort().join(),
  );

  const free = await recordCounterPayment(pc.deps, {
    tenantId,
    staffId,
    description: '住民票の写し 2通',
    amount: 600,
    method: 'counter_qr',
  });
  assert.equal(free.cashless, true);
  assert.equal(free.applicationId, null);
});

test('paying at the counter cancels the open online attempt of the same application', async () => {
  const applicationId = randomUUID();
  const online = await startPayment(pc.deps, {
    tenantId,
    applicationId,
    receiptNumber: 'R7-BOTH',
    amount: 300,
    description: '住民票の写し 1通',
    payer,
    returnUrl: `${pc.city.url}/applications/${applicationId}`,
  });
  await recordCounterPayment(pc.deps, {
    tenantId,
    staffId,
    applicationId,
    receiptNumber: 'R7-BOTH',
    amount: 300,
    method: 'counter_emoney',
  });
  const status = await paymentStatusFor(pc.deps, { tenantId, applicationIds: [applicationId, 'unknown-app'] });
  assert.equal(status.get(applicationId)?.status, 'paid');
  assert.equal(status.get(applicationId)?.method, 'counter_emoney');
  assert.equal(status.has('unknown-app'), false);
  const stale = await pc.city.database.ownerDb
    .selectFrom('payments')
    .select('status')
    .where('id', '=', online.paymentId)
    .executeTakeFirstOrThrow();
  assert.equal(stale.status, 'cancelled');
});

test('the cashless share counts paid fees of the period: online and counter cashless over all, full refunds out', async () => {
  const { from, to } = periodBounds(today());
  const before = await cashlessRatio(pc.deps, { tenantId, from, to });
  await payOnline(300);
  await recordCounterPayment(pc.deps, { tenantId, staffId, description: '手数料', amount: 200, method: 'cash' });
  await recordCounterPayment(pc.deps, { tenantId, staffId, description: '手数料', amount: 200, method: 'cash' });
  await recordCounterPayment(pc.deps, {
    tenantId,
    staffId,
    description: '手数料',
    amount: 200,
    method: 'counter_card',
  });
  const afterwards = await cashlessRatio(pc.deps, { tenantId, from, to });
  assert.equal(afterwards.total - before.total, 4);
  assert.equal(afterwards.cashless - before.cashless, 2);
  assert.equal(afterwards.ratio, afterwards.cashless / afterwards.total);
  const tomorrow = await cashlessRatio(pc.deps, { tenantId, from: to, to: new Date(to.getTime() + 86_400_000) });
  assert.deepEqual(tomorrow, { cashless: 0, total: 0, ratio: null });
});

test('reconciliation finds a payment missing at the provider, one missing in ours, and an amount mismatch', async () => {
  const matched = await payOnline(300);
  const mismatched = await payOnline(500);
  const lost = await payOnline(700);
  // Our record of one is altered, another forgotten (as if a write were lost), and one invented.
  const owner = pc.city.database.ownerDb;
  await owner.updateTable('payments').set({ amount: 550 }).where('id', '=', mismatched.paymentId).execute();
  await owner
    .updateTable('payments')
    .set({ status: 'failed', paid_at: null })
    .where('id', '=', lost.paymentId)
    .execute();
  const invented = await owner
    .insertInto('payments')
    .values({
      tenant_id: tenantId,
      application_id: randomUUID(),
      receipt_number: 'R7-GHOST',
      description: '記録だけの支払',
      amount: 900,
      status: 'paid',
      method: 'card',
      channel: 'online',
      cashless: true,
      payer,
      provider_payment_id: 'pi_never_charged',
      paid_at: new Date(),
      created_by: payer,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordCounterPayment(pc.deps, { tenantId, staffId, description: '現金', amount: 1200, method: 'cash' });

  const report = await reconcile(pc.deps, { tenantId, period: today() });
  const line = (paymentId: string) => report.lines.find((l) => l.paymentId === paymentId);
  assert.equal(line(matched.paymentId)?.outcome, 'matched');
  assert.deepEqual(
    [
      line(mismatched.paymentId)?.outcome,
      line(mismatched.paymentId)?.ourAmount,
      line(mismatched.paymentId)?.providerAmount,
    ],
    ['amount_mismatch', 550, 500],
  );
  assert.equal(line(lost.paymentId)?.outcome, 'missing_in_ours');
  assert.equal(line(lost.paymentId)?.providerAmount, 700);
  assert.equal(line(invented.id as string)?.outcome, 'missing_at_provider');
  assert.equal(report.lines[0]!.outcome, 'amount_mismatch', 'differences first');
  assert.ok(report.counterCashNet >= 1200);
  assert.ok(report.counter.some((c) => c.method === 'cash' && c.amount >= 1200));

  const month = await reconcile(pc.deps, { tenantId, period: today().slice(0, 7) });
  assert.ok(month.lines.length >= report.lines.length);
  await assert.rejects(reconcile(pc.deps, { tenantId, period: '2026-13' }), /期間を確認/);
});
