// The subscription pages over HTTP, as a browser without JavaScript uses them: the form (400 with an error
// summary in the visitor's language), the same answer for new and known addresses, GET links that change
// nothing, one-button confirm and stop, the RFC 8058 one-click POST, and clear pages for dead links.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { Agent } from '../../../../test/helpers/agent.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type NoticeCity, startNoticeCity } from './test-city.ts';

let city: NoticeCity;
before(async () => {
  city = await startNoticeCity();
});
after(async () => {
  await city.close();
});

let ip = 1;
function agent(): Agent {
  const a = new Agent(city.app);
  a.remoteAddress = `203.0.113.${ip++}`;
  return a;
}

const mailsTo = (to: string) => city.smtp.messages.filter((m) => (m.to as { text: string }).text === to);
async function nthMailTo(to: string, n: number): Promise<ParsedMail> {
  await city.smtp.waitForMessage(() => mailsTo(to).length >= n, 30_000);
  return mailsTo(to)[n - 1]!;
}
/** The path and query of a link in a mail (links point to PUBLIC_URL; the test talks to the app directly). */
function linkIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https://city\\.example\\.jp(${path}\\?token=[A-Za-z0-9_-]{43})`).exec(mail.text ?? '');
  assert.ok(match, `a ${path} link in: ${mail.text}`);
  return match[1]!;
}
const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

async function state(email: string) {
  const row = await withTenant(city.deps.db, 'kawasaki', (trx) =>
    trx
      .selectFrom('pc_subscriptions')
      .select(['confirmed_at', 'unsubscribed_at'])
      .where('email', '=', email)
      .executeTakeFirst(),
  );
  if (!row) return 'none';
  return row.unsubscribed_at ? 'stopped' : row.confirmed_at ? 'confirmed' : 'pending';
}

async function subscribeThroughForm(a: Agent, email: string) {
  await a.get('/public-comments/subscribe');
  return a.post('/public-comments/subscribe', { email });
}

test('the form: labelled e-mail field, CSRF token, links to the feeds', async () => {
  const a = agent();
  const page = await a.get('/public-comments/subscribe');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>パブリックコメントのお知らせメール<\/h1>/);
  assert.match(page.body, /<label class="form-field__label" for="email">メールアドレス/);
  assert.match(
    page.body,
    /<input class="form-field__input" id="email" name="email" type="email"[^>]* autocomplete="email"/,
  );
  assert.match(page.body, /name="_csrf" value="[^"]+"/);
  assert.match(page.body, /href="\/public-comments\/feed\.atom"/);
  assert.match(page.body, /href="\/public-comments\/feed\.rss"/);
});

test('a wrong address re-renders the form with 400, an error summary linking to the field, in the chosen language', async () => {
  const a = agent();
  const page = await subscribeThroughForm(a, 'taro.example.jp');
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /<title>入力内容に誤りがあります: /);
  assert.match(
    page.body,
    /<div class="error-summary" role="alert"[\s\S]*<a href="#email">メールアドレスの形式が正しくありません/,
  );
  assert.match(page.body, /id="email-error">メールアドレスの形式が正しくありません/);
  assert.match(page.body, /aria-invalid="true"/);
  assert.match(page.body, /value="taro\.example\.jp"/, 'what was typed is kept');

  const en = agent();
  await en.get('/public-comments/subscribe?lang=en');
  const english = await en.post('/public-comments/subscribe', { email: '' });
  assert.equal(english.statusCode, 400);
  assert.match(english.body, /<a href="#email">Enter your e-mail address\.<\/a>/);

  const easy = agent();
  const easyPage = await easy.get('/public-comments/subscribe?lang=ja-easy');
  assert.match(easyPage.body, /<ruby>意見<rp>\(<\/rp><rt>いけん<\/rt>/);
});

test('new and known addresses get the same answer; asking twice keeps one subscription', async () => {
  const email = 'route-same@example.jp';
  const a = agent();
  const first = await subscribeThroughForm(a, email);
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/public-comments/subscribe/sent');
  const sent = await a.get('/public-comments/subscribe/sent');
  assert.match(sent.body, /確認メールを送りました/);

  const second = await subscribeThroughForm(agent(), email);
  assert.equal(second.statusCode, first.statusCode);
  assert.equal(second.headers.location, first.headers.location);
  await nthMailTo(email, 2);
  const count = await withTenant(city.deps.db, 'kawasaki', (trx) =>
    trx.selectFrom('pc_subscriptions').select(trx.fn.countAll().as('n')).where('email', '=', email).executeTakeFirst(),
  );
  assert.equal(Number(count?.n), 1);
});

test('confirm: opening the link only shows a button (a mail scanner confirms nothing); the button confirms', async () => {
  const email = 'route-confirm@example.jp';
  await subscribeThroughForm(agent(), email);
  const link = linkIn(await nthMailTo(email, 1), '/public-comments/subscribe/confirm');

  const scanner = agent();
  for (let i = 0; i < 3; i++) assert.equal((await scanner.get(link)).statusCode, 200);
  assert.equal(await state(email), 'pending');

  const a = agent();
  const page = await a.get(link);
  assert.match(page.body, /<h1>登録を完了する<\/h1>/);
  assert.match(page.body, new RegExp(`<input type="hidden" name="token" value="${tokenOf(link)}">`));
  const done = await a.post('/public-comments/subscribe/confirm', { token: tokenOf(link) });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/public-comments/subscribe/confirmed');
  assert.match((await a.get('/public-comments/subscribe/confirmed')).body, /登録が完了しました/);
  assert.equal(await state(email), 'confirmed');

  const again = await a.get(link);
  assert.match(again.body, /このメールアドレスは登録済みです/);
  assert.doesNotMatch(again.body, /name="token"/);

  // A known address asking again: the same answer on the page, a mail with its stop link.
  await subscribeThroughForm(agent(), email);
  const already = await nthMailTo(email, 2);
  assert.match(already.subject ?? '', /登録済み/);
  assert.equal(tokenOf(linkIn(already, '/public-comments/unsubscribe')), tokenOf(link));
});

