// The staff messaging pages over HTTP, as the DX office meets them without JavaScript: a message composed
// (every problem named with a link to its field, LINE's limit named, values kept), the audience counted
// per channel and the text previewed per language before anything is saved, a draft edited and sent once
// however often the button is pressed, the report read with why some were not reached, a schedule refused
// in the past and made in the future (pressed twice, still only scheduled) and cancelled; a resident and
// counter staff kept out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../../../test/helpers/smtp.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createMessage } from '../use-cases/create-message.ts';
import { sendPersonalNotice } from '../use-cases/send-personal-notice.ts';
import { parseJapanDateTime } from './staff.ts';

let city: TestCityHall;
let line: LineStandIn;
let smtp: SmtpStandIn;
let dx: Agent;
const tenantId = 'kawasaki';

before(async () => {
  [line, smtp] = await Promise.all([
    startLineStandIn({ channelAccessToken: 'token-staff', channelSecret: 'secret-staff' }),
    startSmtpStandIn(),
  ]);
  city = await startTestCityHall({
    demoResidents: 20,
    env: {
      NETWORK_ZONES: 'lgwan=10.0.0.0/8',
      SMTP_URL: smtp.url,
      LINE_CHANNEL_ACCESS_TOKEN: 'token-staff',
      LINE_CHANNEL_SECRET: 'secret-staff',
      LINE_API_BASE_URL: line.url,
    },
  });
  await addTenants(city.database.ownerDb, 'yokohama');
  // This file's subscribers and messages only: whatever the demo seeded for the tenant goes first.
  await city.database.ownerDb.deleteFrom('msg_messages').where('tenant_id', '=', tenantId).execute();
  await city.database.ownerDb.deleteFrom('msg_subscribers').where('tenant_id', '=', tenantId).execute();
  dx = await staffSignIn(city.app, 'dx@kawasaki.example');
  // Who has signed up: 防災 on LINE (2 in Japanese, 1 in English whose id LINE will refuse), e-mail in
  // English in 幸区, the inbox in やさしい日本語; ごみ on Web Push only.
  await withTenant(city.city.deps.db, tenantId, async (trx) => {
    const add = (channel: string, address: string, topic: string, language: string, ward: string | null) =>
      sql`insert into msg_subscribers (tenant_id, channel, address, account_id, topics, language, ward_code, birth_year)
        values (${tenantId}, ${channel}, ${address}, ${channel === 'inbox' ? address : null}::uuid, ${[topic]}::text[],
          ${language}, ${ward}, 1985)`.execute(trx);
    await add('line', lineUserId(), 'bosai', 'ja', '141313');
    await add('line', lineUserId(), 'bosai', 'ja', '141313');
    await add('line', 'not-a-line-user', 'bosai', 'en', '141313');
    await add('email', 'saiwai-1@example.jp', 'bosai', 'en', '141321');
    await add('email', 'saiwai-2@example.jp', 'bosai', 'en', '141321');
    await add('inbox', '7d3f1c2e-1111-4a4a-8b8b-000000000001', 'bosai', 'ja-easy', '141330');
    for (let i = 0; i < 4; i++) {
      await add('webpush', `https://push.example/${i}`, 'gomi', 'ja', '141372');
    }
  });
});

after(async () => {
  await city?.close();
  await Promise.all([line?.close(), smtp?.close()]);
});

