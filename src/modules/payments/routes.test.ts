// The pages and API of payments as people use them: staff record a counter payment and refund through
// forms without JavaScript (policy-checked and audited), read the reconciliation report and its CSV; a
// resident sees their tax bills with a QR code that encodes the bill; the KPI API answers counts.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import QRCode from 'qrcode';
import {
  accountId,
  type PaymentCity,
  payOnProvider,
  residentAgent,
  staffAgent,
  startPaymentCity,
} from '../../../test/helpers/payment-provider.ts';
import { demoResident } from '../identity/demo.ts';
import { startPayment } from './use-cases/start-payment.ts';

let pc: PaymentCity;
before(async () => {
  pc = await startPaymentCity();
});
after(async () => {
  await pc?.close();
});

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

test('counter staff record a cash payment through the form; a wrong amount comes back with the error summary', async () => {
  const agent = await staffAgent(pc.city, 'counter@kawasaki.example');
  const form = await agent.get('/staff/payments/counter');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /窓口での収納/);

  const bad = await agent.post('/staff/payments/counter', { receiptNumber: 'R7-PAGE-1', amount: '三百', method: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /href="#amount">金額を1円以上の整数で入力してください/);
  assert.match(bad.body, /href="#method">支払方法を選んでください/);
  assert.match(bad.body, /value="R7-PAGE-1"/, 'what was typed stays');

  const done = await agent.post('/staff/payments/counter', {
    receiptNumber: 'R7-PAGE-1',
    amount: '300',
    method: 'cash',
  });
  assert.equal(done.statusCode, 303);
  const after = await agent.get(done.headers.location as string);
  assert.match(after.body, /収納を記録しました（300円、現金（窓口））/);

  const list = await agent.get('/staff/payments?receipt=R7-PAGE-1');
  assert.match(list.body, /R7-PAGE-1/);
  assert.match(list.body, /支払済み/);
  assert.match(list.body, /キャッシュレス決済の利用率/);
  const audit = await pc.city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'decision'])
    .where('action', 'in', ['payment.record_counter', 'payment.record_counter_attempt'])
    .execute();
  assert.ok(audit.some((a) => a.action === 'payment.record_counter' && a.decision === 'allow'));
});

test('a refund is a decision: the counter alone is refused; a case worker refunds part through the provider', async () => {
  const payer = await accountId(pc.city, demoResident.email);
  const applicationId = randomUUID();
  const started = await startPayment(pc.deps, {
    tenantId: 'kawasaki',
    applicationId,
    receiptNumber: 'R7-REFUND-1',
    amount: 900,
    description: '住民票の写し 3通',
    payer,
    returnUrl: `${pc.city.url}/applications/${applicationId}`,
  });
  await payOnProvider(started.redirectUrl);

  const counter = await staffAgent(pc.city, 'counter@kawasaki.example');
  await counter.get(`/staff/payments/${started.paymentId}/refund`);
  const refused = await counter.post(`/staff/payments/${started.paymentId}/refund`, {
    amount: '300',
    reason: '通数の誤り',
  });
  assert.equal(refused.statusCode, 403);

  const worker = await staffAgent(pc.city, 'caseworker@kawasaki.example');
  const form = await worker.get(`/staff/payments/${started.paymentId}/refund`);
  assert.match(form.body, /空欄のときは残りの全額（900円）/);
  const tooMuch = await worker.post(`/staff/payments/${started.paymentId}/refund`, { amount: '1000', reason: '誤り' });
  assert.equal(tooMuch.statusCode, 400);
  assert.match(tooMuch.body, /返金額は1円以上900円以下/);
  const done = await worker.post(`/staff/payments/${started.paymentId}/refund`, {
    amount: '300',
    reason: '通数の誤り',
  });
  assert.equal(done.statusCode, 303);
  const list = await worker.get(done.headers.location as string);
  assert.match(list.body, /返金しました/);
  assert.match(list.body, /一部返金/);
});