test('stop: the link shows one button, the button stops at once, the link then says it is stopped', async () => {
  const email = 'route-stop@example.jp';
  await subscribeThroughForm(agent(), email);
  const token = tokenOf(linkIn(await nthMailTo(email, 1), '/public-comments/subscribe/confirm'));
  const a = agent();
  await a.get(`/public-comments/subscribe/confirm?token=${token}`);
  await a.post('/public-comments/subscribe/confirm', { token });

  const page = await a.get(`/public-comments/unsubscribe?token=${token}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>お知らせメールを停止する<\/h1>/);
  assert.deepEqual(page.body.match(/<form method="post" action="[^"]*"/g), [
    '<form method="post" action="/public-comments/unsubscribe"',
  ]);
  assert.equal(await state(email), 'confirmed', 'opening the link stops nothing');
  const stopped = await a.post('/public-comments/unsubscribe', { token });
  assert.equal(stopped.statusCode, 303);
  assert.equal(stopped.headers.location, '/public-comments/unsubscribe/done');
  assert.match((await a.get('/public-comments/unsubscribe/done')).body, /お知らせメールを停止しました/);
  assert.equal(await state(email), 'stopped');

  const later = await a.get(`/public-comments/unsubscribe?token=${token}`);
  assert.match(later.body, /お知らせメールは停止済みです/);
  await a.get('/public-comments/subscribe');
  const twice = await a.post('/public-comments/unsubscribe', { token });
  assert.equal(twice.statusCode, 200);
  assert.match(twice.body, /お知らせメールは停止済みです/);
});

// A mail provider's POST carries no cookie and no form token: the token in the URL is its proof, and the
// route says so to the platform's CSRF check (`config: { csrf: 'url-token' }`).
test('RFC 8058 one-click: a POST of List-Unsubscribe=One-Click to the header URI stops it, with no cookie or form token', async () => {
  const email = 'route-oneclick@example.jp';
  await subscribeThroughForm(agent(), email);
  const token = tokenOf(linkIn(await nthMailTo(email, 1), '/public-comments/subscribe/confirm'));
  const a = agent();
  await a.get(`/public-comments/subscribe/confirm?token=${token}`);
  await a.post('/public-comments/subscribe/confirm', { token });
  assert.equal(await state(email), 'confirmed');

  // What a mail provider's server sends: multipart/form-data (RFC 8058 §3.1), no cookies, no Origin.
  const boundary = '----oneclick';
  const response = await city.app.inject({
    method: 'POST',
    url: `/public-comments/unsubscribe?token=${token}`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\ncontent-disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
  });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(await state(email), 'stopped');

  // The urlencoded form is allowed too, and an unknown token gets the same short answer.
  const unknown = await city.app.inject({
    method: 'POST',
    url: `/public-comments/unsubscribe?token=${'A'.repeat(43)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  assert.equal(unknown.statusCode, 200, unknown.body);
});

test('unknown, cut-off and missing tokens: a clear page with a way on, not an error', async () => {
  const a = agent();
  for (const url of [
    '/public-comments/subscribe/confirm?token=abc',
    `/public-comments/subscribe/confirm?token=${'A'.repeat(43)}`,
    '/public-comments/subscribe/confirm',
    '/public-comments/unsubscribe?token=abc',
    '/public-comments/unsubscribe',
  ]) {
    const page = await a.get(url);
    assert.equal(page.statusCode, 200, url);
    assert.match(page.body, /<h1>このリンクは使えません<\/h1>/, url);
    assert.match(page.body, /href="\/public-comments\/subscribe"/, url);
  }
  // Those pages have no form; the POSTs below stand for a stale page's form, with a valid CSRF token.
  await a.get('/public-comments/subscribe');
  const post = await a.post('/public-comments/subscribe/confirm', { token: 'abc' });
  assert.equal(post.statusCode, 200);
  assert.match(post.body, /このリンクは使えません/);
  await a.get('/public-comments/subscribe');
  const stop = await a.post('/public-comments/unsubscribe', { token: 'abc' });
  assert.equal(stop.statusCode, 200);
  assert.match(stop.body, /このリンクは使えません/);
});

test('the form refuses a POST without its CSRF token, and a flood for one address gets 429 with Retry-After', async () => {
  const a = agent();
  await a.get('/public-comments/subscribe');
  const forged = await a.post('/public-comments/subscribe', { email: 'route-csrf@example.jp', _csrf: 'x' });
  assert.equal(forged.statusCode, 403);
  assert.equal(await state('route-csrf@example.jp'), 'none');

  const email = 'route-flood@example.jp';
  for (let i = 0; i < 3; i++) assert.equal((await subscribeThroughForm(agent(), email)).statusCode, 303);
  const refused = await subscribeThroughForm(agent(), email);
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  assert.match(refused.body, /短い時間に何度も送信されました/);
});
