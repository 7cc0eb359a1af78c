// Data requests over HTTP, as residents, API clients and the DX office meet them: asking for a dataset
// (with every kind of bad, fast, trapped and repeated send), supporting once per person, the API with its
// Idempotency-Key, staff answering and linking a dataset (refused for one that is missing, a draft or
// private), moderation, and another city seeing none of it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { issueFormToken } from '../../../platform/forms/form-token.ts';

let city: TestCityHall;
let owner: Kysely<any>;
let planner: Agent;
let number = 0;

const tenantId = 'kawasaki';
const email = 'requester-7431@example.jp';

/** A form token shown 5 seconds ago: a person who read the form before writing. */
function readToken(tenant = tenantId): string {
  return issueFormToken(
    city.city.deps.secrets.derive('open-data.request-form'),
    `open-data-request:${tenant}`,
    Date.now() - 5000,
  );
}

function resident(address: string, headers: Record<string, string> = {}): Agent {
  const agent = new Agent(city.app, headers);
  agent.remoteAddress = address;
  return agent;
}

async function stored(): Promise<number> {
  const row = await owner
    .selectFrom('od_data_requests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return row.n;
}

async function addDataset(name: string, values: { state?: string; private?: boolean } = {}): Promise<void> {
  await owner
    .insertInto('od_datasets')
    .values({
      tenant_id: tenantId,
      name,
      title: `テスト用データセット ${name}`,
      organization: 'somu-kikaku.digital',
      license_id: 'cc-by-4.0',
      state: values.state ?? 'active',
      private: values.private ?? false,
      created_by: 'test',
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
}

before(async () => {
  city = await startTestCityHall({ env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' }, demoResidents: 20 });
  owner = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: city.database.ownerUrl, max: 2 }) }),
  });
  // A second city, added before the first request so the tenant directory reads it on its first load.
  await addTenants(owner, 'yokohama');
  await addDataset('test-aed-locations');
  await addDataset('test-draft-data', { state: 'draft' });
  await addDataset('test-deleted-data', { state: 'deleted' });
  await addDataset('test-private-data', { private: true });
  planner = await staffSignIn(city.app, 'planner@kawasaki.example');
});

after(async () => {
  await owner?.destroy();
  await city?.close();
});

