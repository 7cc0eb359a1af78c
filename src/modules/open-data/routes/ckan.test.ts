// The CKAN Action API as a CKAN client meets it over HTTP: the envelope, the field names and JSON types of
// every action, CKAN's errors and statuses, writes with a staff API token (uploads checked before anything
// is published), datastore_search, and another city's host seeing none of it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { createApiToken } from '../use-cases/api-tokens.ts';

let city: TestCityHall;
let owner: Kysely<any>;
let token = '';
let plannerToken = '';
const tenantId = 'kawasaki';
// 総務企画局 デジタル化施策推進室 as CKAN names it (no dots in CKAN names).
const org = 'somu-kikaku_digital';

type Json = Record<string, any>;

async function call(
  action: string,
  options: {
    method?: 'GET' | 'POST';
    query?: Record<string, string>;
    body?: unknown;
    auth?: string;
    host?: string;
  } = {},
) {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const qs = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const response = await city.app.inject({
    method,
    url: `/api/3/action/${action}${qs}`,
    headers: {
      host: options.host ?? 'localhost',
      ...(options.auth ? { authorization: options.auth } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
  });
  return { status: response.statusCode, body: response.json() as Json, type: String(response.headers['content-type']) };
}

function multipart(fields: Record<string, string>, file: { filename: string; data: Buffer }) {
  const boundary = '----ckanclient42';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="upload"; filename="${file.filename}"\r\ncontent-type: text/csv\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function resourceCreate(fields: Record<string, string>, file: { filename: string; data: Buffer }, auth = token) {
  const { payload, contentType } = multipart(fields, file);
  const response = await city.app.inject({
    method: 'POST',
    url: '/api/3/action/resource_create',
    headers: { host: 'localhost', authorization: auth, 'content-type': contentType },
    payload,
  });
  return { status: response.statusCode, body: response.json() as Json };
}

const kinds = (value: Json) =>
  Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v]),
  );

function assertShape(value: Json, shape: Record<string, string>, what: string) {
  const actual = kinds(value);
  for (const [key, type] of Object.entries(shape)) {
    assert.ok(key in value, `${what} has ${key}`);
    const allowed = type.split('|');
    assert.ok(allowed.includes(actual[key] as string), `${what}.${key} is ${type}, got ${actual[key]}`);
  }
}

// What CKAN 2.11's package_show returns, key by key (docs/ckan-compatibility.md).
const packageShape = {
  id: 'string',
  name: 'string',
  title: 'string',
  author: 'string|null',
  author_email: 'string|null',
  maintainer: 'string|null',
  maintainer_email: 'string|null',
  license_id: 'string',
  license_title: 'string',
  license_url: 'string',
  notes: 'string|null',
  url: 'string|null',
  version: 'string|null',
  state: 'string',
  private: 'boolean',
  type: 'string',
  owner_org: 'string',
  organization: 'object',
  metadata_created: 'string',
  metadata_modified: 'string',
  creator_user_id: 'string',
  isopen: 'boolean',
  num_resources: 'number',
  num_tags: 'number',
  resources: 'array',
  tags: 'array',
  groups: 'array',
  extras: 'array',
  relationships_as_object: 'array',
  relationships_as_subject: 'array',
};
const resourceShape = {
  id: 'string',
  package_id: 'string',
  name: 'string',
  description: 'string|null',
  format: 'string',
  url: 'string',
  url_type: 'string|null',
  mimetype: 'string|null',
  size: 'number|null',
  hash: 'string|null',
  created: 'string',
  last_modified: 'string|null',
  metadata_modified: 'string',
  position: 'number',
  state: 'string',
  datastore_active: 'boolean',
};
const ckanTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

const aedHeader = '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,所在地_連結表記,緯度,経度,設置位置,電話番号';

before(async () => {
  city = await startTestCityHall({ demoResidents: 20 });
  owner = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: city.database.ownerUrl, max: 2 }) }),
  });
  await addTenants(owner, 'yokohama');
  await owner.insertInto('od_groups').values({ tenant_id: tenantId, name: 'bousai', title: '防災' }).execute();
  const account = async (email: string) =>
    (await owner.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id as string;
  const deps = city.city.deps;
  // dx@ publishes for every department; planner@ (case worker) for the DX office only.
  token = (
    await createApiToken(deps, {
      tenantId,
      actor: { accountId: await account('dx@kawasaki.example'), roles: ['dx_admin'], departments: [] },
      name: 'ckanapi',
    })
  ).token;
  plannerToken = (
    await createApiToken(deps, {
      tenantId,
      actor: { accountId: await account('planner@kawasaki.example'), roles: ['case_worker'], departments: [] },
      name: 'harvester',
    })
  ).token;
});

