import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../../../test/helpers/smtp.ts';

let city: TestCityHall;
let smtp: SmtpStandIn;
// Mail goes out as in production: SMTP_URL names a relay (here a stand-in that keeps what it receives).
before(async () => {
  smtp = await startSmtpStandIn();
  city = await startTestCityHall({ demoResidents: 0, env: { SMTP_URL: smtp.url } });
});
after(async () => {
  await city.close();
  await smtp.close();
});

async function mailTo(address: string, subject: string): Promise<{ text: string }> {
  const mail = await smtp.waitForMessage(
    (m) => (m.to && !Array.isArray(m.to) ? m.to.text : '') === address && (m.subject ?? '').includes(subject),
    15_000,
  );
  return { text: mail.text ?? '' };
}

function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match, `no ${path} link in:\n${text}`);
  return match[1]!;
}

test('a resident signs up, confirms the e-mail by its link and lands on their page', async () => {
  const agent = new Agent(city.app);
  await agent.get('/sign-up');
  const sent = await agent.post('/sign-up', {
    displayName: '幸 さくら',
    email: 'Sakura@Example.JP',
    password: 'kawa-river-lantern-73',
  });
  assert.equal(sent.statusCode, 200);
  assert.match(sent.body, /確認のメールをお送りしました/);

  const mail = await mailTo('sakura@example.jp', 'メールアドレスの確認');
  const token = linkIn(mail.text, '/verify-email');
  // Opening the link only shows a button; a mail scanner's GET must not use the token up.
  await agent.get(`/verify-email?token=${token}`);
  const verified = await agent.post('/verify-email', { token });
  assert.equal(verified.statusCode, 303);
  assert.equal(verified.headers.location, '/account?notice=accountVerified');
  const account = await agent.get('/account?notice=accountVerified');
  assert.equal(account.statusCode, 200);
  assert.match(account.body, /幸 さくら/);
  assert.match(account.body, /メールアドレスを確認しました/);

  // The link works once.
  const again = await new Agent(city.app).post('/verify-email', { token, _csrf: '' });
  assert.equal(again.statusCode, 403, 'no CSRF cookie on a fresh agent: refused before anything else');
});

test('a weak or common password is refused with a Japanese explanation, and the form keeps the input', async () => {
  const agent = new Agent(city.app);
  await agent.get('/sign-up');
  for (const [password, reason] of [
    ['short', /10文字以上/],
    ['password123', /よく使われていて/],
    ['aaaaaaaaaaaa', /同じ文字の繰り返し/],
    ['tamagawa-tamagawa-x', /メールアドレスの一部/],
  ] as const) {
    const response = await agent.post('/sign-up', { displayName: '多摩 川子', email: 'tamagawa@example.jp', password });
    assert.equal(response.statusCode, 400, password);
    assert.match(response.body, reason);
    assert.match(response.body, /class="error-summary"/);
    assert.match(response.body, /href="#password"/);
    assert.match(response.body, /value="tamagawa@example.jp"/);
    assert.doesNotMatch(response.body, new RegExp(`value="${password}"`), 'a password is never echoed back');
  }
});

test('signing up twice with one address sends "already registered" and reveals nothing on the page', async () => {
  const first = new Agent(city.app);
  await first.get('/sign-up');
  await first.post('/sign-up', {
    displayName: '中原 一',
    email: 'twice@example.jp',
    password: 'lantern-bridge-sky-42',
  });
  const second = new Agent(city.app);
  await second.get('/sign-up');
  const response = await second.post('/sign-up', {
    displayName: '別人',
    email: 'twice@example.jp',
    password: 'other-lantern-bridge-9',
  });
  assert.equal(response.statusCode, 200);
  assert.match(response.body, /確認のメールをお送りしました/);
  await mailTo('twice@example.jp', 'お申し込みについて');
});

test('the sign-up form cannot be used to flood one mailbox', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    const agent = new Agent(city.app);
    await agent.get('/sign-up');
    const response = await agent.post('/sign-up', {
      displayName: '麻生 一',
      email: 'flood@example.jp',
      password: 'asao-lantern-river-3',
    });
    statuses.push(response.statusCode);
  }
  assert.deepEqual(statuses, [200, 200, 200, 429]);
});

test('sign-in rotates the session token: a token planted before sign-in never becomes signed in', async () => {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  const planted = 'A'.repeat(43);
  agent.cookies.set('sid', planted);
  const response = await agent.post('/sign-in', {
    email: 'hanako@example.jp',
    password: 'kawasaki-demo-2026',
    next: '/account',
  });
  assert.equal(response.statusCode, 303);
  assert.notEqual(agent.cookies.get('sid'), planted);
  const cookie = response.cookies.find((c) => c.name === 'sid')!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.secure, true);
  assert.equal((await agent.get('/account')).statusCode, 200);

  const attacker = new Agent(city.app);
  attacker.cookies.set('sid', planted);
  const page = await attacker.get('/account');
  assert.equal(page.statusCode, 303, 'the planted token is not a session');
});

