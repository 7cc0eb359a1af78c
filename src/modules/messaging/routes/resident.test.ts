// The residents' messaging pages over HTTP, as a browser without JavaScript uses them (and the push island
// and mail programs as they call them): settings saved for every channel of the account and saved again
// without change; e-mail double opt-in for a visitor and for a signed-in resident, never telling whether
// an address was on file; a Web Push subscription saved once and then reached by a real notice; the inbox
// shown only to its owner, unread until opened; one-step unsubscribe by page and by RFC 8058 one-click,
// idempotent, with a clear page for a bad or foreign link; LINE linked by code, then following the
// settings; bad input named field by field in the visitor's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { type PushService, startPushService } from '../../../../test/helpers/push-service.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../../../test/helpers/smtp.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { unsubscribeToken } from '../unsubscribe-link.ts';
import { confirmToken } from '../use-cases/confirm-email.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { vapidFor } from '../vapid.ts';

let city: TestCityHall;
let smtp: SmtpStandIn;
let push: PushService;
let line: LineStandIn;
const tenantId = 'kawasaki';
const lineSecret = 'line-secret-resident';

before(async () => {
  [smtp, push, line] = await Promise.all([
    startSmtpStandIn(),
    startPushService(),
    startLineStandIn({ channelAccessToken: 'token-resident', channelSecret: lineSecret }),
  ]);
  city = await startTestCityHall({
    listen: true,
    demoResidents: 20,
    env: {
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://city.example.jp',
      LINE_CHANNEL_ACCESS_TOKEN: 'token-resident',
      LINE_CHANNEL_SECRET: lineSecret,
      LINE_API_BASE_URL: line.url,
    },
  });
  await addTenants(city.database.ownerDb, 'yokohama');
});

after(async () => {
  await city?.close();
  await Promise.all([smtp?.close(), push?.close(), line?.close()]);
});

const deps = () => city.city.deps;
let ip = 1;
function visitor(): Agent {
  const a = new Agent(city.app);
  a.remoteAddress = `203.0.113.${ip++}`;
  return a;
}

async function resident(email: string): Promise<Agent> {
  const a = visitor();
  await a.get('/sign-in');
  const signedIn = await a.post('/sign-in', { email, password: 'kawasaki-demo-2026' });
  assert.equal(signedIn.statusCode, 303, 'signed in');
  return a;
}

async function accountOf(email: string): Promise<string> {
  const row = await city.database.ownerDb
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id as string;
}

async function subscriber(channel: string, address: string) {
  return withTenant(deps().db, tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select(['id', 'status', 'account_id', 'topics', 'ward_code', 'language', 'birth_year', 'personal'])
      .where('channel', '=', channel)
      .where('address', '=', address)
      .executeTakeFirst(),
  );
}

const mailsTo = (to: string) => smtp.messages.filter((m) => (m.to as { text: string }).text === to);
async function nthMailTo(to: string, n: number): Promise<ParsedMail> {
  await smtp.waitForMessage(() => mailsTo(to).length >= n, 30_000);
  return mailsTo(to)[n - 1]!;
}
/** The path of a link in a mail (links point to PUBLIC_URL; the test talks to the app directly). */
function linkIn(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https://city\\.example\\.jp(${path}/[A-Za-z0-9._-]+)`).exec(mail.text ?? '');
  assert.ok(match, `a ${path} link in: ${mail.text}`);
  return match[1]!;
}

/** A page body checked against a pattern, without printing the whole page when it does not match. */
function shows(body: string, pattern: RegExp, what: string): void {
  assert.ok(pattern.test(body), `${what}: ${pattern} not in the page`);
}