after(async () => {
  await owner?.destroy();
  await city?.close();
});

test('every answer has CKAN’s envelope; unknown actions and GETs to writes are CKAN’s bare 400 strings', async () => {
  const status = await call('status_show');
  assert.equal(status.status, 200);
  assert.equal(status.type, 'application/json;charset=utf-8');
  assert.deepEqual(Object.keys(status.body).sort(), ['help', 'result', 'success']);
  assert.equal(status.body.success, true);
  assert.equal(status.body.help, 'http://localhost/api/3/action/help_show?name=status_show');
  assertShape(status.body.result, { ckan_version: 'string', site_url: 'string', extensions: 'array' }, 'status');
  assert.ok(status.body.result.extensions.includes('datastore'));

  const unknown = await call('package_frobnicate');
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body, 'Bad request - Action name not known: package_frobnicate');
  const get = await call('package_create', { query: { name: 'x' } });
  assert.equal(get.status, 400);
  assert.match(String(get.body), /Please use POST method/);
  // The older path CKAN also serves.
  const legacy = await city.app.inject({
    method: 'GET',
    url: '/api/action/status_show',
    headers: { host: 'localhost' },
  });
  assert.equal(legacy.statusCode, 200);
});

test('writes need a token: anonymous or unknown tokens get 403 Authorization Error, and nothing is created', async () => {
  const body = { name: 'nobody', title: '誰でもない', owner_org: org };
  for (const auth of [undefined, 'odt_not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']) {
    const r = await call('package_create', { body, ...(auth ? { auth } : {}) });
    assert.equal(r.status, 403);
    assert.equal(r.body.success, false);
    assert.equal(r.body.error.__type, 'Authorization Error');
  }
  assert.equal((await call('package_show', { query: { id: 'nobody' } })).status, 404);
});

test('package_create → package_show: every CKAN key with its JSON type; retried create is "already in use", not a copy', async () => {
  const body = {
    name: 'aed-ckan',
    title: 'AED設置箇所（CKAN）',
    notes: 'AEDの設置場所',
    owner_org: org,
    license_id: 'cc-by-4.0',
    maintainer: 'デジタル化施策推進室',
    maintainer_email: 'opendata@city.kawasaki.example',
    tags: [{ name: 'AED' }, { name: '防災' }],
    groups: [{ name: 'bousai' }],
    extras: [
      { key: 'frequency', value: 'monthly' },
      { key: 'standard', value: 'aed' },
    ],
    resources: [{ name: '設置場所の地図', url: 'https://example.jp/aed/map.html', format: 'HTML' }],
  };
  const created = await call('package_create', { body, auth: token });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const pkg = created.body.result;
  assertShape(pkg, packageShape, 'package');
  assert.equal(pkg.name, 'aed-ckan');
  assert.equal(pkg.owner_org, org);
  assert.equal(pkg.organization.name, org);
  assert.equal(pkg.license_id, 'cc-by-4.0');
  assert.equal(pkg.isopen, true);
  assert.match(pkg.metadata_created, ckanTime);
  assert.deepEqual(pkg.tags.map((t: Json) => t.name).sort(), ['AED', '防災']);
  assert.deepEqual(
    pkg.groups.map((g: Json) => g.name),
    ['bousai'],
  );
  assert.equal(pkg.num_resources, 1);
  assertShape(pkg.resources[0], resourceShape, 'resource');
  assert.equal(pkg.resources[0].url, 'https://example.jp/aed/map.html');
  assert.ok(pkg.extras.some((e: Json) => e.key === 'frequency' && e.value === 'monthly'));

  const shown = await call('package_show', { query: { id: 'aed-ckan' } });
  assert.deepEqual(shown.body.result, pkg);
  assert.deepEqual((await call('package_show', { query: { id: pkg.id } })).body.result.name, 'aed-ckan');

  const again = await call('package_create', { body, auth: token });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.__type, 'Validation Error');
  assert.ok(Array.isArray(again.body.error.name));
  const list = await call('package_list');
  assert.equal(list.body.result.filter((n: string) => n === 'aed-ckan').length, 1);
});