test('a resident asks for a dataset without an account; fast, empty, huge, broken, trapped and repeated sends are handled', async () => {
  const person = resident('203.0.113.7');
  const form = await person.get('/open-data/requests/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<input[^>]*name="title"/);
  const shown = /name="formToken" value="([^"]+)"/.exec(form.body)![1]!;

  const fast = await person.post('/open-data/requests', {
    formToken: shown,
    title: '公衆トイレ',
    description: '場所',
  });
  assert.equal(fast.statusCode, 400);
  assert.ok(fast.body.includes('送信が早すぎた'), 'told to send again, no puzzle');
  assert.ok(fast.body.includes('value="公衆トイレ"'), 'what was typed is still there');

  const token = readToken();
  const empty = await person.post('/open-data/requests', { formToken: token, title: ' ', description: '' });
  assert.equal(empty.statusCode, 400);
  assert.ok(empty.body.includes('ほしいデータの名前を入力してください'));
  assert.ok(empty.body.includes('どのようなデータがほしいか、説明を入力してください'));
  assert.match(empty.body, /href="#request-title"/, 'the error summary links to the field');
  assert.match(empty.body, /href="#request-description"/);
  assert.match(empty.body, /<title>入力内容に誤りがあります: /, 'the page title says there is a problem');

  const huge = await person.post('/open-data/requests', {
    formToken: token,
    title: 'あ'.repeat(101),
    description: 'い'.repeat(2001),
    purpose: 'う'.repeat(1001),
  });
  assert.equal(huge.statusCode, 400);
  assert.ok(huge.body.includes('ほしいデータの名前は100文字以内で入力してください（いま101文字）'));
  assert.ok(huge.body.includes('データの説明は2,000文字以内で入力してください（いま2,001文字）'));
  assert.ok(huge.body.includes('使いみちは1,000文字以内'));

  const broken = await person.post('/open-data/requests', {
    formToken: token,
    title: 'トイレ\u0007の場所',
    description: '説明\u0000です',
    contactEmail: 'not-an-address',
  });
  assert.equal(broken.statusCode, 400);
  assert.ok(broken.body.includes('ほしいデータの名前に使えない文字'));
  assert.ok(broken.body.includes('データの説明に使えない文字'));
  assert.ok(broken.body.includes('連絡先メールアドレスの形式が正しくありません'));
  assert.match(broken.body, /href="#request-contact-email"/);

  const twoLines = await person.post('/open-data/requests', {
    formToken: token,
    title: '公衆トイレ\n場所',
    description: '説明',
  });
  assert.ok(twoLines.body.includes('1行で入力してください'));

  const trapped = await person.post('/open-data/requests', {
    formToken: token,
    title: '公衆トイレの場所',
    description: '説明',
    website: 'http://spam.example',
  });
  assert.equal(trapped.statusCode, 400);
  const forged = await person.post('/open-data/requests', {
    formToken: `${token.slice(0, -2)}xx`,
    title: '公衆トイレの場所',
    description: '説明',
  });
  assert.equal(forged.statusCode, 400);
  assert.equal(await stored(), 0, 'nothing refused was stored');

  const fields = {
    title: '市内の公衆トイレの場所',
    description:
      '公園や駅前にある公衆トイレの位置（緯度経度）、バリアフリー対応の有無、利用できる時間。\n\nCSV でお願いします。',
    purpose: '車いす利用者向けの地図アプリで使いたいです。',
    contactEmail: ` ${email.toUpperCase()} `,
  };
  const sent = await person.post('/open-data/requests', { formToken: token, ...fields });
  assert.equal(sent.statusCode, 303);
  const location = sent.headers.location as string;
  const match = /^\/open-data\/requests\/(\d+)\?notice=created$/.exec(location);
  assert.ok(match, location);
  number = Number(match[1]);
  const page = await person.get(location);
  assert.ok(page.body.includes('要望を受け付けました'));
  assert.ok(page.body.includes(`要望番号は ${number} です`));
  assert.ok(page.body.includes('このデータを希望している人: 1人'), 'the requester is the first supporter');
  assert.ok(page.body.includes('あなたはこの要望に賛同しています'), 'the requester is not asked to support');
  assert.ok(page.body.includes('<p>CSV でお願いします。</p>'), 'paragraphs kept');
  assert.ok(!page.body.toLowerCase().includes(email), 'the e-mail is never public');
  const row = await owner
    .selectFrom('od_data_requests')
    .select('contact_email')
    .where('number', '=', number)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  assert.equal(row.contact_email, email, 'stored trimmed and in lower case');

  // The same form sent again (back button, double click), and the same text in a new form: one request.
  await person.get('/open-data/requests/new');
  const again = await person.post('/open-data/requests', { formToken: token, ...fields });
  assert.equal(again.headers.location, `/open-data/requests/${number}?notice=repeated`);
  const retyped = await person.post('/open-data/requests', {
    formToken: readToken(),
    ...fields,
    description: fields.description.replace(/\n/g, ' '),
  });
  assert.equal(retyped.headers.location, `/open-data/requests/${number}?notice=repeated`);
  const repeatedPage = await person.get(retyped.headers.location as string);
  assert.ok(repeatedPage.body.includes('すでにこの番号で受け付けています'));
  assert.equal(await stored(), 1);

  // Someone else asking for the same data is their own request.
  const neighbour = resident('198.51.100.9');
  await neighbour.get('/open-data/requests/new');
  const copy = await neighbour.post('/open-data/requests', { formToken: readToken(), ...fields, contactEmail: '' });
  assert.equal(copy.headers.location, `/open-data/requests/${number + 1}?notice=created`);

  const list = await resident('198.51.100.10').get('/open-data/requests');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`data-request="${number}"[^]*?data-status="open"[^]*?data-support-count="1"`));
  assert.ok(list.body.includes('車いす利用者向けの地図アプリ'), 'the purpose is listed');
  assert.ok(!list.body.toLowerCase().includes(email));
});