/** Messages staff composed (personal notices from other modules' events are not theirs). */
const messageCount = async () =>
  Number(
    (
      await city.database.ownerDb
        .selectFrom('msg_messages')
        .select(sql<string>`count(*)`.as('n'))
        .where('kind', '=', 'segment')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A page body checked against a pattern, without printing the whole page when it does not match. */
function has(body: string, pattern: RegExp, what = String(pattern)): void {
  assert.ok(
    pattern.test(body),
    `${what} not on the page: …${body.slice(body.indexOf('<main'), body.indexOf('<main') + 1500)}…`,
  );
}

const draft = {
  title: '避難所の開設',
  bodyJa: '大雨のため、川崎区の避難所を開設しました。',
  bodyEasy: '',
  bodyEn: 'Evacuation shelters in Kawasaki Ward are open because of heavy rain.',
  topics: 'bosai',
  languages: ['ja', 'ja-easy', 'en'],
  channels: ['line', 'email', 'webpush', 'inbox'],
};

/** Saves a draft through the form; its id from the redirect. */
async function saveDraft(form: Record<string, string | string[]> = draft): Promise<string> {
  await dx.get('/staff/messages/new');
  const saved = await dx.post('/staff/messages', { ...form, action: 'save' });
  assert.equal(saved.statusCode, 303, saved.body);
  const id = /^\/staff\/messages\/([0-9a-f-]{36})\?notice=saved$/.exec(String(saved.headers.location))?.[1];
  assert.ok(id, String(saved.headers.location));
  return id;
}

/** A datetime-local value `minutes` from now, in Japan time. */
const japanLocal = (minutes: number) =>
  new Date(Date.now() + minutes * 60_000 + 9 * 3600_000).toISOString().slice(0, 16);

test('a resident is sent to the staff sign-in; counter staff are refused with the reason, and the refusal is audited', async () => {
  const resident = new Agent(city.app);
  await resident.get('/sign-in');
  await resident.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  const asResident = await resident.get('/staff/messages');
  assert.equal(asResident.statusCode, 303);
  assert.match(String(asResident.headers.location), /^\/staff\/sign-in/);

  const counter = await staffSignIn(city.app, 'counter@kawasaki.example');
  const list = await counter.get('/staff/messages');
  assert.equal(list.statusCode, 403);
  has(list.body, /あなたの役割では、この操作は許可されていません/);
  const before = await messageCount();
  await counter.get('/staff');
  const post = await counter.post('/staff/messages', { ...draft, action: 'save' });
  assert.equal(post.statusCode, 403);
  assert.equal(await messageCount(), before, 'nothing was saved');
  const denied = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'decision'])
    .where('action', 'in', ['messaging.message.list', 'messaging.message.create'])
    .where('decision', '=', 'deny')
    .execute();
  assert.equal(denied.length, 2);

  // A department's administrator may send the city's notices.
  const manager = await staffSignIn(city.app, 'manager@kawasaki.example');
  assert.equal((await manager.get('/staff/messages')).statusCode, 200);
});

test('the compose form names every problem with a link to its field, LINE’s limit included, and keeps what was typed', async () => {
  const form = await dx.get('/staff/messages/new');
  assert.equal(form.statusCode, 200);
  for (const ward of ['川崎区', '幸区', '中原区', '高津区', '宮前区', '多摩区', '麻生区']) {
    has(form.body, new RegExp(`<label for="message-wards(-\\d)?">${ward}</label>`), ward);
  }
  has(form.body, /<label for="message-topics(-\d)?">防犯（安全・安心ネットワーク）<\/label>/);
  has(form.body, /災害（避難指示など）や不審者情報/, 'the page says what urgent is for');
  const before = await messageCount();

  const empty = await dx.post('/staff/messages', { action: 'save' });
  assert.equal(empty.statusCode, 400);
  has(empty.body, /<a href="#message-title">件名を入力してください。<\/a>/);
  has(empty.body, /<a href="#message-body-ja">本文（日本語）を入力してください。<\/a>/);

  const long = 'あ'.repeat(5001);
  const over = await dx.post('/staff/messages', {
    title: '長いお知らせ',
    bodyJa: long,
    ageMin: '七十',
    ageMax: '20',
    topics: 'bosai',
    action: 'save',
  });
  assert.equal(over.statusCode, 400);
  has(
    over.body,
    /<a href="#message-body-ja">本文（日本語）は5,000文字以内にしてください（LINE の上限）。いま5,001文字です/,
  );
  has(over.body, /<a href="#message-age-min">年齢は0から120までの整数で入力してください。<\/a>/);
  has(over.body, /value="長いお知らせ"/, 'the title is kept');
  assert.ok(over.body.includes(`>${long}</textarea>`), 'the body is kept');
  has(over.body, /id="message-topics" name="topics" value="bosai" checked/, 'the chosen topic is kept');
  has(over.body, /<title>入力内容に誤りがあります: /);

  const together = await dx.post('/staff/messages', {
    title: '件名'.repeat(10),
    bodyJa: 'い'.repeat(4990),
    action: 'save',
  });
  assert.equal(together.statusCode, 400);
  has(together.body, /件名と本文を合わせて5,000文字以内にしてください（LINE の上限）。/);
  assert.equal(await messageCount(), before, 'nothing was saved');
});

