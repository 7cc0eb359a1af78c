// The staff pages of the catalogue over HTTP, as a department's staff member meets them: a dataset made
// through the form (errors named, values kept), a Shift_JIS CSV with one bad row checked and refused with
// the row named, the fixed file published once however often the button is pressed, another department
// kept out, API tokens made, used and revoked, groups left to the DX office.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { getStandardSchema } from '../ingest/index.ts';

let city: TestCityHall;
let owner: Kysely<any>;
let planner: Agent;
let ward: Agent;
let dx: Agent;

const datasetName = 'aed-staff-test';

/** An AED list in the standard's columns, the given rows' values by column name, as Excel saves it (CP932). */
export function aedCsv(rows: Record<string, string>[]): Buffer {
  const columns = getStandardSchema('aed')!.columns.map((c) => c.name);
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(','))];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'Shift_JIS');
}

export const aedRow = (n: number, overrides: Record<string, string> = {}): Record<string, string> => ({
  全国地方公共団体コード: '141305',
  ID: String(n),
  地方公共団体名: '神奈川県川崎市',
  名称: `川崎市テスト施設${n}`,
  所在地_連結表記: `神奈川県川崎市川崎区宮本町${n}`,
  緯度: '35.5308',
  経度: '139.7029',
  設置位置: '1階受付横',
  ...overrides,
});

before(async () => {
  city = await startTestCityHall({ env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' }, demoResidents: 20 });
  owner = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: city.database.ownerUrl, max: 2 }) }),
  });
  planner = await staffSignIn(city.app, 'planner@kawasaki.example');
  ward = await staffSignIn(city.app, 'caseworker@kawasaki.example');
  dx = await staffSignIn(city.app, 'dx@kawasaki.example');
});

after(async () => {
  await owner?.destroy();
  await city?.close();
});

async function resourcesOf(name: string): Promise<{ id: string; name: string; modified_at: Date }[]> {
  return owner
    .selectFrom('od_resources as r')
    .innerJoin('od_datasets as d', (j) => j.onRef('d.tenant_id', '=', 'r.tenant_id').onRef('d.id', '=', 'r.dataset_id'))
    .select(['r.id', 'r.name', 'r.modified_at'])
    .where('d.name', '=', name)
    .execute();
}

test('a dataset made through the form: every problem named with a link to its field, values kept, then created', async () => {
  const form = await planner.get('/staff/open-data/datasets/new');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<option value="somu-kikaku\.digital"/, 'the staff member’s department is offered');
  assert.doesNotMatch(form.body, /<option value="ward-141313\.kumin"/, 'another department is not');
  assert.match(form.body, /<option value="aed">AED設置箇所一覧<\/option>/, 'standard datasets are offered');

  const bad = await planner.post('/staff/open-data/datasets', {
    name: 'AED一覧',
    title: '',
    owner_org: 'somu-kikaku.digital',
    license_id: 'cc-by-4.0',
    temporal_start: '2025-02-30',
    maintainer_email: 'not-an-address',
    tags: '防災、AED',
  });
  assert.equal(bad.statusCode, 400);
  for (const text of [
    'URL名は半角の英小文字',
    'タイトルを入力してください',
    '開始日は 2025-04-01',
    'メールアドレスの形式',
  ]) {
    assert.ok(bad.body.includes(text), text);
  }
  for (const field of ['name', 'title', 'temporal_start', 'maintainer_email']) {
    assert.match(bad.body, new RegExp(`href="#dataset-${field}"`), `the summary links to ${field}`);
    assert.match(bad.body, new RegExp(`id="dataset-${field}"`), `${field} is on the page`);
  }
  assert.ok(bad.body.includes('value="防災、AED"'), 'the tags typed are kept');
  assert.ok(bad.body.includes('value="AED一覧"'), 'the name typed is kept');

  const made = await planner.post('/staff/open-data/datasets', {
    name: datasetName,
    title: 'AED設置箇所一覧（職員テスト）',
    notes: '市の施設に設置しているAEDの場所です。',
    owner_org: 'somu-kikaku.digital',
    license_id: 'cc-by-4.0',
    frequency: 'monthly',
    spatial: '川崎市全域',
    temporal_start: '2025-04-01',
    temporal_end: '',
    maintainer: 'デジタル化施策推進室',
    maintainer_email: 'digital@city.kawasaki.example',
    standard: 'aed',
    tags: '防災、AED',
  });
  assert.equal(made.statusCode, 303);
  assert.equal(made.headers.location, `/staff/open-data/datasets/${datasetName}?notice=created`);
  const page = await planner.get(made.headers.location as string);
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes('データセットを作成しました'));
  assert.ok(page.body.includes('value="AED、防災"'), 'the tags are shown, in order');

  const list = await planner.get('/staff/open-data');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, new RegExp(`data-dataset="${datasetName}"`));
  assert.ok(list.body.includes('データセットを作成'));
  assert.ok(list.body.includes('/staff/open-data/requests'));
  assert.ok(list.body.includes('/staff/open-data/tokens'));
  assert.ok(list.body.includes('成果指標（KPI）'));
});