test('the API lists, shows and takes requests: Idempotency-Key honoured, problem+json errors, never the e-mail', async () => {
  const send = (key: string | undefined, payload: object, address = '192.0.2.44') =>
    city.app.inject({
      method: 'POST',
      url: '/api/v1/open-data/requests',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      remoteAddress: address,
      payload,
    });
  const body = {
    title: '保育所の空き状況',
    description: '認可保育所ごとの年齢別の空き人数を毎月。',
    contactEmail: 'api-client@example.jp',
  };
  const first = await send('retry-key-0001', body);
  assert.equal(first.statusCode, 201);
  const created = first.json();
  assert.equal(created.repeated, false);
  assert.match(created.href, new RegExp(`/open-data/requests/${created.number}$`));
  assert.equal(first.headers.location, created.href);
  const retry = await send('retry-key-0001', body);
  assert.equal(retry.statusCode, 200);
  assert.deepEqual(retry.json(), { ...created, repeated: true });
  const sameTextNoKey = await send(undefined, body);
  assert.equal(sameTextNoKey.statusCode, 200, 'the same text from the same sender within minutes');
  assert.equal(sameTextNoKey.json().number, created.number);
  const reused = await send('retry-key-0001', { ...body, title: '別の内容' });
  assert.equal(reused.statusCode, 409);
  assert.match(reused.headers['content-type'] as string, /application\/problem\+json/);
  assert.ok(reused.json().detail.includes('同じ送信キーで別の内容'));

  const empty = await send('retry-key-0002', { title: '', description: '' });
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(
    empty.json().errors.map((e: { field: string }) => e.field),
    ['title', 'description'],
  );
  const badMail = await send('retry-key-0003', { ...body, title: '別のデータ', contactEmail: 'a@b' });
  assert.equal(badMail.statusCode, 400);
  assert.equal(badMail.json().errors[0].field, 'contactEmail');
  const unknownField = await send('retry-key-0004', { ...body, name: '山田' });
  assert.equal(unknownField.statusCode, 400);
  const badKey = await send('short', body);
  assert.equal(badKey.statusCode, 400);

  const one = await city.app.inject({ method: 'GET', url: `/api/v1/open-data/requests/${created.number}` });
  assert.equal(one.statusCode, 200);
  const shown = one.json();
  assert.equal(shown.title, body.title);
  assert.equal(shown.status, 'open');
  assert.equal(shown.supportCount, 1);
  assert.equal(shown.dataset, null);
  assert.ok(!one.body.includes('api-client@example.jp'), 'the e-mail is never in the API');
  assert.ok(!('contactEmail' in shown));

  const list = await city.app.inject({ method: 'GET', url: '/api/v1/open-data/requests?status=open&limit=2' });
  assert.equal(list.statusCode, 200);
  const page = list.json();
  assert.equal(page.total, 3);
  assert.equal(page.items.length, 2);
  assert.equal(page.items[0].number, created.number, 'newest first');
  assert.ok(!list.body.includes('@example.jp'));
  const wrong = await city.app.inject({ method: 'GET', url: '/api/v1/open-data/requests?status=maybe' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.headers['content-type'] as string, /application\/problem\+json/);
  const missing = await city.app.inject({ method: 'GET', url: '/api/v1/open-data/requests/99999' });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.headers['content-type'] as string, /application\/problem\+json/);
});

