// The life-event pages over HTTP, as ward office staff meet them without JavaScript: a household found by its
// number (an empty, wrong or unknown number named), each form sent with mistakes (every problem linked to its
// field, values kept) and then right, a double submission recorded once with the same confirmation, a
// duplicate refused with 409, a move-in with a row added; another ward's household refused with the
// policy's reason (audited), a resident sent to the staff sign-in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { countRows, householdWithWoman, lifeEventsOf, tenantId } from './test-support.ts';

let city: TestCityHall;
let counter: Agent;
const base = '/staff/residents/life-events';

before(async () => {
  city = await startTestCityHall({ demoResidents: 400, env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' } });
  counter = await staffSignIn(city.app, 'counter@kawasaki.example');
});
after(async () => {
  await city?.close();
});

/** A page body checked against a pattern, without printing the whole page when it does not match. */
function has(body: string, pattern: RegExp, what = String(pattern)): void {
  const main = body.indexOf('<main');
  assert.ok(pattern.test(body), `${what} not on the page: …${body.slice(main, main + 2500)}…`);
}

const keyOn = (body: string) => /name="key" value="([A-Za-z0-9_-]+)"/.exec(body)?.[1] ?? '';

test('a resident is sent to the staff sign-in; another ward’s household is refused with the reason, audited', async () => {
  const resident = new Agent(city.app);
  await resident.get('/sign-in');
  await resident.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  const asResident = await resident.get(base);
  assert.equal(asResident.statusCode, 303);
  assert.match(String(asResident.headers.location), /^\/staff\/sign-in\?next=/);

  const other = await householdWithWoman(city.database.ownerDb, { ward: '141321' });
  const refused = await counter.get(`${base}/households/${other.householdId}/birth`);
  assert.equal(refused.statusCode, 403);
  has(refused.body, /担当範囲外/);
  const denied = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['decision', 'reason'])
    .where('action', '=', 'residents.life_event.birth.form')
    .where('resource_id', '=', other.householdId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(denied, { decision: 'deny', reason: 'out_of_scope' });
  assert.equal((await counter.get(`${base}/households/987654321`)).statusCode, 404);
});

test('a household is found by its number; an empty, wrong or unknown number is named on the field', async () => {
  const start = await counter.get(base);
  assert.equal(start.statusCode, 200);
  has(start.body, /<h1>住民異動の届出<\/h1>/);
  has(start.body, /まだ届出はありません。|最近の届出/);

  for (const [asked, message] of [
    ['', '世帯番号を入力してください。'],
    ['abc', '世帯番号は数字で入力してください。'],
    ['987654321', '世帯番号 987654321 の世帯は住民記録にありません。'],
  ] as const) {
    const res = await counter.get(`${base}?household=${encodeURIComponent(asked)}`);
    assert.equal(res.statusCode, 400, asked);
    has(res.body, new RegExp(`<a href="#find-household">${message}</a>`), message);
    has(res.body, /id="find-household"[^>]*aria-invalid="true"/);
  }
  const h = await householdWithWoman(city.database.ownerDb);
  const found = await counter.get(`${base}?household=${h.householdId}`);
  assert.equal(found.statusCode, 303);
  assert.equal(found.headers.location, `${base}/households/${h.householdId}`);
  const page = await counter.get(String(found.headers.location));
  assert.equal(page.statusCode, 200);
  has(page.body, new RegExp(`<tr data-member="${h.womanId}">`));
  has(page.body, /出生届を登録/);
});

test('a birth: mistakes linked to their fields with values kept, then recorded once however often it is sent', async () => {
  const { ownerDb } = city.database;
  const h = await householdWithWoman(ownerDb, { skip: 1 });
  const form = `${base}/households/${h.householdId}/birth`;
  const opened = await counter.get(form);
  assert.equal(opened.statusCode, 200);
  const key = keyOn(opened.body);
  assert.ok(key.length >= 16);

  const tomorrow = new Date(Date.now() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  const wrong = await counter.post(form, {
    key,
    motherId: h.womanId,
    familyName: '川崎',
    givenName: '',
    familyNameKana: 'かわさき',
    givenNameKana: 'Taro',
    birthDate: tomorrow,
    nationality: 'JP',
  });
  assert.equal(wrong.statusCode, 400);
  has(wrong.body, /<title>入力内容に誤りがあります: 出生届を登録/);
  has(wrong.body, /<a href="#birth-given-name">子の名を入力してください。<\/a>/);
  has(wrong.body, /<a href="#birth-birth-date">生年月日（[^<]+）が未来の日付です。/);
  has(wrong.body, /<a href="#birth-sex">性別を選んでください。<\/a>/);
  has(wrong.body, /<a href="#birth-given-name-kana">子の名（フリガナ）: [^<]*全角カタカナ/);
  has(wrong.body, /id="birth-family-name" name="familyName" type="text" value="川崎"/, 'typed values kept');
  assert.equal(keyOn(wrong.body), key, 'the same form keeps its key');
  const residents = await countRows(ownerDb, 'residents');
  assert.equal(await countRows(ownerDb, 'resident_events', { household_id: h.householdId }), 0);

  const today = japanToday();
  const right = {
    key,
    motherId: h.womanId,
    familyName: '川崎',
    givenName: '一花',
    familyNameKana: 'かわさき',
    givenNameKana: 'イチカ',
    birthDate: today,
    sex: '2',
    nationality: '',
  };
  const recorded = await counter.post(form, right);
  assert.equal(recorded.statusCode, 303, recorded.body.slice(0, 300));
  assert.equal(recorded.headers.location, `${base}/recorded/${key}`);
  const again = await counter.post(form, right);
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, `${base}/recorded/${key}?repeated=1`);
  assert.equal(await countRows(ownerDb, 'residents'), residents + 1, 'one child');
  assert.equal((await lifeEventsOf(ownerDb, h.householdId)).length, 1, 'one life_event');

  const confirmation = await counter.get(String(again.headers.location));
  assert.equal(confirmation.statusCode, 200);
  has(confirmation.body, /<h2 class="notification__title" id="notification-title">出生届を登録しました<\/h2>/);
  has(confirmation.body, /すでに登録されていました/);
  has(confirmation.body, /<dd data-recorded-date>[^<]+<\/dd>/);
  has(confirmation.body, /<td>川崎 一花<\/td><td>子<\/td>/);

  const household = await counter.get(`${base}/households/${h.householdId}`);
  has(household.body, /data-kind="birth"/);
  has(household.body, /川崎 一花（子）/);
  const start = await counter.get(base);
  has(start.body, new RegExp(`<a href="${base}/households/${h.householdId}">${h.householdId}</a>`));
  assert.equal(
    await countRows(ownerDb, 'audit_log', { action: 'residents.life_event.birth', resource_id: h.householdId }),
    1,
  );
});

test('a pregnancy and a certificate are recorded; the same pregnancy under a new form is a 409', async () => {
  const h = await householdWithWoman(city.database.ownerDb, { skip: 2 });
  const today = japanToday();
  const due = new Date(Date.parse(`${today}T00:00:00Z`) + 180 * 86_400_000).toISOString().slice(0, 10);
  const pregnancy = `${base}/households/${h.householdId}/pregnancy`;
  const opened = await counter.get(pregnancy);
  has(opened.body, /name="notifiedOn" type="text" value="\d{4}-\d{2}-\d{2}"/, 'today offered');
  const sent = await counter.post(pregnancy, {
    key: keyOn(opened.body),
    residentId: h.womanId,
    notifiedOn: today,
    expectedDeliveryDate: due,
  });
  assert.equal(sent.statusCode, 303);
  const shown = await counter.get(String(sent.headers.location));
  has(shown.body, /<dd data-recorded-details>出産予定日 [^<]+<\/dd>/);

  const reopened = await counter.get(pregnancy);
  const duplicate = await counter.post(pregnancy, {
    key: keyOn(reopened.body),
    residentId: h.womanId,
    notifiedOn: today,
    expectedDeliveryDate: due,
  });
  assert.equal(duplicate.statusCode, 409);
  has(duplicate.body, /<a href="#main">[^<]*妊娠届は登録済みです/);

  const certificate = `${base}/households/${h.householdId}/certificate`;
  const form = await counter.get(certificate);
  const issued = await counter.post(certificate, {
    key: keyOn(form.body),
    residentId: h.womanId,
    certificate: 'seishin',
    grade: '2級',
    issuedOn: today,
  });
  assert.equal(issued.statusCode, 303);
  const page = await counter.get(String(issued.headers.location));
  has(page.body, /精神障害者保健福祉手帳 2級/);
  const household = await counter.get(`${base}/households/${h.householdId}`);
  has(household.body, new RegExp(`<tr data-member="${h.womanId}">.*精神障害者保健福祉手帳 2級`));
});

test('a move-in: a row added without JavaScript keeps what was typed; the household is recorded with its members', async () => {
  const { ownerDb } = city.database;
  const opened = await counter.get(`${base}/move-in`);
  assert.equal(opened.statusCode, 200);
  has(opened.body, /<option value="141313" selected>川崎区<\/option>/);
  assert.equal((opened.body.match(/data-member-row=/g) ?? []).length, 3);
  const key = keyOn(opened.body);
  const today = japanToday();
  const typed = {
    key,
    rows: '3',
    wardCode: '141313',
    postalCode: '210-0004',
    address: '神奈川県川崎市川崎区宮本町2-3-4',
    incomeBand: '5',
    movedInOn: today,
    'members.0.relationship': '世帯主',
    'members.0.familyName': '転居',
    'members.0.givenName': '一',
    'members.0.familyNameKana': 'テンキョ',
    'members.0.givenNameKana': 'ハジメ',
    'members.0.birthDate': '1980-01-02',
    'members.0.sex': '1',
  };
  const more = await counter.post(`${base}/move-in`, { ...typed, action: 'more' });
  assert.equal(more.statusCode, 200);
  assert.equal((more.body.match(/data-member-row=/g) ?? []).length, 4);
  has(more.body, /name="members.0.givenNameKana" type="text" value="ハジメ"/);

  const households = await countRows(ownerDb, 'households');
  const wrong = await counter.post(`${base}/move-in`, {
    ...typed,
    rows: '4',
    postalCode: '212-0001',
    'members.3.givenName': '二',
    action: 'record',
  });
  assert.equal(wrong.statusCode, 400);
  has(wrong.body, /<a href="#move-in-postal-code">郵便番号「212-0001」は川崎区の郵便番号ではありません/);
  has(wrong.body, /<a href="#move-in-members-3-relationship">4人目の続柄を選んでください。<\/a>/);
  assert.equal((wrong.body.match(/data-member-row=/g) ?? []).length, 4, 'the rows stay');

  const recorded = await counter.post(`${base}/move-in`, {
    ...typed,
    rows: '4',
    'members.3.relationship': '子',
    'members.3.familyName': '転居',
    'members.3.givenName': '二',
    'members.3.familyNameKana': 'てんきょ',
    'members.3.givenNameKana': 'じ',
    'members.3.birthDate': '2015-04-01',
    'members.3.sex': '2',
    action: 'record',
  });
  assert.equal(recorded.statusCode, 303, recorded.body.slice(recorded.body.indexOf('<main'), 3000));
  assert.equal(await countRows(ownerDb, 'households'), households + 1);
  const page = await counter.get(String(recorded.headers.location));
  has(page.body, /転入届を登録しました/);
  has(page.body, /<h2 id="recorded-people">対象の方（2人）<\/h2>/);
  has(page.body, /<td>転居 一<\/td><td>世帯主<\/td>[\s\S]*<td>転居 二<\/td><td>子<\/td>/);

  const elsewhere = await counter.post(`${base}/move-in`, { ...typed, key: 'another-form-key', wardCode: '141321' });
  assert.equal(elsewhere.statusCode, 403, 'a ward outside the counter’s own');
  has(elsewhere.body, /担当範囲外/);
});

test('a case worker of the ward records too; a department administrator reads the pages', async () => {
  const caseworker = await staffSignIn(city.app, 'caseworker@kawasaki.example');
  const h = await householdWithWoman(city.database.ownerDb, { skip: 3 });
  const form = `${base}/households/${h.householdId}/certificate`;
  const opened = await caseworker.get(form);
  assert.equal(opened.statusCode, 200);
  const sent = await caseworker.post(form, {
    key: keyOn(opened.body),
    residentId: h.womanId,
    certificate: 'ryoiku',
    grade: 'B1',
    issuedOn: japanToday(),
  });
  assert.equal(sent.statusCode, 303);

  const manager = await staffSignIn(city.app, 'manager@kawasaki.example');
  assert.equal((await manager.get(base)).statusCode, 200);
  assert.equal((await manager.get(`${base}/households/${h.householdId}`)).statusCode, 200);
  const recorded = await sql<{ n: string }>`
    select count(*) as n from audit_log where action = 'residents.life_event.certificate_issued'
      and resource_id = ${h.householdId} and tenant_id = ${tenantId}`.execute(city.database.ownerDb);
  assert.equal(Number(recorded.rows[0]!.n), 1);
});
