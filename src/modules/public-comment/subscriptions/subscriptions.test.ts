// The subscription use cases on a real database: subscribe (twice is one row, same answer), confirm by the
// mailed token, stop, start again; bad addresses and floods refused; another city's rows untouched.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { AppError } from '../../../platform/http/errors.ts';
import { confirmSubscription } from './confirm-subscription.ts';
import { readSubscription } from './read-subscription.ts';
import { subscribe } from './subscribe.ts';
import { type NoticeCity, startNoticeCity } from './test-city.ts';
import { unsubscribe } from './unsubscribe.ts';

let city: NoticeCity;
before(async () => {
  city = await startNoticeCity();
});
after(async () => {
  await city.close();
});

const tenantId = 'kawasaki';
let ipCounter = 1;
/** Each test from its own address, so the per-address limit is what a test meets, not the per-IP one. */
const meta = () => ({ ip: `198.51.100.${ipCounter++}`, requestId: 'test', userAgent: 'test' });
const base = 'https://city.example.jp';

const mailsTo = (to: string) => city.smtp.messages.filter((m) => m.to && JSON.stringify(m.to).includes(to));

// Mails leave through one job queue worked one job at a time: the flood test's twenty-odd mails can be
// ahead of a later test's, hence the generous wait.
async function nthMailTo(to: string, n: number): Promise<ParsedMail> {
  await city.smtp.waitForMessage(() => mailsTo(to).length >= n, 30_000);
  return mailsTo(to)[n - 1]!;
}

function tokenIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`${base}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
  assert.ok(match, `a ${path} link in: ${mail.text}`);
  return match[1]!;
}

async function rowsFor(tenant: string, email: string) {
  return withTenant(city.deps.db, tenant, (trx) =>
    trx
      .selectFrom('pc_subscriptions')
      .select(['id', 'confirmed_at', 'unsubscribed_at'])
      .where('email', '=', email)
      .execute(),
  );
}

test('subscribing twice leaves one pending row; both requests mail the same confirm link', async () => {
  const email = 'twice@example.jp';
  await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  // Full-width ＠ and capitals, as typed on a phone with a Japanese IME: the same address.
  await subscribe(city.deps, { tenantId, email: ' TWICE＠example.jp ', baseUrl: base, meta: meta() });
  const rows = await rowsFor(tenantId, email);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.confirmed_at, null);
  const first = await nthMailTo(email, 1);
  const second = await nthMailTo(email, 2);
  assert.match(first.subject ?? '', /【川崎市】.*登録の確認/);
  assert.equal(
    tokenIn(first, '/public-comments/subscribe/confirm'),
    tokenIn(second, '/public-comments/subscribe/confirm'),
  );
  assert.equal(
    await readSubscription(city.deps, { tenantId, token: tokenIn(first, '/public-comments/subscribe/confirm') }),
    'pending',
  );
});

test('the mailed token confirms once; an address already confirmed gets "already subscribed" with its stop link', async () => {
  const email = 'confirm@example.jp';
  await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  const token = tokenIn(await nthMailTo(email, 1), '/public-comments/subscribe/confirm');
  assert.equal(await confirmSubscription(city.deps, { tenantId, token, meta: meta() }), 'confirmed');
  assert.equal(await confirmSubscription(city.deps, { tenantId, token, meta: meta() }), 'already');
  assert.equal(await readSubscription(city.deps, { tenantId, token }), 'confirmed');
  assert.notEqual((await rowsFor(tenantId, email))[0]!.confirmed_at, null);

  await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  const again = await nthMailTo(email, 2);
  assert.match(again.subject ?? '', /登録済み/);
  assert.equal(tokenIn(again, '/public-comments/unsubscribe'), token);
  assert.equal((await rowsFor(tenantId, email)).length, 1);
  assert.equal(await readSubscription(city.deps, { tenantId, token }), 'confirmed', 'asking again changes nothing');
});

test('stopping is immediate and final until the address subscribes and confirms again', async () => {
  const email = 'stop@example.jp';
  await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  const token = tokenIn(await nthMailTo(email, 1), '/public-comments/subscribe/confirm');
  await confirmSubscription(city.deps, { tenantId, token, meta: meta() });
  assert.equal(await unsubscribe(city.deps, { tenantId, token, meta: meta() }), 'stopped');
  assert.equal(await unsubscribe(city.deps, { tenantId, token, meta: meta() }), 'already');
  assert.equal(await readSubscription(city.deps, { tenantId, token }), 'stopped');
  assert.equal(
    await confirmSubscription(city.deps, { tenantId, token, meta: meta() }),
    'stopped',
    'an old confirm link does not restart it',
  );

  await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  const restart = await nthMailTo(email, 2);
  assert.match(restart.subject ?? '', /登録の確認/, 'a stopped address must confirm again');
  assert.equal(await readSubscription(city.deps, { tenantId, token }), 'pending');
  assert.equal(await confirmSubscription(city.deps, { tenantId, token, meta: meta() }), 'confirmed');
  assert.equal((await rowsFor(tenantId, email)).length, 1);
});

test('unknown, malformed and missing tokens are "unknown", not errors', async () => {
  for (const token of [undefined, '', 'x', 'A'.repeat(43), `${'A'.repeat(42)}!`, ['a']]) {
    assert.equal(await readSubscription(city.deps, { tenantId, token }), 'unknown');
    assert.equal(await confirmSubscription(city.deps, { tenantId, token, meta: meta() }), 'unknown');
    assert.equal(await unsubscribe(city.deps, { tenantId, token, meta: meta() }), 'unknown');
  }
});

test('an address that is not one is refused with a Japanese message for the field', async () => {
  for (const [email, pattern] of [
    ['', /入力してください/],
    ['taro.example.jp', /形式が正しくありません/],
    ['taro@example', /形式が正しくありません/],
    ['ta ro@example.jp', /形式が正しくありません/],
    [`${'a'.repeat(250)}@example.jp`, /254文字以内/],
  ] as const) {
    await assert.rejects(subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() }), (error: AppError) => {
      assert.equal(error.code, 'validation_failed');
      assert.equal(error.errors[0]!.field, 'email');
      assert.match(error.errors[0]!.message, pattern);
      return true;
    });
  }
});

test('at most 3 requests an hour for one address and 20 from one client address', async () => {
  const email = 'flood@example.jp';
  for (let i = 0; i < 3; i++) await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  await assert.rejects(subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() }), (e: AppError) => {
    assert.equal(e.code, 'too_many_requests');
    assert.ok(Number(e.headers['retry-after']) > 0);
    return true;
  });
  const one = { ip: '203.0.113.99', requestId: 'test', userAgent: 'test' };
  for (let i = 0; i < 20; i++) {
    await subscribe(city.deps, { tenantId, email: `many${i}@example.jp`, baseUrl: base, meta: one });
  }
  await assert.rejects(
    subscribe(city.deps, { tenantId, email: 'many20@example.jp', baseUrl: base, meta: one }),
    (e: AppError) => e.code === 'too_many_requests',
  );
  assert.equal((await rowsFor(tenantId, 'many20@example.jp')).length, 0);
});

test('each city has its own subscriptions: the same address twice, and one city’s token means nothing in the other', async () => {
  const email = 'both@example.jp';
  await subscribe(city.deps, { tenantId, email, baseUrl: base, meta: meta() });
  await subscribe(city.deps, { tenantId: 'yokohama', email, baseUrl: base, meta: meta() });
  const [one, two] = [await nthMailTo(email, 1), await nthMailTo(email, 2)];
  const byCity = new Map([one, two].map((m) => [/【(.+?)】/.exec(m.subject ?? '')![1], m]));
  const kawasakiToken = tokenIn(byCity.get('川崎市')!, '/public-comments/subscribe/confirm');
  const yokohamaToken = tokenIn(byCity.get('横浜市')!, '/public-comments/subscribe/confirm');
  assert.notEqual(kawasakiToken, yokohamaToken);
  assert.equal(
    await confirmSubscription(city.deps, { tenantId: 'yokohama', token: kawasakiToken, meta: meta() }),
    'unknown',
  );
  assert.equal(await unsubscribe(city.deps, { tenantId: 'yokohama', token: kawasakiToken, meta: meta() }), 'unknown');
  assert.equal(await confirmSubscription(city.deps, { tenantId, token: kawasakiToken, meta: meta() }), 'confirmed');
  assert.equal((await rowsFor('yokohama', email))[0]!.confirmed_at, null, 'the other city’s row is untouched');
  assert.equal((await rowsFor(tenantId, email)).length, 1);
});