test('one support per person: a second press says so, and one address cannot add supporters without end', async () => {
  const person = resident('203.0.113.20');
  const page = await person.get(`/open-data/requests/${number}`);
  assert.ok(page.body.includes('このデータを希望する（賛同）'));
  // The page as it was, still open in another tab after the first press.
  const _csrf = person.csrf();
  const pressed = await person.post(`/open-data/requests/${number}/supports`, {});
  assert.equal(pressed.statusCode, 303);
  assert.equal(pressed.headers.location, `/open-data/requests/${number}?notice=supported`);
  const after = await person.get(pressed.headers.location as string);
  assert.ok(after.body.includes('賛同しました'));
  assert.ok(after.body.includes('このデータを希望している人: 2人'));
  assert.ok(after.body.includes('あなたはこの要望に賛同しています'));
  assert.ok(!after.body.includes('このデータを希望する（賛同）</button>'), 'no button once supported');

  const second = await person.post(`/open-data/requests/${number}/supports`, { _csrf });
  assert.equal(second.headers.location, `/open-data/requests/${number}?notice=already`);
  const told = await person.get(second.headers.location as string);
  assert.ok(told.body.includes('すでに賛同しています'));
  assert.ok(told.body.includes('このデータを希望している人: 2人'), 'still 2');

  // A forged cookie is not anyone's id: it is replaced, which is the same as clearing cookies.
  const forger = resident('203.0.113.21');
  await forger.get(`/open-data/requests/${number}`);
  forger.cookies.set('od_supporter', `${person.cookies.get('od_supporter')!.slice(0, 22)}.${'A'.repeat(43)}`);
  const forgedPress = await forger.post(`/open-data/requests/${number}/supports`, {});
  assert.equal(forgedPress.headers.location, `/open-data/requests/${number}?notice=supported`);
  assert.notEqual(forger.cookies.get('od_supporter'), person.cookies.get('od_supporter'));

  // Clearing cookies again and again from one address: the address's limit stops it.
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const fresh = resident('203.0.113.99');
    await fresh.get(`/open-data/requests/${number}`);
    statuses.push((await fresh.post(`/open-data/requests/${number}/supports`, {})).statusCode);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(303));
  assert.equal(statuses[10], 429);

  const api = await city.app.inject({ method: 'GET', url: `/api/v1/open-data/requests/${number}` });
  assert.equal(api.json().supportCount, 13);
  const sorted = await city.app.inject({ method: 'GET', url: '/api/v1/open-data/requests?sort=supports' });
  assert.equal(sorted.json().items[0].number, number, 'most supported first');
  const missing = await person.post('/open-data/requests/99999/supports', { _csrf });
  assert.equal(missing.statusCode, 404);
});

