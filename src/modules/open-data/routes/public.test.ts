// The public catalogue over HTTP, as a reader meets it: search by Japanese words and narrow by facets, a
// dataset's page with its JSON-LD, history, a resource's preview and map, downloads that are the exact
// bytes and counted once per GET, rows as JSON and GeoJSON, DCAT. Private and deleted datasets never show,
// hostile text is escaped, and another city sees none of it.

import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import type { OpenDataActor } from '../actor.ts';
import type { DatasetFields } from '../dataset-fields.ts';
import { addLinkResource } from '../use-cases/add-link-resource.ts';
import { createDataset } from '../use-cases/create-dataset.ts';
import { deleteDataset } from '../use-cases/delete-dataset.ts';
import { publishUpload } from '../use-cases/publish-upload.ts';
import { updateDataset } from '../use-cases/update-dataset.ts';
import { uploadResource } from '../use-cases/upload-resource.ts';

let city: TestCityHall;
let owner: Kysely<any>;
let reader: Agent;
const actor: OpenDataActor = { accountId: randomUUID(), roles: ['dx_admin'], departments: [] };
const tenantId = 'kawasaki';
const orgA = 'somu-kikaku';
const orgB = 'zaisei';
const ids = { aedCsv: '', kosodateCsv: '', kosodateLink: '', hostileCsv: '', privateLink: '' };

const aedCsv = Buffer.from(
  '名称,住所,緯度,経度\n川崎市役所本庁舎,川崎区宮本町1,35.5308,139.7029\n中原区役所,中原区小杉町3-245,35.5763,139.6595\n',
  'utf8',
);
const kosodateCsv = iconv.encode('施設名,定員\nさいわい保育園,60\nなかはら子育て広場,25\n', 'Shift_JIS');
const hostileCsv = Buffer.from('名前,メモ\n"<img src=x onerror=alert(1)>","</script><b>太字</b>"\n', 'utf8');
const hostileTitle = '<script>alert("x")</script>避難所の一覧';

function fields(over: DatasetFields): DatasetFields {
  return {
    notes: '',
    organization: orgA,
    licenseId: 'cc-by-4.0',
    frequency: 'monthly',
    spatial: '川崎市',
    contactName: 'デジタル化推進室',
    contactEmail: 'opendata@city.kawasaki.example',
    private: false,
    tags: [],
    groups: [],
    ...over,
  };
}

async function upload(dataset: string, fileName: string, data: Buffer): Promise<string> {
  const deps = city.city.deps;
  const up = await uploadResource(deps, {
    tenantId,
    actor,
    datasetIdOrName: dataset,
    fileName,
    file: Readable.from([data]),
  });
  assert.ok(up.ok, `${fileName}: ${up.report.summary}`);
  return (await publishUpload(deps, { tenantId, actor, uploadId: up.uploadId })).resourceId;
}

async function downloads(resourceId: string): Promise<number> {
  const row = await owner
    .selectFrom('od_downloads')
    .select((eb) => eb.fn.sum<string>('count').as('n'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

before(async () => {
  city = await startTestCityHall({ demoResidents: 20 });
  owner = new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: city.database.ownerUrl, max: 2 }) }),
  });
  await addTenants(owner, 'yokohama');
  await owner.insertInto('od_groups').values({ tenant_id: tenantId, name: 'bousai', title: '防災' }).execute();
  const deps = city.city.deps;

  await createDataset(deps, {
    tenantId,
    actor,
    fields: fields({
      name: 'aed-locations',
      title: 'AED設置箇所一覧',
      notes: '市の施設に設置しているAED（自動体外式除細動器）の場所です。',
      tags: ['AED', '防災'],
      groups: ['bousai'],
    }),
  });
  ids.aedCsv = await upload('aed-locations', 'AED設置箇所.csv', aedCsv);

  await createDataset(deps, {
    tenantId,
    actor,
    fields: fields({
      name: 'kosodate-shisetsu',
      title: '子育て支援施設一覧',
      notes: '保育園と子育て広場の定員です。',
      organization: orgB,
      licenseId: 'pdl-1.0',
      tags: ['子育て'],
    }),
  });
  ids.kosodateCsv = await upload('kosodate-shisetsu', 'kosodate.csv', kosodateCsv);
  ids.kosodateLink = (
    await addLinkResource(deps, {
      tenantId,
      actor,
      datasetIdOrName: 'kosodate-shisetsu',
      url: 'https://example.jp/kosodate/guide.pdf',
      name: '子育てガイド',
      format: 'PDF',
    })
  ).resourceId;

  await createDataset(deps, {
    tenantId,
    actor,
    fields: fields({ name: 'hostile', title: hostileTitle, notes: '<b>説明</b>', tags: ['<i>tag</i>'] }),
  });
  ids.hostileCsv = await upload('hostile', 'memo.csv', hostileCsv);

  await createDataset(deps, {
    tenantId,
    actor,
    fields: fields({ name: 'private-plan', title: '非公開の計画データ', private: true, tags: ['防災'] }),
  });
  ids.privateLink = (
    await addLinkResource(deps, { tenantId, actor, datasetIdOrName: 'private-plan', url: 'https://example.jp/p.csv' })
  ).resourceId;

  await createDataset(deps, {
    tenantId,
    actor,
    fields: fields({ name: 'deleted-data', title: '削除した統計データ', tags: ['防災'] }),
  });
  await deleteDataset(deps, { tenantId, actor, idOrName: 'deleted-data' });

  reader = new Agent(city.app);
});