test('bad input gets CKAN’s validation errors by field, 404 for what is not there', async () => {
  const bad = await call('package_create', { body: { name: 'Bad Name!', owner_org: org }, auth: token });
  assert.equal(bad.status, 409);
  assert.equal(bad.body.error.__type, 'Validation Error');
  assert.ok(bad.body.error.name);
  const noOrg = await call('package_create', { body: { name: 'no-org-here', owner_org: 'no_such_dept' }, auth: token });
  assert.equal(noOrg.status, 409);
  assert.ok(noOrg.body.error.owner_org);
  const missing = await call('package_show');
  assert.equal(missing.status, 409);
  assert.deepEqual(missing.body.error.name_or_id, ['Missing value']);
  const none = await call('package_show', { query: { id: 'does-not-exist' } });
  assert.equal(none.status, 404);
  assert.equal(none.body.error.__type, 'Not Found Error');
  const notDict = await call('package_create', { body: [1, 2], auth: token });
  assert.equal(notDict.status, 400);
  assert.match(String(notDict.body), /needs to be a dictionary/);
  const rows = await call('package_search', { query: { rows: 'abc' } });
  assert.equal(rows.status, 409);
  assert.deepEqual(rows.body.error.rows, ['Invalid integer']);
  const sort = await call('package_search', { query: { sort: 'popularity desc' } });
  assert.equal(sort.status, 400);
  assert.equal(sort.body.error.__type, 'Search Query Error');
  // A case worker publishes only for their own department.
  const other = await call('package_create', {
    body: { name: 'zaisei-data', title: '財政のデータ', owner_org: 'zaisei' },
    auth: plannerToken,
  });
  assert.equal(other.status, 403);
  assert.equal(other.body.error.__type, 'Authorization Error');
});

test('resource_create with an upload: a Shift_JIS standard CSV with a bad row is refused and nothing published; the fixed one is, with datastore_search', async () => {
  const good = [
    aedHeader,
    '141305,1,川崎市,川崎市役所本庁舎,カワサキシヤクショホンチョウシャ,神奈川県川崎市川崎区宮本町1,35.5308,139.7029,1階 正面玄関,044-200-2111',
    '141305,2,川崎市,中原区役所,ナカハラクヤクショ,神奈川県川崎市中原区小杉町3-245,35.5763,139.6595,1階 区民課前,044-744-3113',
    '141305,3,川崎市,麻生区役所,アサオクヤクショ,神奈川県川崎市麻生区万福寺1-5-1,35.6036,139.5066,2階 ロビー,044-965-5100',
  ];
  const broken = [...good];
  broken[2] =
    '141305,2,川崎市,中原区役所,ナカハラクヤクショ,神奈川県川崎市中原区小杉町3-245,,北緯35度,139.6595,1階 区民課前,044-744-3113';
  const fields = { package_id: 'aed-ckan', name: 'AED設置箇所', format: 'CSV' };
  const refused = await resourceCreate(fields, {
    filename: 'aed.csv',
    data: iconv.encode(`${broken.join('\r\n')}\r\n`, 'cp932'),
  });
  assert.equal(refused.status, 409, JSON.stringify(refused.body));
  assert.equal(refused.body.error.__type, 'Validation Error');
  assert.match(refused.body.error.upload.join('\n'), /3行目/);
  assert.equal((await call('package_show', { query: { id: 'aed-ckan' } })).body.result.num_resources, 1);

  const accepted = await resourceCreate(fields, {
    filename: 'aed.csv',
    data: iconv.encode(`${good.join('\r\n')}\r\n`, 'cp932'),
  });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  const resource = accepted.body.result;
  assertShape(resource, resourceShape, 'resource');
  assert.equal(resource.url_type, 'upload');
  assert.equal(resource.datastore_active, true);
  assert.match(resource.url, /^http:\/\/localhost\/open-data\/datasets\/aed-ckan\/resources\/[0-9a-f-]{36}\/download$/);
  assert.deepEqual((await call('resource_show', { query: { id: resource.id } })).body.result, resource);

  const all = await call('datastore_search', { query: { resource_id: resource.id } });
  assert.equal(all.status, 200, JSON.stringify(all.body));
  assert.equal(all.body.result.total, 3);
  assert.deepEqual(all.body.result.fields[0], { id: '_id', type: 'int' });
  assert.deepEqual(
    all.body.result.records.map((r: Json) => [r._id, r.名称]),
    [
      [1, '川崎市役所本庁舎'],
      [2, '中原区役所'],
      [3, '麻生区役所'],
    ],
  );
  const filtered = await call('datastore_search', {
    body: { resource_id: resource.id, filters: { 名称: '麻生区役所' }, fields: ['_id', '所在地_連結表記'] },
  });
  assert.deepEqual(filtered.body.result.records, [{ _id: 3, 所在地_連結表記: '神奈川県川崎市麻生区万福寺1-5-1' }]);
  const paged = await call('datastore_search', {
    query: { resource_id: resource.id, sort: '_id desc', limit: '1', offset: '1' },
  });
  assert.deepEqual(
    paged.body.result.records.map((r: Json) => r._id),
    [2],
  );
  assert.equal(paged.body.result._links.start.includes('/api/3/action/datastore_search'), true);
  const text = await call('datastore_search', { query: { resource_id: resource.id, q: '中原' } });
  assert.deepEqual(
    text.body.result.records.map((r: Json) => r._id),
    [2],
  );
  const unknownColumn = await call('datastore_search', { body: { resource_id: resource.id, filters: { 色: '赤' } } });
  assert.equal(unknownColumn.status, 409);
  const noResource = await call('datastore_search', { query: { resource_id: '00000000-0000-0000-0000-000000000000' } });
  assert.equal(noResource.status, 404);
});