test('staff answer a request and link the published dataset; a missing, draft, deleted or private dataset is refused by name', async () => {
  const list = await planner.get('/staff/open-data/requests');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`data-request="${number}"[^]*?data-support-count="13"`));
  assert.ok(list.body.includes('aria-sort="descending"'), 'sorted by supports by default');
  assert.ok(list.body.includes('href="/staff/open-data/requests?sort=new"'), 'and can be sorted by date');
  assert.ok(!list.body.includes(email), 'the list does not show e-mails');

  const detail = await planner.get(`/staff/open-data/requests/${number}`);
  assert.equal(detail.statusCode, 200);
  assert.ok(detail.body.includes(`mailto:${email}`), 'the DX office case worker reads the e-mail from LGWAN');
  const revision = /name="revision" value="(\d+)"/.exec(detail.body)![1]!;

  const answer = async (form: Record<string, string>) => {
    await planner.get(`/staff/open-data/requests/${number}`);
    return planner.post(`/staff/open-data/requests/${number}`, { revision, answer: '', datasetName: '', ...form });
  };
  const cases: [Record<string, string>, string][] = [
    [{}, '対応状況を選んでください'],
    [{ status: 'published' }, '公開したデータセットの名前を入力してください'],
    [{ status: 'published', datasetName: 'no-such-data' }, 'データセット「no-such-data」はカタログにありません'],
    [{ status: 'published', datasetName: 'test-draft-data' }, '下書きで、公開されていません'],
    [{ status: 'published', datasetName: 'test-deleted-data' }, '削除済みで、公開されていません'],
    [{ status: 'published', datasetName: 'test-private-data' }, '非公開に設定されています'],
    [{ status: 'published', datasetName: 'トイレ' }, '英小文字・数字'],
    [{ status: 'considering', datasetName: 'test-aed-locations' }, '「公開済み」のときだけです'],
    [{ status: 'declined' }, '理由を市の回答に書いてください'],
  ];
  for (const [form, message] of cases) {
    const refused = await answer(form);
    assert.equal(refused.statusCode, 400, message);
    assert.ok(refused.body.includes(message), message);
    assert.match(refused.body, /href="#answer-(status|dataset-name|answer)"/, `${message}: linked to its field`);
  }

  const saved = await answer({
    status: 'published',
    answer: '市内の公衆トイレの位置をオープンデータとして公開しました。',
    datasetName: 'https://cityhall.example/open-data/datasets/test-aed-locations',
  });
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, `/staff/open-data/requests/${number}?notice=saved`);
  const savedPage = await planner.get(saved.headers.location as string);
  assert.ok(savedPage.body.includes('回答を保存しました'));
  assert.ok(savedPage.body.includes('value="test-aed-locations"'));

  const stale = await answer({ status: 'considering', answer: '古い画面からの回答' });
  assert.equal(stale.statusCode, 409, 'a form shown before the answer was saved cannot overwrite it');
  assert.ok(stale.body.includes('ほかの職員が先に更新しました'));

  const publicPage = await resident('198.51.100.30').get(`/open-data/requests/${number}`);
  assert.ok(publicPage.body.includes('data-status="published"'));
  assert.ok(publicPage.body.includes('市内の公衆トイレの位置をオープンデータとして公開しました。'));
  assert.ok(publicPage.body.includes('href="/open-data/datasets/test-aed-locations"'));
  assert.ok(publicPage.body.includes('この要望への賛同の受付は終わりました'));
  const closed = await resident('198.51.100.31').post(`/open-data/requests/${number}/supports`, { _csrf: 'x' });
  assert.equal(closed.statusCode, 403, 'no CSRF token, no support');
  const visitor = resident('198.51.100.32');
  await visitor.get(`/open-data/requests/${number + 1}`);
  const late = await visitor.post(`/open-data/requests/${number}/supports`, {});
  assert.equal(late.statusCode, 409, 'a published request takes no more support');

  const api = (await city.app.inject({ method: 'GET', url: `/api/v1/open-data/requests/${number}` })).json();
  assert.equal(api.status, 'published');
  assert.equal(api.dataset.name, 'test-aed-locations');
  assert.match(api.dataset.href, /\/open-data\/datasets\/test-aed-locations$/);
  assert.ok(api.answeredAt);

  // The dataset withdrawn later: the request no longer links to it, and staff see why.
  await owner.updateTable('od_datasets').set({ private: true }).where('name', '=', 'test-aed-locations').execute();
  const withdrawn = await resident('198.51.100.33').get(`/open-data/requests/${number}`);
  assert.ok(!withdrawn.body.includes('href="/open-data/datasets/test-aed-locations"'));
  assert.ok((await planner.get(`/staff/open-data/requests/${number}`)).body.includes('いまは公開されていない'));
  await owner.updateTable('od_datasets').set({ private: false }).where('name', '=', 'test-aed-locations').execute();

  const audit = await owner
    .selectFrom('audit_log')
    .select(['action', 'actor_kind', 'data_class', 'details'])
    .where('action', 'in', ['open_data.request.answered', 'open_data.request.contact.read'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const answers = audit.filter((a) => a.action === 'open_data.request.answered');
  assert.equal(answers.length, 1, 'one change recorded; refused answers left nothing');
  assert.equal(answers[0]!.details.before.status, 'open');
  assert.equal(answers[0]!.details.after.dataset, 'test-aed-locations');
  assert.ok(!JSON.stringify(audit).includes(email), 'the e-mail is not copied into the audit log');
  assert.ok(
    audit.some((a) => a.action === 'open_data.request.contact.read' && a.data_class === 'personal'),
    'reading the e-mail is audited as a personal read',
  );
});

test('only the DX office answers: other staff are refused, a dx_admin answers but does not read e-mails', async () => {
  const wardWorker = await staffSignIn(city.app, 'caseworker@kawasaki.example');
  const refused = await wardWorker.get('/staff/open-data/requests');
  assert.equal(refused.statusCode, 403);
  assert.ok(refused.body.includes('デジタル化施策推進室'));
  const denial = await owner
    .selectFrom('audit_log')
    .select('reason')
    .where('action', '=', 'open_data.request.list')
    .where('decision', '=', 'deny')
    .executeTakeFirst();
  assert.equal(denial?.reason, 'not_answering_department');

  const dx = await staffSignIn(city.app, 'dx@kawasaki.example');
  const page = await dx.get(`/staff/open-data/requests/${number}`);
  assert.equal(page.statusCode, 200);
  assert.ok(!page.body.includes(email), 'a dx_admin has no personal-data role');
  assert.ok(page.body.includes('この端末・権限では表示できません'));
  const anonymous = await resident('198.51.100.40').get('/staff/open-data/requests');
  assert.equal(anonymous.statusCode, 303, 'signed-out visitors are sent to sign in');
});