after(async () => {
  await owner?.destroy();
  await city?.close();
});

const resultNames = (body: string) => [...body.matchAll(/data-dataset="([^"]+)"/g)].map((m) => m[1]).sort();

test('search finds datasets by Japanese words, and each facet narrows the list', async () => {
  const all = await reader.get('/open-data');
  assert.equal(all.statusCode, 200);
  assert.deepEqual(resultNames(all.body), ['aed-locations', 'hostile', 'kosodate-shisetsu']);

  assert.deepEqual(resultNames((await reader.get(`/open-data?q=${encodeURIComponent('子育て')}`)).body), [
    'kosodate-shisetsu',
  ]);
  assert.deepEqual(resultNames((await reader.get(`/open-data?q=${encodeURIComponent('設置箇所')}`)).body), [
    'aed-locations',
  ]);

  const facets: [string, string, string[]][] = [
    ['organization', orgB, ['kosodate-shisetsu']],
    ['tags', '防災', ['aed-locations']],
    ['groups', 'bousai', ['aed-locations']],
    ['license_id', 'pdl-1.0', ['kosodate-shisetsu']],
    ['res_format', 'CSV', ['aed-locations', 'hostile', 'kosodate-shisetsu']],
    ['res_format', 'PDF', ['kosodate-shisetsu']],
  ];
  for (const [field, value, expected] of facets) {
    const page = await reader.get(`/open-data?${new URLSearchParams({ [field]: value })}`);
    assert.equal(page.statusCode, 200, `${field}=${value}`);
    assert.deepEqual(resultNames(page.body), expected, `${field}=${value}`);
    // The chosen value stays ticked, and a link takes it off again.
    assert.match(page.body, new RegExp(`name="${field}" value="${value}" checked`), `${field} ticked`);
    assert.ok(page.body.includes('を外す'), 'a link removes the filter');
  }
  // Two filters: both must hold.
  const both = await reader.get(`/open-data?tags=${encodeURIComponent('防災')}&organization=${orgB}`);
  assert.deepEqual(resultNames(both.body), []);
  assert.ok(both.body.includes('条件に合うデータセットはありませんでした'));

  // Facets show counts of the current matches.
  assert.match(all.body, /<label for="facet-tags[^"]*">防災（1件）<\/label>/);
  assert.match(all.body, /<label for="facet-license-id[^"]*">公共データ利用規約（第1.0版）\(PDL1.0\)（1件）<\/label>/);
});

test('a filter query or sort the catalogue cannot run is explained in Japanese, not a server error', async () => {
  const badSort = await reader.get('/open-data?sort=popularity%20desc');
  assert.equal(badSort.statusCode, 400);
  assert.ok(badSort.body.includes('並べ替え「popularity desc」は使えません'), badSort.body.slice(0, 300));
  assert.match(badSort.body, /href="#search-sort"/);

  const badFq = await reader.get(`/open-data?fq=${encodeURIComponent('owner:x')}`);
  assert.equal(badFq.statusCode, 400);
  assert.ok(badFq.body.includes('項目「owner」では検索できません'));

  const badQ = await reader.get(`/open-data?q=${encodeURIComponent('title:(AED')}`);
  assert.equal(badQ.statusCode, 400);
  assert.ok(badQ.body.includes('閉じていません'));

  // A good fq in the address narrows like the checkboxes.
  const fq = await reader.get(`/open-data?fq=${encodeURIComponent('license_id:pdl-1.0')}`);
  assert.deepEqual(resultNames(fq.body), ['kosodate-shisetsu']);
});