async function eventually<T>(find: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function sendNotice(title: string, topic: string): Promise<string> {
  const actor = { accountId: 'test-staff' };
  const { id } = await createMessage(deps(), {
    tenantId,
    actor,
    fields: { title, bodyJa: `${title}の本文です。`, segment: { topics: [topic] } },
  });
  await startDelivery(deps(), { tenantId, actor, messageId: id });
  return id;
}

test('the settings page for a visitor: labelled fields, e-mail only, the push island and LINE, the scripts served', async () => {
  const a = visitor();
  const page = await a.get('/notifications');
  assert.equal(page.statusCode, 200);
  shows(page.body, /<h1>お知らせの受け取り設定<\/h1>/, 'heading');
  shows(page.body, /<legend class="form-field__label">分野<\/legend>/, 'topics legend');
  shows(page.body, /<label for="topics-3">子育て<\/label>/, 'the topic’s name');
  shows(page.body, /<label class="form-field__label" for="ward">お住まいの区<\/label>/, 'ward label');
  shows(page.body, /<option value="141313">川崎区<\/option>/, 'a ward of Kawasaki');
  shows(page.body, /<label for="language-2">やさしい日本語<\/label>/, 'language');
  shows(page.body, /<label class="form-field__label" for="birth-year">生まれた年（西暦・任意）<\/label>/, 'birth year');
  shows(page.body, /<label class="form-field__label" for="email">メールアドレス/, 'e-mail');
  assert.doesNotMatch(page.body, /name="channels"/, 'no account channels for a visitor');
  shows(page.body, /href="\/sign-in\?next=%2Fnotifications"/, 'sign-in link');
  shows(page.body, new RegExp(`data-public-key="${vapidFor(deps()).publicKey}"`), 'VAPID public key for the island');
  shows(page.body, /<p data-push-unavailable>このブラウザーでは使えないか/, 'text without JavaScript');
  shows(page.body, /<div data-push-controls hidden>/, 'button hidden until the island shows it');
  shows(page.body, /LINE アプリで川崎市の公式アカウントを友だち追加すると/, 'how to add LINE');
  shows(page.body, /「配信停止」と送ると/, 'how to stop on LINE');

  const worker = await a.get('/notifications/sw.js');
  assert.equal(worker.statusCode, 200);
  assert.match(String(worker.headers['content-type']), /^text\/javascript/);
  assert.match(worker.body, /showNotification/);
  assert.match(worker.body, /notificationclick/);
  const island = await a.get('/assets/messaging/push.js');
  assert.equal(island.statusCode, 200);
  assert.match(island.body, /applicationServerKey/);
});

test('bad input is named field by field (400, error summary, values kept) and saves nothing', async () => {
  const a = visitor();
  await a.get('/notifications');
  const page = await a.post('/notifications', {
    topics: ['kosodate', 'lottery'],
    ward: '999999',
    language: 'fr',
    birthYear: '88',
    email: 'hanako.example.jp',
  });
  assert.equal(page.statusCode, 400);
  shows(page.body, /<title>入力内容に誤りがあります: お知らせの受け取り設定/, 'title says there are errors');
  for (const [href, text] of [
    ['#topics', '分野は一覧から選んでください。'],
    ['#ward', '区は一覧から選んでください。'],
    ['#language', 'お知らせの言語は、日本語・やさしい日本語・English から選んでください。'],
    ['#birth-year', '生まれた年は、西暦の4桁の数字で入力してください（例: 1988）。'],
    ['#email', 'メールアドレスの形式が正しくありません（例: name@example.jp）。'],
  ] as const) {
    shows(page.body, new RegExp(`<a href="${href}">${text.replace(/[()（）.]/g, '\\$&')}</a>`), href);
  }
  shows(page.body, /id="email-error">メールアドレスの形式が正しくありません/, 'error beside the field');
  shows(page.body, /value="hanako\.example\.jp"/, 'value kept');
  shows(page.body, /value="kosodate" checked/, 'choice kept');
  assert.equal(await subscriber('email', 'hanako.example.jp'), undefined);

  const future = await a.post('/notifications?lang=en', { email: 'x@example.jp', birthYear: '２９９９' });
  assert.equal(future.statusCode, 400);
  shows(future.body, /<a href="#birth-year">Enter a year of birth from 1900 to \d{4}\.<\/a>/, 'English, range');
  const missing = await a.post('/notifications?lang=ja', { email: '' });
  assert.equal(missing.statusCode, 400);
  shows(missing.body, /<a href="#email">メールアドレスを入力してください。<\/a>/, 'a visitor must give an address');
});

test('a visitor subscribes by e-mail: pending until the mailed link is confirmed; asking again reveals nothing', async () => {
  const email = 'visitor-1@example.jp';
  const a = visitor();
  await a.get('/notifications');
  const sent = await a.post('/notifications', {
    topics: ['kosodate', 'bosai'],
    ward: '141321',
    language: 'en',
    birthYear: '1990',
    email: 'Visitor-1＠example.jp',
  });
  assert.equal(sent.statusCode, 303);
  assert.equal(sent.headers.location, '/notifications/email/sent');
  const row = await subscriber('email', email);
  assert.equal(row?.status, 'pending');
  assert.deepEqual(row?.topics, ['bosai', 'kosodate']);
  assert.equal(row?.ward_code, '141321');
  assert.equal(row?.language, 'en');
  assert.equal(row?.birth_year, 1990);
  assert.equal(row?.account_id, null);
  shows((await a.get('/notifications/email/sent')).body, /<h1>確認メールを送りました<\/h1>/, 'sent page');

  const mail = await nthMailTo(email, 1);
  assert.match(mail.subject ?? '', /お知らせメールの登録の確認/);
  assert.match(mail.text ?? '', /受け取る分野: 防災、子育て/);
  const link = linkIn(mail, '/notifications/email/confirm');
  const confirm = await a.get(link);
  const csrf = a.csrf();
  assert.equal(confirm.statusCode, 200);
  shows(confirm.body, /<h1>メールでの受け取りを始める<\/h1>/, 'confirm page');
  shows(confirm.body, /<dd>visitor-1@example\.jp<\/dd>/, 'the address');
  shows(confirm.body, /<dd>防災、子育て<\/dd>/, 'the topics');
  shows(confirm.body, /<dd>幸区<\/dd>/, 'the ward');
  assert.equal((await subscriber('email', email))?.status, 'pending', 'opening the link changes nothing');

  const done = await a.post(link, { _csrf: csrf });
  assert.equal(done.statusCode, 200);
  shows(done.body, /<h1>登録が完了しました<\/h1>/, 'confirmed');
  assert.equal((await subscriber('email', email))?.status, 'active');
  shows((await a.post(link, { _csrf: csrf })).body, /<h1>登録済みです<\/h1>/, 'pressed again');

  // Asked again from another browser: the same answer, and a mail that only says it is already subscribed.
  const b = visitor();
  await b.get('/notifications');
  const again = await b.post('/notifications', { topics: ['gomi'], email });
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, '/notifications/email/sent');
  const already = await nthMailTo(email, 2);
  assert.match(already.subject ?? '', /登録済みです/);
  assert.match(already.text ?? '', /https:\/\/city\.example\.jp\/notifications\/unsubscribe\//);
  assert.deepEqual((await subscriber('email', email))?.topics, ['bosai', 'kosodate'], 'a stranger changes nothing');

  // The city sends a 子育て notice: it arrives with one-click unsubscribe, which stops it at once.
  await sendNotice('子育てひろばのお知らせ', 'kosodate');
  const notice = await nthMailTo(email, 3);
  assert.equal(notice.subject, '子育てひろばのお知らせ');
  const header = notice.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
  const stop = /<https:\/\/city\.example\.jp(\/notifications\/unsubscribe\/[^>]+)>/.exec(header)?.[1];
  assert.ok(stop, `List-Unsubscribe: ${header}`);
  const oneClick = await city.app.inject({
    method: 'POST',
    url: stop,
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(oneClick.statusCode, 200);
  assert.equal(oneClick.body, '配信を停止しました。');
  assert.equal((await subscriber('email', email))?.status, 'unsubscribed');
  shows(
    (await a.post(link, { _csrf: csrf })).body,
    /<h1>このリンクは使えません<\/h1>[\s\S]*申し込みのあとで停止されています/,
    'old link',
  );

  // Subscribing a stopped address starts the double opt-in again.
  const c = visitor();
  await c.get('/notifications');
  await c.post('/notifications', { topics: ['kenko'], email });
  assert.equal((await subscriber('email', email))?.status, 'pending');
  const fresh = await nthMailTo(email, 4);
  assert.match(fresh.subject ?? '', /登録の確認/);
});

test('confirm links: a broken one is 404, an expired one 410, one from another city names nobody', async () => {
  const a = visitor();
  await a.get('/notifications');
  const csrf = a.csrf();
  await a.post('/notifications', { email: 'visitor-2@example.jp' });
  const row = (await subscriber('email', 'visitor-2@example.jp'))!;
  const broken = await a.get('/notifications/email/confirm/not-a-token');
  assert.equal(broken.statusCode, 404);
  shows(broken.body, /<h1>このリンクは使えません<\/h1>/, 'broken');
  const late = confirmToken(deps().secrets, tenantId, {
    subscriberId: row.id,
    accountId: null,
    expiresAt: new Date(Date.now() - 60_000),
  });
  const expired = await a.get(`/notifications/email/confirm/${late}`);
  assert.equal(expired.statusCode, 410);
  shows(expired.body, /<h1>リンクの有効期限が切れています<\/h1>/, 'expired');
  assert.equal((await a.post(`/notifications/email/confirm/${late}`, { _csrf: csrf })).statusCode, 410);
  const foreign = confirmToken(deps().secrets, 'yokohama', {
    subscriberId: row.id,
    accountId: null,
    expiresAt: new Date(Date.now() + 60_000),
  });
  assert.equal((await a.get(`/notifications/email/confirm/${foreign}`)).statusCode, 404);
  assert.equal((await subscriber('email', 'visitor-2@example.jp'))?.status, 'pending');
});

test('a signed-in resident saves settings for every channel of the account; saving again changes nothing', async () => {
  const hanako = await resident('hanako@example.jp');
  const accountId = await accountOf('hanako@example.jp');
  const first = await hanako.get('/notifications');
  shows(
    first.body,
    /<input class="form-choice__input" type="checkbox" id="channels" name="channels" value="inbox" checked/,
    'inbox on',
  );
  shows(first.body, /いつもアプリのお知らせに届きます/, 'personal notices always reach the inbox');
  shows(
    first.body,
    /<legend class="form-field__label">あなたあてのお知らせも届ける方法<\/legend>/,
    'personal per channel',
  );
  shows(first.body, /href="\/my\/inbox"/, 'link to the inbox');

  const form = {
    topics: ['kosodate', 'bosai'],
    ward: '141313',
    language: 'ja-easy',
    birthYear: '１９８８',
    channels: ['inbox'],
    email: 'hanako.mail@example.jp',
    personal: ['email'],
  };
  const saved = await hanako.post('/notifications', form);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, '/notifications?notice=emailSent');
  const inbox = await subscriber('inbox', accountId);
  assert.equal(inbox?.status, 'active');
  assert.equal(inbox?.account_id, accountId);
  assert.deepEqual(inbox?.topics, ['bosai', 'kosodate']);
  assert.equal(inbox?.ward_code, '141313');
  assert.equal(inbox?.language, 'ja-easy');
  assert.equal(inbox?.birth_year, 1988);
  const pending = await subscriber('email', 'hanako.mail@example.jp');
  assert.equal(pending?.status, 'pending');
  assert.equal(pending?.account_id, null, 'linked to the account only once confirmed');

  const mail = await nthMailTo('hanako.mail@example.jp', 1);
  const link = linkIn(mail, '/notifications/email/confirm');
  const confirm = await hanako.get(link);
  shows(confirm.body, /申し込んだアカウントのメールとして登録され/, 'says it joins the account');
  shows((await hanako.post(link, {})).body, /<h1>登録が完了しました<\/h1>/, 'confirmed');
  const active = await subscriber('email', 'hanako.mail@example.jp');
  assert.equal(active?.status, 'active');
  assert.equal(active?.account_id, accountId);
  assert.deepEqual(active?.topics, ['bosai', 'kosodate']);
  assert.equal(active?.language, 'ja-easy');

  const page = await hanako.get('/notifications?notice=saved');
  shows(page.body, /設定を保存しました。/, 'banner');
  shows(page.body, /<p data-email-active>いま hanako\.mail@example\.jp に届いています。<\/p>/, 'the address in use');
  shows(page.body, /value="kosodate" checked/, 'topics as saved');
  shows(page.body, /<option value="141313" selected>/, 'ward as saved');
  shows(page.body, /value="1988"/, 'year as saved');

  // The same form again (a retried POST): nothing new, no second mail.
  const count = async () =>
    Number(
      (
        await city.database.ownerDb
          .selectFrom('msg_subscribers')
          .select(sql<string>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const again = await hanako.post('/notifications', form);
  assert.equal(again.headers.location, '/notifications?notice=saved');
  assert.equal(await count(), before);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(mailsTo('hanako.mail@example.jp').length, 1);

  // Topics change for every channel; the e-mail field emptied and the inbox unticked stop those.
  const changed = await hanako.post('/notifications', { topics: ['gomi'], language: 'ja', channels: [], email: '' });
  assert.equal(changed.statusCode, 303);
  assert.equal((await subscriber('email', 'hanako.mail@example.jp'))?.status, 'unsubscribed');
  const quiet = await subscriber('inbox', accountId);
  assert.equal(quiet?.status, 'unsubscribed');
  assert.deepEqual(quiet?.topics, ['gomi']);
  // Back as they were, for the tests that follow.
  await hanako.post('/notifications', { ...form, email: '' });
});

test('a Web Push subscription is saved once, follows the account, and a notice reaches it', async () => {
  const hanako = await resident('hanako@example.jp');
  const accountId = await accountOf('hanako@example.jp');
  await hanako.post('/notifications', { topics: ['kosodate'], language: 'ja', channels: ['inbox'], email: '' });
  const page = await hanako.get('/notifications');
  const csrf = /data-csrf="([^"]+)"/.exec(page.body)![1]!;
  const browser = push.createSubscription({ applicationServerKey: vapidFor(deps()).publicKey });

  const refused = await hanako.json('POST', '/notifications/push', { subscription: browser });
  assert.equal(refused.statusCode, 403, 'no token in the header');
  const bad = await hanako.json(
    'POST',
    '/notifications/push',
    { subscription: { endpoint: 'ftp://x', keys: {} } },
    { 'x-csrf-token': csrf },
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().detail, /プッシュ通知の購読情報が正しくありません/);

  for (let i = 0; i < 2; i++) {
    const saved = await hanako.json(
      'POST',
      '/notifications/push',
      { subscription: browser, topics: ['gomi'] },
      { 'x-csrf-token': csrf },
    );
    assert.equal(saved.statusCode, 201);
  }
  const row = await subscriber('webpush', browser.endpoint);
  assert.equal(row?.status, 'active');
  assert.equal(row?.account_id, accountId);
  assert.deepEqual(row?.topics, ['kosodate'], "the account's settings, not the form's");
  const rows = await withTenant(deps().db, tenantId, (trx) =>
    trx.selectFrom('msg_subscribers').select('id').where('address', '=', browser.endpoint).execute(),
  );
  assert.equal(rows.length, 1);
  // The settings form loaded before the button was pressed has no switch for it: saving keeps it on.
  await hanako.post('/notifications', {
    topics: ['kosodate', 'kenko'],
    language: 'ja',
    channels: ['inbox'],
    email: '',
  });
  assert.equal((await subscriber('webpush', browser.endpoint))?.status, 'active');
  assert.deepEqual((await subscriber('webpush', browser.endpoint))?.topics, ['kosodate', 'kenko']);
  const withDevice = await hanako.get('/notifications');
  shows(withDevice.body, /Web プッシュ通知（登録済みの端末 1 台）/, 'device on the page');
  shows(withDevice.body, /<input type="hidden" name="shown" value="webpush">/, 'the form says it shows the switch');

  const id = await sendNotice('予防接種のお知らせ', 'kosodate');
  const received = await eventually(async () => push.receivedBy(browser.endpoint)[0], 'the push');
  const payload = JSON.parse(received) as { title: string; body: string; url: string; unsubscribeUrl: string };
  assert.equal(payload.title, '予防接種のお知らせ');
  assert.equal(payload.url, `/notifications/${id}`);
  assert.match(payload.unsubscribeUrl, /^https:\/\/city\.example\.jp\/notifications\/unsubscribe\//);
  const lead = await hanako.get(payload.url);
  assert.equal(lead.statusCode, 303);
  assert.equal(lead.headers.location, `/my/inbox/${id}`);

  // An anonymous browser takes the topics on the form beside the button.
  const anonymous = visitor();
  const anonymousPage = await anonymous.get('/notifications');
  const other = push.createSubscription({ applicationServerKey: vapidFor(deps()).publicKey });
  const saved = await anonymous.json(
    'POST',
    '/notifications/push',
    { subscription: other, topics: ['gomi'], ward: '141330', language: 'en' },
    { 'x-csrf-token': /data-csrf="([^"]+)"/.exec(anonymousPage.body)![1]! },
  );
  assert.equal(saved.statusCode, 201);
  const anonymousRow = await subscriber('webpush', other.endpoint);
  assert.deepEqual(anonymousRow?.topics, ['gomi']);
  assert.equal(anonymousRow?.ward_code, '141330');
  assert.equal(anonymousRow?.account_id, null);
});

test('the inbox: newest first, unread marked and counted, opened once read; nobody else’s', async () => {
  const hanako = await resident('hanako@example.jp');
  await hanako.post('/notifications', { topics: ['kosodate'], language: 'ja', channels: ['inbox'], email: '' });
  const accountId = await accountOf('hanako@example.jp');
  const id = await sendNotice('児童手当の説明会', 'kosodate');
  await eventually(
    () =>
      withTenant(deps().db, tenantId, (trx) =>
        trx
          .selectFrom('msg_inbox')
          .select('message_id')
          .where('account_id', '=', accountId)
          .where('message_id', '=', id)
          .executeTakeFirst(),
      ),
    'the inbox row',
  );
  const list = await hanako.get('/my/inbox');
  assert.equal(list.statusCode, 200);
  shows(list.body, /<h1>受信したお知らせ<\/h1>/, 'heading');
  shows(
    list.body,
    new RegExp(
      `<li class="card" data-message="${id}" data-unread>\\s*<p><span class="status-tag status-tag--overdue">未読</span> <a href="/my/inbox/${id}"><strong>児童手当の説明会</strong></a>`,
    ),
    'unread item',
  );
  const unread = Number(/<strong data-unread-count>未読 (\d+)件<\/strong>/.exec(list.body)?.[1]);
  assert.ok(unread >= 1);
  const newest = /data-message="([^"]+)"/.exec(list.body)?.[1];
  assert.equal(newest, id, 'newest first');

  const taro = await resident('taro@example.jp');
  const other = await taro.get(`/my/inbox/${id}`);
  assert.equal(other.statusCode, 404, 'not theirs');
  shows(other.body, /お知らせが見つかりません。/, 'said in Japanese');

  const one = await hanako.get(`/my/inbox/${id}`);
  assert.equal(one.statusCode, 200);
  shows(one.body, /<h1>児童手当の説明会<\/h1>/, 'title');
  shows(one.body, /<div class="mail__body" data-inbox-body>児童手当の説明会の本文です。<\/div>/, 'body');
  const after = await hanako.get('/my/inbox');
  assert.doesNotMatch(after.body, new RegExp(`data-message="${id}" data-unread`));
  shows(after.body, new RegExp(`<strong data-unread-count>未読 ${unread - 1}件</strong>`), 'one fewer unread');

  assert.equal((await hanako.get('/my/inbox/not-an-id')).statusCode, 404);
  const anonymous = await visitor().get('/my/inbox');
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, '/sign-in?next=%2Fmy%2Finbox');
});