test('a Shift_JIS CSV with one bad row: the report names the row and nothing is published; the fixed file is', async () => {
  await planner.get(`/staff/open-data/datasets/${datasetName}`);
  const broken = aedCsv([aedRow(1), aedRow(2, { 緯度: '999' }), aedRow(3)]);
  const sent = await planner.postMultipart(
    `/staff/open-data/datasets/${datasetName}/uploads`,
    { name: 'AED設置箇所', description: '' },
    [{ name: 'file', filename: 'aed.csv', type: 'text/csv', data: broken }],
  );
  assert.equal(sent.statusCode, 303, sent.body);
  const reportUrl = sent.headers.location as string;
  assert.match(reportUrl, /^\/staff\/open-data\/uploads\/[0-9a-f-]{36}$/);
  const report = await planner.get(reportUrl);
  assert.equal(report.statusCode, 200);
  assert.ok(report.body.includes('Shift_JIS（CP932）から UTF-8 に変換しました'));
  assert.match(report.body, /data-errors="1"/, 'one error counted');
  // The bad row is the third line in Excel (the header is row 1).
  assert.match(report.body, /data-issue-row="3"/, 'the issue names row 3');
  assert.match(report.body, /data-not-published/, 'the page says nothing was published');
  assert.doesNotMatch(report.body, /\/publish"/, 'no publish button');
  assert.ok(report.body.includes('直したファイルをアップロードする'), 'the form for the fixed file is offered');
  assert.deepEqual(await resourcesOf(datasetName), [], 'nothing published');

  // Pressing publish anyway (an old tab) is refused.
  const refused = await planner.post(`${reportUrl}/publish`, {});
  assert.equal(refused.statusCode, 400);
  assert.deepEqual(await resourcesOf(datasetName), []);

  // The fixed file, from the report page's form (same dataset, same name).
  await planner.get(reportUrl);
  const from = /name="from" value="([^"]+)"/.exec(planner.lastPage)?.[1];
  assert.ok(from, 'the form carries the upload it fixes');
  const fixed = await planner.postMultipart(
    `/staff/open-data/datasets/${datasetName}/uploads`,
    { from, name: 'AED設置箇所', description: '' },
    [{ name: 'file', filename: 'aed.csv', type: 'text/csv', data: aedCsv([aedRow(1), aedRow(2), aedRow(3)]) }],
  );
  assert.equal(fixed.statusCode, 303);
  const okUrl = fixed.headers.location as string;
  const ok = await planner.get(okUrl);
  assert.match(ok.body, /data-errors="0"/);
  assert.ok(ok.body.includes('このファイルは公開できます'));
  const published = await planner.post(`${okUrl}/publish`, {});
  assert.equal(published.statusCode, 303);
  assert.equal(published.headers.location, `/staff/open-data/datasets/${datasetName}?notice=published`);
  // A double click (or a resent form) publishes nothing twice.
  const again = await planner.post(`${okUrl}/publish`, {});
  assert.equal(again.statusCode, 303);
  const resources = await resourcesOf(datasetName);
  assert.equal(resources.length, 1, 'one resource');
  assert.equal(resources[0]!.name, 'AED設置箇所');

  const staffPage = await planner.get(`/staff/open-data/datasets/${datasetName}`);
  assert.match(staffPage.body, /data-resource="/);
  const publicPage = await new Agent(city.app).get(`/open-data/datasets/${datasetName}`);
  assert.equal(publicPage.statusCode, 200);
  assert.ok(publicPage.body.includes('AED設置箇所'), 'the public page lists the resource');
});