test('forms without the CSRF token, or posted from another site, are refused with 403', async () => {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  const missing = await agent.post('/sign-in', {
    _csrf: '',
    email: 'hanako@example.jp',
    password: 'kawasaki-demo-2026',
  });
  assert.equal(missing.statusCode, 403);
  assert.match(missing.body, /送信を受け付けられませんでした/);
  const forged = await agent.post('/sign-in', {
    _csrf: 'x'.repeat(43),
    email: 'hanako@example.jp',
    password: 'kawasaki-demo-2026',
  });
  assert.equal(forged.statusCode, 403);
  await agent.get('/sign-in');
  const crossSite = await agent.post(
    '/sign-in',
    { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' },
    { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  );
  assert.equal(crossSite.statusCode, 403);
  const api = await agent.json(
    'POST',
    '/api/auth/sign-in',
    { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' },
    { origin: 'https://evil.example' },
  );
  assert.equal(api.statusCode, 403);
  assert.equal(api.json().code, 'csrf_failed');
});

test('the JSON API signs in with {email, password}; wrong passwords end in 429 with Retry-After', async () => {
  const agent = new Agent(city.app, { 'x-forwarded-for': '203.0.113.9' });
  const ok = await agent.json('POST', '/api/auth/sign-in', {
    email: 'taro@example.jp',
    password: 'kawasaki-demo-2026',
  });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().displayName, '川崎 太郎');
  const session = await agent.json('GET', '/api/auth/session');
  assert.equal(session.statusCode, 200);
  assert.equal(session.json().assurance, 'account');

  const bad = await agent.json('POST', '/api/auth/sign-in', { email: 'taro@example.jp' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');

  const statuses: number[] = [];
  let last = ok;
  for (let i = 0; i < 8; i++) {
    last = await agent.json('POST', '/api/auth/sign-in', { email: 'taro@example.jp', password: 'wrong-password-x' });
    statuses.push(last.statusCode);
  }
  assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
  assert.equal(statuses.at(-1), 429);
  assert.ok(Number(last.headers['retry-after']) > 0);
  assert.match(last.json().detail, /待ってから/);
  // Locked: even the right password waits.
  const locked = await agent.json('POST', '/api/auth/sign-in', {
    email: 'taro@example.jp',
    password: 'kawasaki-demo-2026',
  });
  assert.equal(locked.statusCode, 429);
});

test('account recovery by e-mail sets a new password and ends every other session', async () => {
  const phone = new Agent(city.app);
  await phone.get('/sign-in');
  await phone.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  assert.equal((await phone.get('/account')).statusCode, 200);

  const agent = new Agent(city.app);
  await agent.get('/account/recover');
  const asked = await agent.post('/account/recover', { email: 'hanako@example.jp' });
  assert.equal(asked.statusCode, 200);
  await agent.get('/account/recover');
  const unknown = await agent.post('/account/recover', { email: 'nobody@example.jp' });
  assert.equal(unknown.statusCode, 200, 'same answer for an unknown address');
  const mail = await mailTo('hanako@example.jp', 'パスワードの再設定');
  const token = linkIn(mail.text, '/account/recover/reset');
  await agent.get(`/account/recover/reset?token=${token}`);
  const weak = await agent.post(`/account/recover/reset?token=${token}`, { password: 'qwerty' });
  assert.equal(weak.statusCode, 400);
  const done = await agent.post(`/account/recover/reset?token=${token}`, { password: 'new-lantern-river-88' });
  assert.equal(done.statusCode, 303);
  assert.equal((await phone.get('/account')).statusCode, 303, 'the other device was signed out');

  await agent.get('/sign-in');
  const signedIn = await agent.post('/sign-in', { email: 'hanako@example.jp', password: 'new-lantern-river-88' });
  assert.equal(signedIn.statusCode, 303);
  const reused = await agent.post(`/account/recover/reset?token=${token}`, { password: 'another-lantern-77' });
  assert.equal(reused.statusCode, 400, 'a recovery link works once');
});

test('sign out everywhere ends the sessions on every device', async () => {
  const a = new Agent(city.app);
  const b = new Agent(city.app);
  for (const agent of [a, b]) {
    await agent.get('/sign-in');
    // hanako's password was changed by the recovery test above; taro is locked by the brute-force test.
    await agent.post('/sign-in', { email: 'hanako@example.jp', password: 'new-lantern-river-88' });
  }
  assert.equal((await a.get('/account')).statusCode, 200);
  assert.equal((await b.get('/account')).statusCode, 200);
  await a.post('/account/sign-out-everywhere', {});
  assert.equal((await a.get('/account')).statusCode, 303);
  assert.equal((await b.get('/account')).statusCode, 303);
});

test('a session ends after the idle timeout and after the absolute timeout', async () => {
  const { sql } = await import('kysely');
  const idle = new Agent(city.app);
  await idle.get('/sign-in');
  await idle.post('/sign-in', { email: 'hanako@example.jp', password: 'new-lantern-river-88' });
  assert.equal((await idle.json('GET', '/api/auth/session')).statusCode, 200);
  // 31 minutes without a request (the default idle timeout is 30).
  await sql`update sessions set last_seen_at = now() - interval '31 minutes' where revoked_at is null`.execute(
    city.database.ownerDb,
  );
  assert.equal((await idle.json('GET', '/api/auth/session')).statusCode, 401);

  const busy = new Agent(city.app);
  await busy.get('/sign-in');
  await busy.post('/sign-in', { email: 'hanako@example.jp', password: 'new-lantern-river-88' });
  const expires = new Date((await busy.json('GET', '/api/auth/session')).json().expiresAt).getTime();
  assert.ok(Math.abs(expires - Date.now() - 12 * 3_600_000) < 60_000, 'absolute timeout: 12 hours from sign-in');
  await sql`update sessions set expires_at = now() - interval '1 second' where revoked_at is null`.execute(
    city.database.ownerDb,
  );
  assert.equal((await busy.json('GET', '/api/auth/session')).statusCode, 401, 'even while in use');
});
