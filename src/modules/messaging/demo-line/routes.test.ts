// LINE in the demo, over HTTP as a browser without JavaScript uses it: /notifications offers LINE and links to
// /demo/line; the seeded LINE users follow the city and already have the seeded 防災 notice; デモ利用者C adds the
// city as a friend; 花子's one-time code sent as デモ利用者A links A to her account (a wrong one does not); a
// segment message staff send reaches A's phone and no one else's; a block stops it; an empty message is named
// at its field. Outside a demo process, or with LINE_* configured, there is no /demo/line and no stand-in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { demoResident } from '../../identity/demo.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { startDelivery } from '../use-cases/start-delivery.ts';
import { demoLineFor, demoLineUserId } from './channel.ts';

let city: TestCityHall;
const tenantId = 'kawasaki';

before(async () => {
  city = await startTestCityHall({ listen: true, demoMessaging: true, demoResidents: 20 });
});

after(async () => {
  await city?.close();
});

let ip = 1;
function visitor(): Agent {
  const a = new Agent(city.app);
  a.remoteAddress = `203.0.113.${ip++}`;
  return a;
}

async function hanako(): Promise<Agent> {
  const a = visitor();
  await a.get('/sign-in');
  const signedIn = await a.post('/sign-in', { email: demoResident.email, password: demoResident.password });
  assert.equal(signedIn.statusCode, 303, 'signed in');
  return a;
}

/** One phone's section of /demo/line. */
function phone(body: string, user: 'A' | 'B' | 'C'): string {
  const match = new RegExp(`<section class="card" id="phone-${user}"[\\s\\S]*?</section>`).exec(body);
  assert.ok(match, `phone ${user} on the page`);
  return match[0];
}

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

test('花子 links デモ利用者A with her code on /demo/line, and the notice staff send appears on that phone only', async () => {
  const resident = await hanako();
  const settings = await resident.get('/notifications');
  assert.doesNotMatch(settings.body, /LINE でのお知らせは準備中です。/);
  shows(settings.body, /<a href="\/demo\/line">デモ: LINE の画面を試す/, 'a link to the demo phone');

  const demo = visitor();
  let page = await demo.get('/demo/line');
  assert.equal(page.statusCode, 200);
  shows(page.body, /<h1>デモ用の LINE<\/h1>/, 'the heading');
  shows(phone(page.body, 'A'), /data-status="active">友だち</, 'A follows (seeded)');
  shows(phone(page.body, 'A'), /総合防災訓練のお知らせ/, 'the seeded 防災 notice on A’s phone');
  shows(phone(page.body, 'B'), /日曜日（にちようび）/, 'B reads it in やさしい日本語');
  shows(phone(page.body, 'C'), /data-status="none">友だちではありません</, 'C does not follow');
  shows(phone(page.body, 'C'), /まだメッセージはありません。/, 'C has nothing');
  shows(page.body, /<label class="form-field__label" for="text-C">メッセージ<\/label>/, 'labelled message field');

  const followed = await demo.post('/demo/line/C/follow', {});
  assert.equal(followed.statusCode, 303);
  page = await demo.get(followed.headers.location as string);
  shows(page.body, /デモ利用者Cとして、市の公式アカウントを友だち追加しました。/, 'told');
  shows(phone(page.body, 'C'), /data-status="active">友だち</, 'C follows');
  shows(phone(page.body, 'C'), /（友だち追加しました）/, 'in C’s chat');

  // A guess links nobody.
  const guess = await demo.post('/demo/line/B/text', { text: 'ZZZZ-ZZZZ' });
  page = await demo.get(guess.headers.location as string);
  shows(page.body, /コードが違うか、有効期限が切れたか、使用済みです。デモ利用者Bは連携されていません。/, 'refused');
  shows(phone(page.body, 'B'), /アカウントとは未リンク/, 'B not linked');

  const issued = await resident.post('/notifications/line/code', {});
  const code = /<strong data-line-code>([2-9A-Z]{4}-[2-9A-Z]{4})<\/strong>/.exec(issued.body)?.[1];
  assert.ok(code, 'a code on /notifications');
  await demo.get('/demo/line');
  const sent = await demo.post('/demo/line/A/text', { text: code });
  assert.equal(sent.statusCode, 303);
  page = await demo.get(sent.headers.location as string);
  shows(page.body, /デモ利用者Aの LINE を、コードを発行したアカウントと連携しました（リンク済み）。/, 'told');
  shows(phone(page.body, 'A'), /<span class="status-tag" data-linked>リンク済み<\/span>/, 'A is linked');
  shows(phone(page.body, 'A'), new RegExp(`<p class="mail__body">${code}</p>`), 'the code in A’s chat');
  shows((await resident.get('/notifications')).body, /<p data-line-linked>LINE と連携しています。<\/p>/, 'linked');

  // Staff send a 子育て notice: A now has 花子's topics (子育て among them); B and C do not.
  const actor = { accountId: 'test-staff' };
  const { id } = await createMessage(city.city.deps, {
    tenantId,
    actor,
    fields: { title: '子育て広場のお知らせ', bodyJa: '子育て広場を開きます。', segment: { topics: ['kosodate'] } },
  });
  await startDelivery(city.city.deps, { tenantId, actor, messageId: id });
  page = await eventually(async () => {
    const p = await demo.get('/demo/line');
    return phone(p.body, 'A').includes('子育て広場のお知らせ') ? p : undefined;
  }, 'the notice on A’s phone');
  const chatA = phone(page.body, 'A');
  shows(chatA, /<time datetime="[^"]+">\d{4}-\d{2}-\d{2} \d{2}:\d{2}<\/time> 市から/, 'with its time');
  assert.ok(chatA.indexOf('子育て広場のお知らせ') < chatA.indexOf('総合防災訓練のお知らせ'), 'newest first');
  assert.doesNotMatch(phone(page.body, 'B'), /子育て広場/);
  assert.doesNotMatch(phone(page.body, 'C'), /子育て広場/);

  // A blocks the city: the subscriber stops, as LINE's unfollow does.
  const blocked = await demo.post('/demo/line/A/unfollow', {});
  page = await demo.get(blocked.headers.location as string);
  shows(phone(page.body, 'A'), /data-status="blocked">ブロック中</, 'A blocked');
  const row = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select('status')
      .where('address', '=', demoLineUserId(city.city.deps, 'A'))
      .executeTakeFirst(),
  );
  assert.equal(row?.status, 'blocked');
});