test('replacing a resource keeps one resource; a missing file is named on the form', async () => {
  const [resource] = await resourcesOf(datasetName);
  const page = await planner.get(`/staff/open-data/datasets/${datasetName}?replace=${resource!.id}`);
  assert.match(page.body, new RegExp(`name="resourceId" value="${resource!.id}"`));
  const empty = await planner.postMultipart(
    `/staff/open-data/datasets/${datasetName}/uploads`,
    { resourceId: resource!.id, name: 'AED設置箇所' },
    [],
  );
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /href="#upload-file"/);
  assert.ok(empty.body.includes('アップロードするファイルを選んでください'));
  assert.match(empty.body, new RegExp(`name="resourceId" value="${resource!.id}"`), 'still replacing');

  const sent = await planner.postMultipart(
    `/staff/open-data/datasets/${datasetName}/uploads`,
    { resourceId: resource!.id, name: 'AED設置箇所' },
    [
      {
        name: 'file',
        filename: 'aed.csv',
        type: 'text/csv',
        data: aedCsv([aedRow(1), aedRow(2), aedRow(3), aedRow(4)]),
      },
    ],
  );
  assert.equal(sent.statusCode, 303);
  const report = await planner.get(sent.headers.location as string);
  assert.ok(report.body.includes('リソース「AED設置箇所」がこのファイルに差し替わります'));
  assert.equal((await planner.post(`${sent.headers.location}/publish`, {})).statusCode, 303);
  const after = await resourcesOf(datasetName);
  assert.equal(after.length, 1);
  assert.equal(after[0]!.id, resource!.id);
});

test('a file with warnings only can be published, and the report says there are warnings', async () => {
  await planner.get(`/staff/open-data/datasets/${datasetName}`);
  const sent = await planner.postMultipart(`/staff/open-data/datasets/${datasetName}/uploads`, { name: '注意あり' }, [
    { name: 'file', filename: 'aed.csv', type: 'text/csv', data: aedCsv([aedRow(1, { 電話番号: '川崎の代表' })]) },
  ]);
  assert.equal(sent.statusCode, 303);
  const report = await planner.get(sent.headers.location as string);
  assert.match(report.body, /data-errors="0"/);
  assert.match(report.body, /data-warnings="1"/);
  assert.match(report.body, /data-warnings-only>注意が1件あります。公開はできますが/);
  assert.match(report.body, /data-issue-row="2"/, 'the warning names its row');
  assert.match(report.body, new RegExp(`action="${sent.headers.location}/publish"`), 'the publish button is there');
});