test('package_search: Japanese words, fq by organisation and tag, facets counted over all matches, paging', async () => {
  for (const [name, title, tag] of [
    ['hinanjo', '指定緊急避難場所一覧', '防災'],
    ['hoikuen', '保育園の一覧', '子育て'],
    ['kouen', '公園の一覧', '公園'],
  ] as const) {
    const r = await call('package_create', {
      body: { name, title, owner_org: org, tags: [{ name: tag }], license_id: 'pdl-1.0' },
      auth: token,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const found = await call('package_search', { query: { q: '避難場所' } });
  assert.equal(found.status, 200);
  assertShape(
    found.body.result,
    { count: 'number', results: 'array', facets: 'object', search_facets: 'object', sort: 'string' },
    'search',
  );
  assert.deepEqual(
    found.body.result.results.map((p: Json) => p.name),
    ['hinanjo'],
  );
  assertShape(found.body.result.results[0], packageShape, 'search result');

  const byTag = await call('package_search', {
    query: { fq: `organization:${org} tags:防災`, 'facet.field': '["tags","organization","license_id"]', rows: '10' },
  });
  const names = byTag.body.result.results.map((p: Json) => p.name).sort();
  assert.deepEqual(names, ['aed-ckan', 'hinanjo']);
  assert.equal(byTag.body.result.count, 2);
  assert.equal(byTag.body.result.facets.organization[org], 2);
  assert.equal(byTag.body.result.facets.tags.防災, 2);
  assert.equal(byTag.body.result.facets.tags.AED, 1);
  const orgItems = byTag.body.result.search_facets.organization.items;
  assert.equal(orgItems[0].name, org);
  assert.equal(orgItems[0].display_name, 'デジタル化施策推進室');

  const page1 = await call('package_search', { query: { rows: '2', start: '0', sort: 'name asc' } });
  const page2 = await call('package_search', { query: { rows: '2', start: '2', sort: 'name asc' } });
  const paged = [...page1.body.result.results, ...page2.body.result.results].map((p: Json) => p.name);
  assert.deepEqual(paged, [...paged].sort());
  assert.equal(new Set(paged).size, paged.length);
  assert.equal(page1.body.result.count, page2.body.result.count);
});

test('package_patch changes only what it is given; package_update replaces (resources left out are removed); package_delete withdraws', async () => {
  const patched = await call('package_patch', { body: { id: 'aed-ckan', title: 'AED設置箇所一覧' }, auth: token });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.result.title, 'AED設置箇所一覧');
  assert.equal(patched.body.result.num_resources, 2);
  assert.deepEqual(patched.body.result.tags.map((t: Json) => t.name).sort(), ['AED', '防災']);

  const updated = await call('package_update', {
    body: { id: 'kouen', name: 'kouen', title: '都市公園の一覧', owner_org: org, notes: '市内の都市公園' },
    auth: token,
  });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.equal(updated.body.result.title, '都市公園の一覧');
  assert.deepEqual(updated.body.result.tags, []);

  const deleted = await call('package_delete', { body: { id: 'kouen' }, auth: token });
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body.result, null);
  assert.equal((await call('package_show', { query: { id: 'kouen' } })).status, 404);
  assert.ok(!(await call('package_list')).body.result.includes('kouen'));
  const history = await owner
    .selectFrom('od_dataset_revisions as r')
    .innerJoin('od_datasets as d', 'd.id', 'r.dataset_id')
    .select(['r.action'])
    .where('d.name', '=', 'kouen')
    .orderBy('r.revision')
    .execute();
  assert.deepEqual(
    history.map((h) => h.action),
    ['create', 'update', 'delete'],
  );
});

test('organisations, groups and tags answer in CKAN’s list and show shapes', async () => {
  const orgs = await call('organization_list');
  assert.ok(orgs.body.result.includes(org));
  const full = await call('organization_list', { query: { all_fields: 'true' } });
  const item = full.body.result.find((o: Json) => o.name === org);
  assertShape(
    item,
    { id: 'string', name: 'string', title: 'string', is_organization: 'boolean', package_count: 'number' },
    'org',
  );
  assert.equal(item.is_organization, true);
  const shown = await call('organization_show', { query: { id: org, include_datasets: 'true' } });
  assert.equal(shown.status, 200);
  assert.ok(shown.body.result.packages.some((p: Json) => p.name === 'aed-ckan'));
  assert.equal((await call('organization_show', { query: { id: 'nowhere' } })).status, 404);

  assert.deepEqual((await call('group_list')).body.result, ['bousai']);
  const group = await call('group_show', { query: { id: 'bousai' } });
  assert.equal(group.body.result.is_organization, false);
  assert.equal(group.body.result.title, '防災');

  const tags = await call('tag_list');
  assert.ok(tags.body.result.includes('防災'));
  const tagDicts = await call('tag_list', { query: { all_fields: 'true' } });
  assertShape(tagDicts.body.result[0], { id: 'string', name: 'string', vocabulary_id: 'null' }, 'tag');
});

test('another city’s host sees none of this city’s catalogue, and this city’s token is nobody there', async () => {
  const search = await call('package_search', { host: 'yokohama.localhost' });
  assert.equal(search.body.result.count, 0);
  assert.equal((await call('package_show', { query: { id: 'aed-ckan' }, host: 'yokohama.localhost' })).status, 404);
  const write = await call('package_create', {
    body: { name: 'intruder', title: '侵入', owner_org: org },
    auth: token,
    host: 'yokohama.localhost',
  });
  assert.equal(write.status, 403);
});

test('a cell Excel would run as a formula: guarded in the downloaded CSV, kept as given in datastore_search', async () => {
  const created = await call('package_create', {
    body: { name: 'formula-cells', title: '数式のように見えるセル', owner_org: org },
    auth: token,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const csv = Buffer.from('項目,値\n合計,=SUM(A1:A9)\n差,-5\n連絡先,@city\n', 'utf8');
  const uploaded = await resourceCreate(
    { package_id: 'formula-cells', name: '値の一覧' },
    { filename: 'values.csv', data: csv },
  );
  assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
  const rows = await call('datastore_search', { query: { resource_id: uploaded.body.result.id } });
  assert.deepEqual(
    rows.body.result.records.map((r: Json) => r.値),
    ['=SUM(A1:A9)', '-5', '@city'],
  );
  const download = await city.app.inject({
    method: 'GET',
    url: new URL(uploaded.body.result.url).pathname,
    headers: { host: 'localhost' },
  });
  assert.equal(download.statusCode, 200);
  const text = download.body.replace(/^\uFEFF/, '');
  assert.match(text, /合計,'=SUM\(A1:A9\)/);
  assert.match(text, /差,-5/);
  assert.match(text, /連絡先,'@city/);
});
