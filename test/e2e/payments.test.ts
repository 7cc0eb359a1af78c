// Paying a fee in a real browser: the resident is sent to the provider's checkout page (the stand-in on
// its own port), chooses PayPay, pays, and comes back to a page that says the payment is complete; the
// tax bills page shows its QR codes. axe-core checks every page on the way.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoResident } from '../../src/modules/identity/demo.ts';
import { startPayment } from '../../src/modules/payments/index.ts';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser.ts';
import { accountId, type PaymentCity, startPaymentCity } from '../helpers/payment-provider.ts';

let pc: PaymentCity;
let browser: Browser;

before(async () => {
  pc = await startPaymentCity();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await pc?.close();
});

async function accessible(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
}

test('a resident pays a fee on the provider page and comes back to a page that says it is paid', async () => {
  const base = pc.city.url!;
  const applicationId = randomUUID();
  const started = await startPayment(pc.deps, {
    tenantId: 'kawasaki',
    applicationId,
    receiptNumber: 'R7-E2E-1',
    amount: 300,
    description: '住民票の写し 1通',
    payer: await accountId(pc.city, demoResident.email),
    returnUrl: `${base}/account/bills`,
    methods: ['card', 'paypay'],
  });

  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in?next=/account/bills`);
  await page.getByLabel('メールアドレス').fill(demoResident.email);
  await page.getByLabel('パスワード').fill(demoResident.password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: '税金などの納付書' }).waitFor();
  await accessible(page, 'bills');
  assert.equal(await page.getByRole('img', { name: /^eL-QR / }).count(), 3);

  await page.goto(started.redirectUrl);
  await page.getByText('実際のお金は動きません').waitFor();
  await accessible(page, 'provider checkout');
  await page.getByLabel('PayPay（QRコード決済）').check();
  await page.getByRole('button', { name: '支払う' }).click();

  await page.getByRole('heading', { name: 'お支払いが完了しました' }).waitFor();
  assert.ok(page.url().startsWith(`${base}/payments/${started.paymentId}/return`));
  await accessible(page, 'return');
  assert.equal(await page.getByText('PayPay（QRコード決済）').count(), 1);
  await page.getByRole('link', { name: '申請のページに戻る' }).click();
  await page.getByRole('heading', { name: '税金などの納付書' }).waitFor();
  await context.close();
});