test('staff take a request off the public list with a reason, and put it back', async () => {
  const other = number + 1;
  await planner.get(`/staff/open-data/requests/${other}`);
  const noReason = await planner.post(`/staff/open-data/requests/${other}/visibility`, { hiddenReason: '' });
  assert.equal(noReason.statusCode, 400);
  assert.ok(noReason.body.includes('一覧から外す理由を入力してください'));
  assert.match(noReason.body, /href="#hide-hidden-reason"/);
  const hidden = await planner.post(`/staff/open-data/requests/${other}/visibility`, {
    hiddenReason: '個人の電話番号が書かれているため',
  });
  assert.equal(hidden.statusCode, 303);
  assert.equal((await resident('198.51.100.50').get(`/open-data/requests/${other}`)).statusCode, 404);
  assert.equal((await city.app.inject({ method: 'GET', url: `/api/v1/open-data/requests/${other}` })).statusCode, 404);
  const publicList = await resident('198.51.100.50').get('/open-data/requests');
  assert.ok(!publicList.body.includes(`data-request="${other}"`));
  const staffList = await planner.get('/staff/open-data/requests?sort=new');
  assert.match(staffList.body, new RegExp(`data-request="${other}"[^]*?一覧から除外中`));

  await planner.get(`/staff/open-data/requests/${other}`);
  const shown = await planner.post(`/staff/open-data/requests/${other}/visibility`, { visible: '1' });
  assert.equal(shown.statusCode, 303);
  assert.equal((await resident('198.51.100.50').get(`/open-data/requests/${other}`)).statusCode, 200);
  const actions = await owner
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'in', ['open_data.request.hidden', 'open_data.request.shown'])
    .where('resource_type', '=', 'open_data_request')
    .where('data_class', '=', 'public')
    .where('decision', '=', 'allow')
    .execute();
  assert.ok(actions.filter((a) => a.action === 'open_data.request.hidden').length === 1);
  assert.ok(actions.filter((a) => a.action === 'open_data.request.shown').length === 1);
});

test('the pages speak easy Japanese and English too', async () => {
  const easy = await resident('198.51.100.60').get('/open-data/requests?lang=ja-easy');
  assert.ok(easy.body.includes('ほしい データの おねがい'));
  const en = await resident('198.51.100.61').get(`/open-data/requests/${number}?lang=en`);
  assert.ok(en.body.includes('The city’s answer'));
  assert.ok(en.body.includes('Published'));
});

test('another city sees none of them: pages, API and supports answer 404 on its host, and its numbers are its own', async () => {
  const other = { host: 'yokohama.localhost' };
  for (const url of [`/open-data/requests/${number}`, `/api/v1/open-data/requests/${number}`]) {
    const response = await city.app.inject({ method: 'GET', url, headers: other });
    assert.equal(response.statusCode, 404, url);
  }
  const list = await city.app.inject({ method: 'GET', url: '/api/v1/open-data/requests', headers: other });
  assert.deepEqual(list.json().items, []);
  assert.equal(list.json().total, 0);
  const page = await city.app.inject({
    method: 'GET',
    url: '/open-data/requests',
    headers: { ...other, accept: 'text/html' },
  });
  assert.ok(!page.body.includes('公衆トイレ'));

  const visitor = resident('203.0.113.70', other);
  await visitor.get('/open-data/requests/new');
  const _csrf = visitor.csrf();
  const support = await visitor.post(`/open-data/requests/${number}/supports`, { _csrf });
  assert.equal(support.statusCode, 404);
  const sent = await visitor.post('/open-data/requests', {
    _csrf,
    formToken: readToken('yokohama'),
    title: '横浜のデータ',
    description: '横浜市のデータの要望です。',
  });
  assert.equal(sent.headers.location, '/open-data/requests/1?notice=created', 'numbered from 1 in each city');
  // A form token of one city is not accepted by another.
  const kawasakiVisitor = resident('203.0.113.72');
  await kawasakiVisitor.get('/open-data/requests/new');
  const wrongCity = await kawasakiVisitor.post('/open-data/requests', {
    formToken: readToken('yokohama'),
    title: '川崎のデータ',
    description: '説明',
  });
  assert.equal(wrongCity.statusCode, 400);
  const yokohamaRows = await owner
    .selectFrom('od_data_requests')
    .select('number')
    .where('tenant_id', '=', 'yokohama')
    .execute();
  assert.deepEqual(
    yokohamaRows.map((r) => r.number),
    [1],
  );
});