test('「対象人数を確認」 counts the audience per channel and shows what each language group reads, saving nothing', async () => {
  const before = await messageCount();
  await dx.get('/staff/messages/new');
  const counted = await dx.post('/staff/messages', { ...draft, action: 'count' });
  assert.equal(counted.statusCode, 200);
  has(counted.body, /data-audience-total>いま送ると、6件届きます/);
  const perChannel = (channel: string) =>
    new RegExp(`<tr data-channel="${channel}"><th scope="row">[^<]+</th><td>(\\d+)人</td>`).exec(counted.body)?.[1];
  assert.deepEqual(['line', 'email', 'webpush', 'inbox'].map(perChannel), ['3', '2', '0', '1']);
  // LINE reads the title, a blank line and the body; a language without its own text gets Japanese.
  has(
    counted.body,
    /data-preview-language="ja">[\s\S]*?<pre[^>]*>避難所の開設\n\n大雨のため、川崎区の避難所を開設しました。<\/pre>/,
  );
  has(
    counted.body,
    /data-preview-language="ja-easy">[\s\S]*?やさしい日本語の本文がないため、日本語の本文が届きます。[\s\S]*?<pre[^>]*>避難所の開設\n\n大雨のため/,
  );
  has(counted.body, /data-preview-language="en">[\s\S]*?<pre[^>]*lang="en">避難所の開設\n\nEvacuation shelters/);
  has(counted.body, /value="避難所の開設"/, 'the form keeps what was typed');

  const saiwai = await dx.post('/staff/messages', { ...draft, wards: '141321', action: 'count' });
  has(saiwai.body, /いま送ると、2件届きます/);
  const bad = await dx.post('/staff/messages', { ...draft, ageMin: '70', ageMax: '20', action: 'count' });
  assert.equal(bad.statusCode, 400);
  has(bad.body, /<a href="#message-age-max">年齢の上限は下限以上にしてください。<\/a>/);
  assert.equal(await messageCount(), before, 'checking the audience saves nothing');
});

test('a draft is edited, then sent once however often 「今すぐ送る」 is pressed; the report counts each channel and says why LINE refused one', async () => {
  const id = await saveDraft();
  const page = await dx.get(`/staff/messages/${id}?notice=saved`);
  assert.equal(page.statusCode, 200);
  has(page.body, /下書きを保存しました/);
  has(page.body, /data-status="draft">下書き/);
  has(page.body, /<div data-segment="topics"><dt>分野<\/dt><dd>防災<\/dd>/);
  has(page.body, /<div data-segment="wards"><dt>区<\/dt><dd>すべて<\/dd>/);
  has(page.body, /data-audience-total>いま送ると、6件届きます/);

  const edit = await dx.get(`/staff/messages/${id}/edit`);
  has(edit.body, /value="避難所の開設"/);
  const changed = await dx.post(`/staff/messages/${id}`, {
    ...draft,
    title: '避難所を開設しました',
    urgent: 'on',
    action: 'save',
  });
  assert.equal(changed.statusCode, 303);
  assert.equal(changed.headers.location, `/staff/messages/${id}?notice=updated`);

  await dx.get(`/staff/messages/${id}`);
  // A double click and a browser's retry: three presses, one delivery each.
  const presses = await Promise.all([
    dx.post(`/staff/messages/${id}/send`, {}),
    dx.post(`/staff/messages/${id}/send`, {}),
  ]);
  presses.push(await dx.post(`/staff/messages/${id}/send`, {}));
  assert.deepEqual(
    presses.map((p) => p.statusCode),
    [303, 303, 303],
  );
  const deliveries = await city.database.ownerDb
    .selectFrom('msg_deliveries')
    .select(['channel', 'subscriber_id'])
    .where('message_id', '=', id)
    .execute();
  assert.equal(deliveries.length, 6, 'each recipient planned once');

  let report = '';
  for (let i = 0; i < 200 && !/data-status="sent"/.test(report); i++) {
    await new Promise((r) => setTimeout(r, 100));
    report = (await dx.get(`/staff/messages/${id}`)).body;
  }
  has(report, /data-status="sent">配信済み/, 'every batch finished');
  has(report, /data-urgent>緊急/);
  const cell = (channel: string, column: string) =>
    new RegExp(`data-report-channel="${channel}">[\\s\\S]*?data-count="${column}">(\\d+)<`).exec(report)?.[1];
  assert.equal(cell('line', 'sent'), '2');
  assert.equal(cell('line', 'failed'), '1');
  assert.equal(cell('email', 'sent'), '2');
  assert.equal(cell('inbox', 'sent'), '1');
  has(
    report,
    /<li data-problem="line">LINE: 1件が届きませんでした。理由: LINE のユーザー ID の形式ではありません（not-a-line-user）。<\/li>/,
  );
  has(report, /href="\/staff\/messages\/[0-9a-f-]{36}" data-reload>最新の結果を表示/);
  assert.equal(line.delivered.length, 2, 'LINE got it once per person');
  assert.equal(smtp.messages.filter((m) => m.subject === '避難所を開設しました').length, 2, 'two e-mails, not four');
  assert.match(smtp.messages.at(-1)?.text ?? '', /Evacuation shelters/, 'English subscribers read English');

  // Sent is final: it can be neither changed nor cancelled.
  const edited = await dx.get(`/staff/messages/${id}/edit`);
  assert.equal(edited.statusCode, 303);
  await dx.get(`/staff/messages/${id}`);
  const cancel = await dx.post(`/staff/messages/${id}/cancel`, {});
  assert.equal(cancel.statusCode, 409);
  has(cancel.body, /配信を始めたお知らせは取り消せません。/);

  const list = await dx.get('/staff/messages');
  has(
    list.body,
    new RegExp(
      `<tr data-message="${id}"><td><a href="/staff/messages/${id}">避難所を開設しました</a></td>\\s*<td>一斉配信</td>\\s*<td><span class="status-tag" data-status="sent">配信済み</span> <span class="status-tag status-tag--overdue" data-urgent>緊急</span></td>\\s*<td>6人</td>`,
    ),
  );
});