test('private and deleted datasets are not found: not in search, not by address, not in DCAT', async () => {
  for (const q of ['非公開', '削除した統計']) {
    const page = await reader.get(`/open-data?q=${encodeURIComponent(q)}`);
    assert.deepEqual(resultNames(page.body), [], q);
  }
  const tagged = await reader.get(`/open-data?tags=${encodeURIComponent('防災')}`);
  assert.deepEqual(resultNames(tagged.body), ['aed-locations']);
  for (const name of ['private-plan', 'deleted-data']) {
    for (const path of ['', '/history', '/dcat.jsonld']) {
      assert.equal((await reader.get(`/open-data/datasets/${name}${path}`)).statusCode, 404, `${name}${path}`);
    }
  }
  for (const path of ['', '/download', '.json']) {
    const res = await reader.get(`/open-data/datasets/private-plan/resources/${ids.privateLink}${path}`);
    assert.equal(res.statusCode, 404, path);
  }
  const catalog = JSON.parse((await reader.get('/open-data/catalog.jsonld')).body);
  const text = JSON.stringify(catalog);
  assert.ok(!text.includes('private-plan') && !text.includes('deleted-data'));
  assert.ok(text.includes('aed-locations'));
  // The figures count public datasets only.
  assert.match((await reader.get('/open-data')).body, /data-kpi="datasets">3件/);
});

test('the dataset page shows its metadata, resources and schema.org JSON-LD; DCAT JSON-LD is served', async () => {
  const page = await reader.get('/open-data/datasets/aed-locations');
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.ok(body.includes('<h1>'));
  assert.ok(body.includes('AED設置箇所一覧'));
  assert.ok(body.includes('href="https://creativecommons.org/licenses/by/4.0/deed.ja"'), 'licence links to its text');
  assert.ok(body.includes('毎月'), 'update frequency as a label');
  assert.ok(body.includes(`href="/open-data?tags=AED"`), 'tags link back to the search');
  assert.ok(body.includes(`href="/open-data?groups=bousai"`));
  assert.ok(body.includes('mailto:opendata@city.kawasaki.example'));
  assert.ok(body.includes(`/open-data/datasets/aed-locations/resources/${ids.aedCsv}/download`));
  assert.ok(body.includes('href="/open-data/datasets/aed-locations/history"'));
  assert.ok(body.includes('href="/open-data/datasets/aed-locations/dcat.jsonld"'));

  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body);
  assert.ok(ld, 'JSON-LD embedded');
  const schema = JSON.parse(ld[1]!);
  assert.equal(schema['@type'], 'Dataset');
  assert.equal(schema.name, 'AED設置箇所一覧');
  assert.ok(schema.distribution.some((d: { contentUrl: string }) => d.contentUrl.endsWith('/download')));

  const dcat = await reader.get('/open-data/datasets/aed-locations/dcat.jsonld');
  assert.equal(dcat.statusCode, 200);
  assert.match(dcat.headers['content-type'] as string, /^application\/ld\+json/);
  const doc = JSON.parse(dcat.body);
  assert.ok(doc['@context']);
  assert.ok(JSON.stringify(doc).includes('AED設置箇所一覧'));

  const catalog = await reader.get('/open-data/catalog.jsonld');
  assert.match(catalog.headers['content-type'] as string, /^application\/ld\+json/);
  assert.ok(JSON.parse(catalog.body)['@context']);

  // The page by id goes to the page by name.
  const dataset = await owner
    .selectFrom('od_datasets')
    .select('id')
    .where('name', '=', 'aed-locations')
    .executeTakeFirstOrThrow();
  const byId = await reader.get(`/open-data/datasets/${dataset.id}`);
  assert.equal(byId.statusCode, 301);
  assert.equal(byId.headers.location, '/open-data/datasets/aed-locations');
});