test('an empty message is named at its field; an unknown user or action is not found', async () => {
  const demo = visitor();
  await demo.get('/demo/line');
  const empty = await demo.post('/demo/line/B/text', { text: '  ' });
  assert.equal(empty.statusCode, 400);
  shows(empty.body, /<a href="#text-B">メッセージを入力してください。<\/a>/, 'error summary linked to the field');
  shows(empty.body, /id="text-B"[^>]*aria-invalid="true"/, 'the field marked');
  await demo.get('/demo/line');
  assert.equal((await demo.post('/demo/line/D/follow', {})).statusCode, 404);
  await demo.get('/demo/line');
  assert.equal((await demo.post('/demo/line/A/delete', {})).statusCode, 404);
});

test('the page speaks やさしい日本語 and English', async () => {
  const easy = await visitor().get('/demo/line?lang=ja-easy');
  shows(easy.body, /デモの<ruby>人<rp>\(<\/rp><rt>ひと<\/rt><rp>\)<\/rp><\/ruby>A/, 'ja-easy');
  const en = await visitor().get('/demo/line?lang=en');
  shows(en.body, /<h1>LINE in the demo<\/h1>/, 'en');
});

test('no /demo/line and no stand-in outside a demo process', async () => {
  const plain = await startTestCityHall({ demo: false });
  try {
    const agent = new Agent(plain.app);
    assert.equal((await agent.get('/demo/line')).statusCode, 404);
    const settings = await agent.get('/notifications');
    shows(settings.body, /LINE でのお知らせは準備中です。/, 'LINE not offered');
    assert.doesNotMatch(settings.body, /\/demo\/line/);
    assert.equal(await demoLineFor(plain.city.deps), undefined);
  } finally {
    await plain.close();
  }
});

test('a demo with LINE_* configured uses that channel, not the stand-in', async () => {
  const line = await startLineStandIn({ channelAccessToken: 'configured-token', channelSecret: 'configured-secret' });
  const configured = await startTestCityHall({
    listen: true,
    demoMessaging: true,
    demoResidents: 20,
    env: {
      LINE_CHANNEL_ACCESS_TOKEN: 'configured-token',
      LINE_CHANNEL_SECRET: 'configured-secret',
      LINE_API_BASE_URL: line.url,
    },
  });
  try {
    const agent = new Agent(configured.app);
    assert.equal((await agent.get('/demo/line')).statusCode, 404);
    const settings = (await agent.get('/notifications')).body;
    assert.doesNotMatch(settings, /LINE でのお知らせは準備中です。/);
    assert.doesNotMatch(settings, /\/demo\/line/);
    assert.equal(await demoLineFor(configured.city.deps), undefined);
    // The webhook checks the configured secret, and a city-wide notice goes out through the configured channel.
    const user = lineUserId();
    assert.equal(await line.sendWebhook(`${configured.url}/webhooks/line`, [line.events.follow(user)]), 200);
    const actor = { accountId: 'test-staff' };
    const { id } = await createMessage(configured.city.deps, {
      tenantId,
      actor,
      fields: { title: '市からのお知らせ', bodyJa: '全員へのお知らせです。', segment: {} },
    });
    await startDelivery(configured.city.deps, { tenantId, actor, messageId: id });
    const received = await eventually(
      async () => (line.deliveredTo(user).length > 0 ? line.deliveredTo(user) : undefined),
      'the notice on the configured channel',
    );
    assert.match(String(received[0]?.text ?? ''), /市からのお知らせ/);
  } finally {
    await configured.close();
    await line.close();
  }
});