test('a link resource: only http(s) addresses', async () => {
  await planner.get(`/staff/open-data/datasets/${datasetName}`);
  const bad = await planner.post(`/staff/open-data/datasets/${datasetName}/links`, {
    url: 'javascript:alert(1)',
    name: '地図',
    format: 'HTML',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#link-url"/);
  assert.ok(bad.body.includes('value="地図"'), 'the name typed is kept');
  const good = await planner.post(`/staff/open-data/datasets/${datasetName}/links`, {
    url: 'https://www.city.kawasaki.jp/',
    name: '市のホームページ',
    format: 'HTML',
  });
  assert.equal(good.statusCode, 303);
  assert.equal((await resourcesOf(datasetName)).length, 2);
});

test('metadata saved from the edit page; another department can neither see the form nor change it', async () => {
  await planner.get(`/staff/open-data/datasets/${datasetName}`);
  const saved = await planner.post(`/staff/open-data/datasets/${datasetName}`, {
    title: 'AED設置箇所一覧（職員テスト・更新）',
    notes: '更新しました。',
    owner_org: 'somu-kikaku.digital',
    license_id: 'pdl-1.0',
    frequency: 'annual',
    spatial: '川崎市全域',
    temporal_start: '2025-04-01',
    temporal_end: '2026-03-31',
    maintainer: 'デジタル化施策推進室',
    maintainer_email: 'digital@city.kawasaki.example',
    standard: 'aed',
    tags: 'AED, 防災, 医療',
  });
  assert.equal(saved.statusCode, 303);
  const row = await owner
    .selectFrom('od_datasets')
    .select(['title', 'license_id', 'name'])
    .where('name', '=', datasetName)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { title: 'AED設置箇所一覧（職員テスト・更新）', license_id: 'pdl-1.0', name: datasetName });

  const outsider = await ward.get(`/staff/open-data/datasets/${datasetName}`);
  assert.equal(outsider.statusCode, 403);
  await ward.get('/staff/open-data');
  const change = await ward.post(`/staff/open-data/datasets/${datasetName}`, { title: '書き換え' });
  assert.equal(change.statusCode, 403);
  await ward.get('/staff/open-data');
  const upload = await ward.postMultipart(`/staff/open-data/datasets/${datasetName}/uploads`, {}, [
    { name: 'file', filename: 'aed.csv', type: 'text/csv', data: aedCsv([aedRow(1)]) },
  ]);
  assert.equal(upload.statusCode, 403);
  assert.doesNotMatch((await ward.get('/staff/open-data')).body, new RegExp(`data-dataset="${datasetName}"`));

  // A private dataset is not even found by another department.
  await planner.get('/staff/open-data/datasets/new');
  await planner.post('/staff/open-data/datasets', {
    name: 'private-staff-test',
    title: '非公開のテスト',
    owner_org: 'somu-kikaku.digital',
    license_id: 'cc-by-4.0',
    private: 'on',
  });
  assert.equal((await ward.get('/staff/open-data/datasets/private-staff-test')).statusCode, 404);
  assert.match((await planner.get('/staff/open-data')).body, /data-dataset="private-staff-test"[\s\S]*?非公開/);
  assert.equal((await new Agent(city.app).get('/open-data/datasets/private-staff-test')).statusCode, 404);
});

test('deleting asks first, then the dataset leaves the catalogue', async () => {
  const confirm = await planner.get('/staff/open-data/datasets/private-staff-test/delete');
  assert.equal(confirm.statusCode, 200);
  assert.ok(confirm.body.includes('データセットを削除しますか'));
  const deleted = await planner.post('/staff/open-data/datasets/private-staff-test/delete', {});
  assert.equal(deleted.statusCode, 303);
  assert.equal(deleted.headers.location, '/staff/open-data?notice=deleted');
  assert.doesNotMatch((await planner.get('/staff/open-data')).body, /data-dataset="private-staff-test"/);
});

test('an API token is shown once, works as the Authorization header, and stops working when revoked', async () => {
  await planner.get('/staff/open-data/tokens');
  const nameless = await planner.post('/staff/open-data/tokens', { name: '' });
  assert.equal(nameless.statusCode, 400);
  assert.match(nameless.body, /href="#token-name"/);
  const made = await planner.post('/staff/open-data/tokens', { name: 'CKAN一括登録' });
  assert.equal(made.statusCode, 200);
  const token = /data-token[^>]*value="([^"]+)"|value="([^"]+)"[^>]*data-token/.exec(made.body);
  const secret = token?.[1] ?? token?.[2];
  assert.ok(secret?.startsWith('odt_'), 'the token is shown');
  assert.ok(made.body.includes('Authorization'), 'with how to use it');
  const list = await planner.get('/staff/open-data/tokens');
  assert.ok(list.body.includes('CKAN一括登録'));
  assert.ok(!list.body.includes(secret!), 'never shown again');

  const create = (name: string) =>
    city.app.inject({
      method: 'POST',
      url: '/api/3/action/package_create',
      headers: { authorization: secret!, 'content-type': 'application/json' },
      payload: {
        name,
        title: 'トークンで作ったデータセット',
        owner_org: 'somu-kikaku.digital',
        license_id: 'cc-by-4.0',
      },
    });
  const viaApi = await create('token-made');
  assert.equal(viaApi.statusCode, 200, viaApi.body);
  assert.equal(viaApi.json().success, true);
  assert.match((await planner.get('/staff/open-data')).body, /data-dataset="token-made"/, 'made as the staff member');

  const id = /data-token-id="([^"]+)"/.exec(list.body)![1]!;
  const revoked = await planner.post(`/staff/open-data/tokens/${id}/revoke`, {});
  assert.equal(revoked.statusCode, 303);
  const after = await planner.get('/staff/open-data/tokens?notice=revoked');
  assert.doesNotMatch(after.body, /data-token-id=/, 'no token left');
  assert.ok(after.body.includes('有効なトークンはありません'));
  const refused = await create('token-made-2');
  assert.equal(refused.statusCode, 403, 'a revoked token is refused');
  assert.equal(refused.json().success, false);
});

test('groups are made by the DX office only, and then offered on the dataset form', async () => {
  assert.equal((await planner.get('/staff/open-data/groups')).statusCode, 403);
  const page = await dx.get('/staff/open-data/groups');
  assert.equal(page.statusCode, 200);
  const bad = await dx.post('/staff/open-data/groups', { name: 'Bosai!', title: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#group-name"/);
  assert.match(bad.body, /href="#group-title"/);
  const made = await dx.post('/staff/open-data/groups', { name: 'bosai', title: '防災', description: '防災の情報' });
  assert.equal(made.statusCode, 303);
  await dx.get('/staff/open-data/groups');
  const taken = await dx.post('/staff/open-data/groups', { name: 'bosai', title: '防災2' });
  assert.equal(taken.statusCode, 400);
  assert.ok(taken.body.includes('すでにあります'));
  const form = await planner.get(`/staff/open-data/datasets/${datasetName}`);
  assert.match(form.body, /name="groups" value="bosai"/);
});