test('the resource page previews the table, maps the points and gives the addresses for programs', async () => {
  const base = `/open-data/datasets/aed-locations/resources/${ids.aedCsv}`;
  const page = await reader.get(base);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<caption id="preview-caption">/);
  assert.ok(page.body.includes('<th scope="col">緯度</th>'));
  assert.ok(page.body.includes('<td>川崎市役所本庁舎</td>'));
  assert.match(page.body, /<svg[^>]*role="img"/, 'a map of the points');
  assert.ok(page.body.includes(`href="${base}.json"`));
  assert.ok(page.body.includes(`href="${base}.geojson"`));
  assert.ok(page.body.includes(`/api/3/action/datastore_search?resource_id=${ids.aedCsv}`));
  assert.ok(page.body.includes(`href="${base}/download"`));

  // The Shift_JIS upload says so, and is served as UTF-8.
  const sjis = await reader.get(`/open-data/datasets/kosodate-shisetsu/resources/${ids.kosodateCsv}`);
  assert.ok(sjis.body.includes('Shift_JIS'), 'the encoding it was uploaded in');
  assert.ok(sjis.body.includes('<td>さいわい保育園</td>'));
  assert.ok(!/<svg/.test(sjis.body), 'no map without coordinates');
  assert.ok(!sjis.body.includes('.geojson"'));

  // A resource of another dataset is not found under this one.
  assert.equal((await reader.get(`/open-data/datasets/aed-locations/resources/${ids.kosodateCsv}`)).statusCode, 404);
});