test('the reconciliation report lists today’s payments and downloads as CSV', async () => {
  const agent = await staffAgent(pc.city, 'caseworker@kawasaki.example');
  const page = await agent.get(`/staff/payments/reconciliation?period=${today()}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /data-recon-summary>一致 \d+件/);
  assert.match(page.body, /data-outcome="matched"/);
  const csv = await agent.get(`/staff/payments/reconciliation.csv?period=${today()}`);
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.ok(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 with BOM for Excel');
  assert.match(csv.body, /結果,種類,受付番号/);
  assert.match(csv.body, /一致,入金/);
  const bad = await agent.get('/staff/payments/reconciliation?period=yesterday');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#period"/);
});

/** The dark modules an SVG from `qrcode` draws (rows of horizontal strokes). */
function darkModules(svg: string): Set<string> {
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)![1]!;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b)];
    else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += Number(a);
    }
  }
  return dark;
}

test('a resident’s bills show the eL number and an SVG QR code that encodes the bill’s QR text', async () => {
  const agent = await residentAgent(pc.city);
  const page = await agent.get('/account/bills');
  assert.equal(page.statusCode, 200);
  const bills = await pc.city.database.ownerDb
    .selectFrom('el_bills')
    .select(['el_number', 'qr_text'])
    .where('recipient_email', '=', demoResident.email)
    .orderBy('due_date')
    .execute();
  assert.equal(bills.length, 3);
  const bill = bills[0]!;
  const grouped = (bill.el_number as string).replace(/(\d{4})(?=\d)/g, '$1-');
  assert.match(page.body, new RegExp(`data-el-number>${grouped}<`));
  assert.match(page.body, new RegExp(`地方税統一QRコード（eL番号 ${grouped}）`), 'text alternative');
  const block = page.body.split(`data-el-bill="${bill.el_number}"`)[1]!.split('</li>')[0]!;
  const svg = /<svg[\s\S]*?<\/svg>/.exec(block)![0];
  assert.match(svg, /role="img"/);
  const expected = QRCode.create(bill.qr_text as string, { errorCorrectionLevel: 'M' }).modules;
  const drawn = darkModules(svg);
  let differences = 0;
  for (let row = 0; row < expected.size; row++) {
    for (let col = 0; col < expected.size; col++) {
      if (Boolean(expected.get(row, col)) !== drawn.has(`${col + 4},${row + 4}`)) differences++;
    }
  }
  assert.equal(differences, 0, 'every module of the drawn code is the bill’s QR text');
  assert.equal(drawn.size, [...Array(expected.size ** 2).keys()].filter((i) => expected.data[i]).length);

  const anonymous = await pc.city.app.inject({
    method: 'GET',
    url: '/account/bills',
    headers: { accept: 'text/html' },
  });
  assert.equal(anonymous.statusCode, 303, 'sign-in first');
});

test('KPI API: the cashless share as counts, and a clear problem for a bad period', async () => {
  const ok = await pc.city.app.inject({
    method: 'GET',
    url: `/api/v1/payments/kpi/cashless?from=${today()}&to=${today()}`,
  });
  assert.equal(ok.statusCode, 200);
  const body = ok.json() as { cashless: number; total: number; ratio: number | null };
  assert.ok(body.total >= 1);
  assert.equal(body.ratio, body.cashless / body.total);
  const bad = await pc.city.app.inject({
    method: 'GET',
    url: '/api/v1/payments/kpi/cashless?from=2026-05-10&to=2026-05-01',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.headers['content-type'] as string, /problem\+json/);
});

test('the webhook without a signature is refused as problem+json', async () => {
  const response = await pc.city.app.inject({
    method: 'POST',
    url: '/payments/webhook',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ id: 'evt_x', type: 'checkout.session.completed', data: { object: { id: 'cs_x' } } }),
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.headers['content-type'] as string, /problem\+json/);
  assert.match(response.json().detail, /Provider-Signature/);
});