test('a schedule in the past is refused with a clear message; one in the future is kept, pressed again is still only scheduled, and is cancelled', async () => {
  const id = await saveDraft({ ...draft, title: '防災訓練のお知らせ' });
  await dx.get(`/staff/messages/${id}`);
  const empty = await dx.post(`/staff/messages/${id}/schedule`, { at: '' });
  assert.equal(empty.statusCode, 400);
  has(empty.body, /<a href="#schedule-at">送る日時を入力してください。<\/a>/);
  const impossible = await dx.post(`/staff/messages/${id}/schedule`, { at: '2030-02-30T09:00' });
  has(impossible.body, /正しい日付と時刻で入力してください/);
  const past = await dx.post(`/staff/messages/${id}/schedule`, { at: japanLocal(-60) });
  assert.equal(past.statusCode, 400);
  has(
    past.body,
    /過去の日時には送れません。いま（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）より後の日時を指定してください（日本時間）。/,
  );
  has(past.body, /aria-invalid="true"/);
  const far = await dx.post(`/staff/messages/${id}/schedule`, { at: japanLocal(400 * 24 * 60) });
  has(far.body, /送る日時は1年以内にしてください。/);

  const at = japanLocal(120);
  const scheduled = await dx.post(`/staff/messages/${id}/schedule`, { at });
  assert.equal(scheduled.statusCode, 303);
  assert.equal(scheduled.headers.location, `/staff/messages/${id}?notice=scheduled`);
  const page = await dx.get(`/staff/messages/${id}?notice=scheduled`);
  has(page.body, /data-status="scheduled">予約/);
  has(page.body, new RegExp(`${at.replace('T', ' ')} に送ります。`), 'the time as staff typed it, in Japan time');
  const row = await city.database.ownerDb
    .selectFrom('msg_messages')
    .select(['status', 'scheduled_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.scheduled_at.toISOString(), parseJapanDateTime(at)!.toISOString());
  assert.equal(new Date(`${at}:00+09:00`).getTime(), row.scheduled_at.getTime());

  // Pressed again, or with another time: still scheduled for the first time, nothing sent now.
  const again = await dx.post(`/staff/messages/${id}/schedule`, { at: japanLocal(10) });
  assert.equal(again.statusCode, 303);
  const still = await city.database.ownerDb
    .selectFrom('msg_messages')
    .select(['status', 'scheduled_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(still, row);
  const planned = await city.database.ownerDb
    .selectFrom('msg_deliveries')
    .select('subscriber_id')
    .where('message_id', '=', id)
    .execute();
  assert.equal(planned.length, 0, 'nothing is sent before its time');

  await dx.get(`/staff/messages/${id}`);
  const cancelled = await dx.post(`/staff/messages/${id}/cancel`, {});
  assert.equal(cancelled.statusCode, 303);
  const twice = await dx.post(`/staff/messages/${id}/cancel`, {});
  assert.equal(twice.statusCode, 303, 'cancelling twice is cancelling once');
  const after = await dx.get(`/staff/messages/${id}?notice=cancelled`);
  has(after.body, /data-status="cancelled">取消/);
  assert.ok(!/今すぐ送る/.test(after.body), 'nothing left to send');
  const send = await dx.post(`/staff/messages/${id}/send`, {});
  assert.equal(send.statusCode, 409);
  has(send.body, /このお知らせは取り消されているため、送れません。/);
  const audit = await city.database.ownerDb
    .selectFrom('audit_log')
    .select('action')
    .where('resource_id', '=', id)
    .where('action', 'in', ['messaging.message.scheduled', 'messaging.message.cancelled'])
    .execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ['messaging.message.cancelled', 'messaging.message.scheduled']);
});

test('a personal notice another module sent is listed as personal, with its recipients counted instead of a segment', async () => {
  const sent = await withTenant(city.city.deps.db, tenantId, (trx) =>
    sendPersonalNotice(city.city.deps, trx, {
      tenantId,
      source: 'staff-test:personal-1',
      title: '児童手当のご案内',
      bodyJa: '児童手当を受け取れる可能性があります。',
      recipients: [{ accountId: '7d3f1c2e-1111-4a4a-8b8b-000000000002', note: 'お子さんが生まれたため' }],
      approvedBy: 'system',
    }),
  );
  const id = sent.messageId!;
  const list = await dx.get('/staff/messages');
  has(list.body, new RegExp(`<tr data-message="${id}">[\\s\\S]*?<td>個人あて</td>`));
  const page = await dx.get(`/staff/messages/${id}`);
  assert.equal(page.statusCode, 200);
  has(page.body, /個人あてのお知らせです（1人）。/);
  assert.ok(!page.body.includes('data-segment='), 'no segment to describe');
  assert.ok(!page.body.includes('今すぐ送る'), 'already on its way');
  has(page.body, /data-report/);
});

test('a message that does not exist, or another tenant’s, is not found', async () => {
  assert.equal((await dx.get('/staff/messages/00000000-0000-4000-8000-000000000000')).statusCode, 404);
  assert.equal((await dx.get('/staff/messages/not-an-id')).statusCode, 404);
  const { id } = await createMessage(city.city.deps, {
    tenantId: 'yokohama',
    actor: { accountId: 'yokohama-staff' },
    fields: { title: '横浜市のお知らせ', bodyJa: '横浜市からのお知らせです。' },
  });
  const other = await dx.get(`/staff/messages/${id}`);
  assert.equal(other.statusCode, 404, 'another city’s message is not there at all');
  assert.ok(!other.body.includes('横浜市のお知らせ'));
  assert.ok(!(await dx.get('/staff/messages')).body.includes('横浜市のお知らせ'), 'nor in the list');
  await dx.get('/staff/messages');
  assert.equal((await dx.post(`/staff/messages/${id}/send`, {})).statusCode, 404, 'nor can it be sent');
});

test('Japan time from a datetime-local value: real dates only', () => {
  assert.equal(parseJapanDateTime('2026-04-01T09:30')?.toISOString(), '2026-04-01T00:30:00.000Z');
  assert.equal(parseJapanDateTime('2026-04-01 00:05:30')?.toISOString(), '2026-03-31T15:05:30.000Z');
  assert.equal(parseJapanDateTime('２０２６-０４-０１T０９:３０')?.toISOString(), '2026-04-01T00:30:00.000Z');
  assert.equal(parseJapanDateTime('2026-02-29T09:00'), undefined);
  assert.equal(parseJapanDateTime('2026-04-01T24:00'), undefined);
  assert.equal(parseJapanDateTime('明日の朝'), undefined);
});