test('a download is the exact file, named in Japanese, and counted once per GET (never for HEAD)', async () => {
  const url = `/open-data/datasets/aed-locations/resources/${ids.aedCsv}/download`;
  // What was published: the upload as UTF-8 with a BOM (so Excel reads it), byte for byte.
  const published = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), aedCsv]);
  const before = await downloads(ids.aedCsv);
  const head = await city.app.inject({ method: 'HEAD', url });
  assert.equal(head.statusCode, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-length'], String(published.length));
  assert.equal(await downloads(ids.aedCsv), before, 'HEAD is not a download');

  const res = await city.app.inject({ method: 'GET', url });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.rawPayload, published);
  assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
  assert.equal(res.headers['content-length'], String(published.length));
  const disposition = res.headers['content-disposition'] as string;
  assert.match(disposition, /^attachment; /);
  assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent('AED設置箇所.csv')}`), disposition);
  const etag = res.headers.etag as string;
  assert.equal(etag, `"${createHash('sha256').update(published).digest('hex')}"`);
  assert.equal(await downloads(ids.aedCsv), before + 1, 'one GET, one download');

  // Asking again with the same version: 304, nothing sent, nothing counted.
  const again = await city.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);
  assert.equal(await downloads(ids.aedCsv), before + 1);

  // The Shift_JIS upload downloads as UTF-8.
  const sjis = await city.app.inject({
    method: 'GET',
    url: `/open-data/datasets/kosodate-shisetsu/resources/${ids.kosodateCsv}/download`,
  });
  assert.ok(sjis.rawPayload.toString('utf8').includes('さいわい保育園'));

  // A link resource's button takes the reader to the link.
  const link = await city.app.inject({
    method: 'GET',
    url: `/open-data/datasets/kosodate-shisetsu/resources/${ids.kosodateLink}/download`,
  });
  assert.equal(link.statusCode, 302);
  assert.equal(link.headers.location, 'https://example.jp/kosodate/guide.pdf');

  // The figures count it, and the dataset is among the most used.
  const figures = (await reader.get('/open-data')).body;
  assert.match(figures, /data-kpi="downloads">2回/, 'the two GETs above');
  assert.match(
    figures,
    /<li><a href="\/open-data\/datasets\/aed-locations">AED設置箇所一覧[^<]*<\/a>（1回ダウンロード）<\/li>/,
  );
});

test('rows as JSON and points as GeoJSON parse and carry every row', async () => {
  const base = `/open-data/datasets/aed-locations/resources/${ids.aedCsv}`;
  const json = await reader.get(`${base}.json`);
  assert.equal(json.statusCode, 200);
  assert.match(json.headers['content-type'] as string, /^application\/json/);
  const rows = JSON.parse(json.body);
  assert.equal(rows.length, 2);
  assert.equal(rows[0].名称, '川崎市役所本庁舎');

  const geo = await reader.get(`${base}.geojson`);
  assert.equal(geo.statusCode, 200);
  assert.match(geo.headers['content-type'] as string, /^application\/geo\+json/);
  const collection = JSON.parse(geo.body);
  assert.equal(collection.type, 'FeatureCollection');
  assert.equal(collection.features.length, 2);
  assert.deepEqual(collection.features[0].geometry.coordinates, [139.7029, 35.5308]);
  assert.equal(collection.features[0].properties.名称, '川崎市役所本庁舎');

  const noPoints = await reader.get(`/open-data/datasets/kosodate-shisetsu/resources/${ids.kosodateCsv}.geojson`);
  assert.equal(noPoints.statusCode, 404);
  const sjisRows = JSON.parse(
    (await reader.get(`/open-data/datasets/kosodate-shisetsu/resources/${ids.kosodateCsv}.json`)).body,
  );
  assert.deepEqual(sjisRows[1], { 施設名: 'なかはら子育て広場', 定員: '25' });
});

test('hostile titles and cells are shown as text, never as markup', async () => {
  const search = await reader.get('/open-data');
  const dataset = await reader.get('/open-data/datasets/hostile');
  const resource = await reader.get(`/open-data/datasets/hostile/resources/${ids.hostileCsv}`);
  for (const [label, body] of [
    ['search', search.body],
    ['dataset', dataset.body],
    ['resource', resource.body],
  ] as const) {
    assert.ok(!body.includes('<script>alert'), label);
    assert.ok(!body.includes('<img src=x'), label);
    assert.ok(!body.includes('<b>'), label);
  }
  assert.ok(dataset.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;避難所の一覧'));
  assert.ok(resource.body.includes('&lt;img src=x onerror=alert(1)&gt;'));
  // Only the JSON-LD element is a script, and the title inside it cannot close it.
  assert.equal(dataset.body.match(/<script/g)?.length, 1);
  assert.equal(dataset.body.match(/<\/script>/g)?.length, 1);
});

test('the history lists revisions newest first with what changed', async () => {
  await updateDataset(city.city.deps, {
    tenantId,
    actor,
    idOrName: 'aed-locations',
    mode: 'patch',
    fields: { title: 'AED設置箇所一覧（令和8年度）', tags: ['AED', '防災', '救命'] },
  });
  const page = await reader.get('/open-data/datasets/aed-locations/history');
  assert.equal(page.statusCode, 200);
  const revisions = [...page.body.matchAll(/data-revision="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(revisions.length >= 3, String(revisions));
  assert.deepEqual(
    revisions,
    [...revisions].sort((a, b) => b - a),
    'newest first',
  );
  const newest = page.body.slice(page.body.indexOf(`data-revision="${revisions[0]}"`));
  assert.match(newest, /変更した項目: タイトル、タグ/);
  assert.ok(page.body.includes('追加したデータ: AED設置箇所.csv'), 'the upload is an added resource');
  const oldest = page.body.slice(page.body.indexOf('data-revision="1"'));
  assert.match(oldest, /<td>作成<\/td>\s*<td>データセットを作成しました。<\/td>/);
});

test('another city sees none of it', async () => {
  const other = new Agent(city.app, { host: 'yokohama.localhost' });
  const search = await other.get('/open-data');
  assert.equal(search.statusCode, 200);
  assert.deepEqual(resultNames(search.body), []);
  assert.match(search.body, /data-kpi="datasets">0件/);
  assert.equal((await other.get('/open-data/datasets/aed-locations')).statusCode, 404);
  assert.equal((await other.get(`/open-data/datasets/aed-locations/resources/${ids.aedCsv}`)).statusCode, 404);
  assert.equal((await other.get(`/open-data/datasets/aed-locations/resources/${ids.aedCsv}/download`)).statusCode, 404);
  assert.equal((await other.get(`/open-data/datasets/aed-locations/resources/${ids.aedCsv}.json`)).statusCode, 404);
  const catalog = await other.get('/open-data/catalog.jsonld');
  assert.ok(!catalog.body.includes('aed-locations'));
});
