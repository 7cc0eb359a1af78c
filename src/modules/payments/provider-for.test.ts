// `npm start` without PAYMENT_PROVIDER_URL: the stand-in runs in-process and its webhooks reach our own
// server; a production start without the variable refuses online payment instead.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { TestCityHall } from '../../../test/helpers/app.ts';
import { accountId, payOnProvider, startCity } from '../../../test/helpers/payment-provider.ts';
import { AppError } from '../../platform/http/errors.ts';
import { demoResident } from '../identity/demo.ts';
import { providerFor } from './provider-for.ts';
import { startPayment } from './use-cases/start-payment.ts';

let city: TestCityHall;
before(async () => {
  city = await startCity();
});
after(async () => {
  await city?.close();
});

test('the demo pays through the in-process stand-in, and its webhook confirms the payment', async () => {
  const deps = city.city.deps;
  const provider = await providerFor(deps, city.app);
  const applicationId = randomUUID();
  const started = await startPayment(
    { db: deps.db, events: deps.events, provider },
    {
      tenantId: 'kawasaki',
      applicationId,
      receiptNumber: 'R7-DEMO-1',
      amount: 300,
      description: '住民票の写し 1通',
      payer: await accountId(city, demoResident.email),
      returnUrl: `${city.url}/applications/${applicationId}`,
    },
  );
  const response = await payOnProvider(started.redirectUrl);
  assert.equal(response.status, 303);
  const row = await city.database.ownerDb
    .selectFrom('payments')
    .select('status')
    .where('id', '=', started.paymentId)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'paid', 'the webhook came back to our own address');
});

test('outside the demo, no provider configured means no online payment, with the variable named', async () => {
  const notDemo = { ...city.city.deps };
  await assert.rejects(
    providerFor(notDemo, city.app),
    (error: unknown) =>
      error instanceof AppError && error.code === 'unavailable' && /PAYMENT_PROVIDER_URL/.test(error.message),
  );
});