test('unsubscribe in one step: the page, its button, the one-click POST; again and again; bad links are 404', async () => {
  const add = async (address: string) =>
    withTenant(deps().db, tenantId, async (trx) => {
      const row = await trx
        .insertInto('msg_subscribers')
        .values({ tenant_id: tenantId, channel: 'email', address, topics: ['bosai'] })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id as string;
    });
  const id = await add('stop-me@example.jp');
  const path = `/notifications/unsubscribe/${unsubscribeToken(deps(), tenantId, id)}`;
  const a = visitor();
  const page = await a.get(path);
  assert.equal(page.statusCode, 200);
  shows(page.body, /<h1>配信を停止する<\/h1>/, 'heading');
  shows(page.body, /<strong>メール（s\*\*\*@example\.jp）<\/strong>/, 'what stops, address masked');
  assert.equal((await subscriber('email', 'stop-me@example.jp'))?.status, 'active', 'opening changes nothing');
  for (let i = 0; i < 2; i++) {
    const stopped = await a.post(path, {});
    assert.equal(stopped.statusCode, 303);
    assert.equal(stopped.headers.location, path);
    assert.equal((await subscriber('email', 'stop-me@example.jp'))?.status, 'unsubscribed');
  }
  const done = await a.get(path);
  shows(done.body, /<h1>配信を停止しました<\/h1>/, 'stopped page');
  shows(done.body, /<a href="\/notifications">受け取り設定を開く<\/a>/, 'link to the settings');

  const other = await add('one-click@example.jp');
  const oneClickPath = `/notifications/unsubscribe/${unsubscribeToken(deps(), tenantId, other)}`;
  for (let i = 0; i < 2; i++) {
    const response = await city.app.inject({
      method: 'POST',
      url: oneClickPath,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(response.statusCode, 200, 'no cookie, no CSRF token: the link is the authority');
    assert.equal((await subscriber('email', 'one-click@example.jp'))?.status, 'unsubscribed');
  }

  const broken = await a.get('/notifications/unsubscribe/00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAA');
  assert.equal(broken.statusCode, 404);
  shows(broken.body, /<h1>このリンクは使えません<\/h1>/, 'bad link page');
  const foreign = `/notifications/unsubscribe/${unsubscribeToken(deps(), 'yokohama', id)}`;
  assert.equal((await a.get(foreign)).statusCode, 404);
  const foreignClick = await city.app.inject({
    method: 'POST',
    url: foreign,
    payload: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(foreignClick.statusCode, 404);
});

test('LINE: a resident gets a link code, sends it in LINE, and the linked account follows the settings', async () => {
  const hanako = await resident('hanako@example.jp');
  await hanako.get('/notifications');
  const issued = await hanako.post('/notifications/line/code', {});
  assert.equal(issued.statusCode, 200);
  const code = /<strong data-line-code>([2-9A-Z]{4}-[2-9A-Z]{4})<\/strong>/.exec(issued.body)?.[1];
  assert.ok(code, 'the code is shown');
  shows(issued.body, /有効期限: \d{4}-\d{2}-\d{2} \d{2}:\d{2}まで（15分間・1回だけ使えます）/, 'its expiry');
  shows(issued.body, /このコードをそのまま送ってください/, 'how to send it');

  const user = lineUserId();
  const hook = `${city.url}/webhooks/line`;
  await line.sendWebhook(hook, [line.events.follow(user), line.events.text(user, code)]);
  const accountId = await accountOf('hanako@example.jp');
  assert.equal((await subscriber('line', user))?.account_id, accountId);

  const page = await hanako.get('/notifications');
  shows(page.body, /<label for="channels-2">LINE（連携済み）<\/label>/, 'LINE among the channels');
  shows(page.body, /<p data-line-linked>LINE と連携しています。<\/p>/, 'linked');
  const saved = await hanako.post('/notifications', {
    topics: ['bosai'],
    ward: '141356',
    language: 'en',
    channels: ['inbox', 'line'],
    shown: ['line', 'webpush'],
    personal: [],
    email: '',
  });
  assert.equal(saved.statusCode, 303);
  const linked = await subscriber('line', user);
  assert.equal(linked?.status, 'active');
  assert.deepEqual(linked?.topics, ['bosai']);
  assert.equal(linked?.ward_code, '141356');
  assert.equal(linked?.language, 'en');
  assert.equal(linked?.personal, false);
  const off = await hanako.post('/notifications', {
    topics: ['bosai'],
    channels: ['inbox'],
    shown: ['line', 'webpush'],
    email: '',
  });
  assert.equal(off.statusCode, 303);
  assert.equal((await subscriber('line', user))?.status, 'unsubscribed', 'unticked on the page: stopped');

  const anonymous = visitor();
  const refused = await anonymous.get('/notifications');
  shows(refused.body, /サインインすると、LINE とアカウントを連携できます。/, 'a visitor is told to sign in');
});

test('each subscriber’s change is in the audit log: by the resident’s account, or anonymous from a mailed link', async () => {
  const rows = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'actor_kind', 'data_class'])
    .where('tenant_id', '=', tenantId)
    .where('action', 'in', [
      'messaging.preferences.saved',
      'messaging.webpush.subscribed',
      'messaging.subscriber.unsubscribed',
      'messaging.email.requested',
      'messaging.email.confirmed',
    ])
    .execute();
  const kinds = (action: string) => new Set(rows.filter((r) => r.action === action).map((r) => r.actor_kind));
  assert.deepEqual(kinds('messaging.preferences.saved'), new Set(['resident']));
  assert.deepEqual(kinds('messaging.webpush.subscribed'), new Set(['resident', 'anonymous']), 'signed in and not');
  assert.deepEqual(kinds('messaging.subscriber.unsubscribed'), new Set(['anonymous']));
  assert.ok(kinds('messaging.email.requested').has('anonymous'), 'a visitor’s e-mail request');
  assert.ok(kinds('messaging.email.confirmed').has('anonymous'), 'confirmed from the mailed link');
  assert.ok(
    rows.every((r) => r.data_class === 'personal'),
    'subscriptions are personal data',
  );
});
