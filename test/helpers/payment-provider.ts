// The city with a payment provider stand-in on its own port, as production runs with a real one:
// PAYMENT_PROVIDER_URL points at it, and its webhooks come to our server over real HTTP.
import assert from 'node:assert/strict';
import pino from 'pino';
import { demoResident } from '../../src/modules/identity/demo.ts';
import { identity } from '../../src/modules/identity/index.ts';
import { organisation } from '../../src/modules/organisation/index.ts';
import type { PaymentDeps } from '../../src/modules/payments/deps.ts';
import { payments } from '../../src/modules/payments/index.ts';
import { createPaymentProvider } from '../../src/modules/payments/provider.ts';
import { type StandInProvider, startStandInProvider } from '../../src/modules/payments/stand-in-provider.ts';
import { portal } from '../../src/modules/portal/index.ts';
import { residents } from '../../src/modules/residents/index.ts';
import { startCityHall } from '../../src/platform/runtime.ts';
import { Agent } from './agent.ts';
import { type TestCityHall, testConfig } from './app.ts';
import { createTestDatabase } from './db.ts';
import { staffSignIn } from './staff.ts';

export const secretKey = 'sk_test_stand-in-0123456789';
export const webhookSecret = 'whsec_test_stand-in-0123456789';

export interface PaymentCity {
  city: TestCityHall;
  provider: StandInProvider;
  deps: PaymentDeps;
  close(): Promise<void>;
}

export async function startPaymentCity(
  options: { listen?: boolean; env?: Record<string, string> } = {},
): Promise<PaymentCity> {
  const provider = await startStandInProvider({ secretKey, webhookSecret });
  const city = await startCity({
    PAYMENT_PROVIDER_URL: provider.url,
    PAYMENT_SECRET_KEY: secretKey,
    PAYMENT_WEBHOOK_SECRET: webhookSecret,
    ...options.env,
  });
  if (city.url) provider.setWebhookUrl(`${city.url}/payments/webhook`);
  const deps: PaymentDeps = {
    db: city.city.deps.db,
    events: city.city.deps.events,
    provider: createPaymentProvider({ baseUrl: provider.url, secretKey, webhookSecret }),
  };
  return {
    city,
    provider,
    deps,
    async close() {
      await city.close();
      await provider.close();
    },
  };
}

/**
 * The city with the modules payments stands on (not every module of the tree: a payments test should not
 * fail because another module is half-way through a change), listening on a port for the webhooks.
 */
export async function startCity(env: Record<string, string> = {}): Promise<TestCityHall> {
  const database = await createTestDatabase();
  const config = testConfig(database, {
    NETWORK_ZONES: 'lgwan=127.0.0.0/8,::1/128',
    ...env,
  });
  const city = await startCityHall({
    config,
    log: pino({ level: config.logLevel }),
    demo: true,
    demoResidents: 50,
    modules: [organisation, residents, identity, payments, portal],
  });
  await city.ready;
  return {
    app: city.app!,
    city,
    database,
    url: city.url,
    async close() {
      await city.stop();
      await database.close();
    },
  };
}

export async function accountId(city: TestCityHall, email: string): Promise<string> {
  const row = await city.database.ownerDb
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id as string;
}

export async function residentAgent(city: TestCityHall, email = demoResident.email): Promise<Agent> {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  const response = await agent.post('/sign-in', { email, password: demoResident.password });
  assert.equal(response.statusCode, 303, 'resident signs in');
  return agent;
}

/** Password and TOTP (enrolling on first use from the key the page shows), from the LGWAN side. */
export function staffAgent(city: TestCityHall, email: string): Promise<Agent> {
  return staffSignIn(city.app, email, '127.0.0.1');
}

/** Pays on the stand-in's checkout page as a browser without JavaScript would: GET the page, POST its form. */
export async function payOnProvider(
  checkoutUrl: string,
  choice: { method?: 'card' | 'paypay'; cancel?: boolean } = {},
): Promise<Response> {
  const page = await fetch(checkoutUrl);
  assert.equal(page.status, 200, 'the checkout page opens');
  const html = await page.text();
  assert.match(html, /支払う/);
  assert.match(html, /実際のお金は動きません/);
  const action = choice.cancel
    ? /formaction="([^"]+)"/.exec(html)![1]!
    : /<form method="post" action="([^"]+)"/.exec(html)![1]!;
  return fetch(new URL(action, checkoutUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ method: choice.method ?? 'card' }).toString(),
    redirect: 'manual',
  });
}
