// package_search's search on a real PostgreSQL as the app role: Japanese queries, facets that count every
// match, CKAN filter queries, paging and sorting, what staff alone may find, and another city's catalogue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { SearchQueryError } from './errors.ts';
import { type DatasetSearchQuery, facetFields, searchDatasets } from './search-datasets.ts';
import { insertSearchDataset, type SearchDatasetInput } from './test-support.ts';

let database: TestDatabase;
const tenantId = 'kawasaki';
const ids = new Map<string, string>();
const organizationTitles = {
  'kiki-kanri': '危機管理本部',
  'kenko-fukushi': '健康福祉局',
  'kodomo-mirai': 'こども未来局',
  'somu-kikaku': '総務企画局',
};
const bosai = { name: 'bosai', title: '防災・安全' };
const kosodate = { name: 'kosodate', title: '子育て・教育' };
const health = { name: 'health', title: '健康・福祉' };

const datasets: Omit<SearchDatasetInput, 'tenantId'>[] = [
  {
    name: 'hinan-basho',
    title: '指定緊急避難場所一覧',
    notes: '市内の指定緊急避難場所の所在地と収容人数です。',
    organization: 'kiki-kanri',
    tags: ['防災', '避難所'],
    groups: [bosai],
    resources: [
      { name: '避難場所一覧', format: 'CSV' },
      { name: '避難場所の地図', format: 'GeoJSON' },
    ],
    modifiedAt: '2024-05-01T00:00:00Z',
    createdAt: '2023-01-10T00:00:00Z',
  },
  {
    name: 'aed',
    title: 'ＡＥＤ設置箇所一覧',
    notes: '公共施設に設置した自動体外式除細動器の場所です。',
    organization: 'kenko-fukushi',
    tags: ['防災', '医療'],
    groups: [bosai, health],
    resources: [
      { name: 'AED設置箇所', format: 'CSV' },
      { name: 'AED設置箇所（Excel）', format: 'XLSX' },
    ],
    modifiedAt: '2024-04-01T00:00:00Z',
    createdAt: '2023-02-10T00:00:00Z',
  },
  {
    // Has 避難, 難場 and 場所, but never 避難場所.
    name: 'kunren',
    title: '避難訓練の記録',
    notes: '避難訓練は困難場面を想定し、市内の各場所で行いました。',
    organization: 'kiki-kanri',
    licenseId: 'pdl-1.0',
    tags: ['防災'],
    groups: [bosai],
    resources: [{ name: '訓練報告書', format: 'PDF' }],
    modifiedAt: '2024-03-01T00:00:00Z',
    createdAt: '2023-03-10T00:00:00Z',
  },
  {
    name: 'kosodate-shisetsu',
    title: 'こそだて支援施設',
    notes: 'ほいくしょ、じどうかんなど子育てを支える施設の一覧です。',
    organization: 'kodomo-mirai',
    tags: ['子育て 支援', '子育て'],
    groups: [kosodate],
    resources: [{ name: '施設一覧', format: 'CSV' }],
    modifiedAt: '2024-02-01T00:00:00Z',
    createdAt: '2023-04-10T00:00:00Z',
  },
  {
    name: 'kosodate-soudan',
    title: 'コソダテ相談窓口',
    notes: '区役所の相談窓口と受付時間。',
    organization: 'kodomo-mirai',
    tags: ['子育て'],
    groups: [kosodate],
    resources: [{ name: '窓口一覧', format: 'csv' }],
    modifiedAt: '2024-01-15T00:00:00Z',
    createdAt: '2023-05-10T00:00:00Z',
  },
  {
    name: 'jinko',
    title: '人口統計',
    notes: 'Population by ward and age, every month.',
    organization: 'somu-kikaku',
    licenseId: 'pdl-1.0',
    tags: ['統計'],
    resources: [
      { name: '区別人口', format: 'CSV' },
      { name: '区別人口 API', format: 'JSON' },
    ],
    modifiedAt: '2024-01-01T00:00:00Z',
    createdAt: '2023-06-10T00:00:00Z',
  },
  {
    name: 'zaisei',
    title: '予算の概要',
    notes: '各会計の予算を統計表にまとめました。',
    organization: 'somu-kikaku',
    tags: ['財政'],
    resources: [{ name: '予算書', format: 'PDF' }],
    modifiedAt: '2023-12-01T00:00:00Z',
    createdAt: '2023-07-10T00:00:00Z',
  },
  {
    name: 'hinanjo-manual',
    title: '避難所運営マニュアル（職員用）',
    organization: 'kiki-kanri',
    tags: ['防災'],
    private: true,
    modifiedAt: '2024-06-01T00:00:00Z',
  },
  {
    name: 'hinanjo-bichiku',
    title: '避難所の備蓄品一覧',
    organization: 'kiki-kanri',
    tags: ['防災'],
    state: 'draft',
    modifiedAt: '2024-06-02T00:00:00Z',
  },
  {
    name: 'hinanjo-old',
    title: '避難所一覧（旧）',
    organization: 'kiki-kanri',
    tags: ['防災'],
    state: 'deleted',
    private: true,
    modifiedAt: '2024-06-03T00:00:00Z',
  },
];

before(async () => {
  database = await createTestDatabase();
  await addTenants(database.ownerDb, 'yokohama');
  await withTenant(database.db, tenantId, async (trx) => {
    for (const d of datasets) {
      const orgTitle = organizationTitles[d.organization as keyof typeof organizationTitles];
      ids.set(d.name, await insertSearchDataset(trx, { tenantId, organizationTitle: orgTitle, ...d }));
    }
  });
  // Another city with the same words, tags, groups and formats.
  await withTenant(database.db, 'yokohama', async (trx) => {
    await insertSearchDataset(trx, {
      tenantId: 'yokohama',
      name: 'hinan-basho',
      title: '避難所・避難場所一覧',
      organization: 'kiki-kanri',
      tags: ['防災', '避難所'],
      groups: [bosai],
      resources: [{ name: '避難所', format: 'CSV' }],
      modifiedAt: '2024-07-01T00:00:00Z',
    });
  });
});
after(() => database.close());

const base: DatasetSearchQuery = {
  rows: 100,
  start: 0,
  facetFields: [],
  facetLimit: 50,
  includePrivate: false,
  includeDrafts: false,
};

function search(query: Partial<DatasetSearchQuery>, tenant = tenantId) {
  return withTenant(database.db, tenant, (trx) => searchDatasets(trx, { ...base, organizationTitles, ...query }));
}

/** Dataset names found, in the order found. */
async function names(query: Partial<DatasetSearchQuery>): Promise<string[]> {
  const byId = new Map([...ids].map(([name, id]) => [id, name]));
  const { ids: found, count } = await search(query);
  const start = query.start ?? 0;
  assert.equal(found.length, Math.max(0, Math.min(count - start, query.rows ?? base.rows)), 'a full page');
  return found.map((id) => byId.get(id) ?? `(unknown ${id})`);
}
const sorted = (list: string[]) => [...list].sort();
/** The public, active datasets by metadata_modified, newest first. */
const newestFirst = ['hinan-basho', 'aed', 'kunren', 'kosodate-shisetsu', 'kosodate-soudan', 'jinko', 'zaisei'];

test('Japanese words find the datasets that contain them, in any field', async () => {
  assert.deepEqual(await names({ q: '避難所' }), ['hinan-basho']);
  assert.deepEqual(sorted(await names({ q: '施設' })), ['aed', 'kosodate-shisetsu']);
  assert.deepEqual(await names({ q: '除細動器' }), ['aed'], 'found by its description');
  assert.deepEqual(await names({ q: '報告書' }), ['kunren'], 'found by a resource name');
  assert.deepEqual(await names({ q: '危機管理本部 記録' }), ['kunren'], 'organisation and title, both required');
  assert.deepEqual(await names({ q: '健康・福祉' }), ['aed'], 'found by a group title');
  assert.deepEqual(sorted(await names({ q: '区' })), ['jinko', 'kosodate-soudan'], 'one character');
  assert.deepEqual(await names({ q: '避難所 統計' }), [], 'every word must match');
});

test('避難場所 does not match a text that only has 避難 and 場所 apart', async () => {
  assert.deepEqual(await names({ q: '避難場所' }), ['hinan-basho']);
  assert.deepEqual(sorted(await names({ q: '避難 場所' })), ['hinan-basho', 'kunren'], 'as two words it does');
});

test('full-width and half-width letters, upper and lower case, are the same', async () => {
  for (const q of ['ＡＥＤ', 'AED', 'aed', 'ａｅｄ']) assert.deepEqual(await names({ q }), ['aed'], q);
  assert.deepEqual(await names({ q: 'popul' }), ['jinko'], 'an English word by its start');
  assert.deepEqual(await names({ q: 'POPULATION WARD' }), ['jinko']);
});

test('hiragana and katakana find each other', async () => {
  const both = ['kosodate-shisetsu', 'kosodate-soudan'];
  assert.deepEqual(sorted(await names({ q: 'こそだて' })), both);
  assert.deepEqual(sorted(await names({ q: 'コソダテ' })), both);
  assert.deepEqual(sorted(await names({ q: 'ｺｿﾀﾞﾃ' })), both, 'half-width katakana');
  assert.deepEqual(await names({ q: 'ホイクショ' }), ['kosodate-shisetsu']);
});

test('a title match ranks above a description match; with no words, the newest first', async () => {
  assert.deepEqual(await names({ q: '統計' }), ['jinko', 'zaisei']);
  assert.deepEqual(await names({ q: '予算' }), ['zaisei']);
  assert.deepEqual(await names({}), newestFirst);
  assert.deepEqual(await names({ q: '*:*' }), await names({}));
});

test('facets count every matching dataset per value, not just the page, most frequent first', async () => {
  const found = await search({ q: '', rows: 2, facetFields: [...facetFields] });
  assert.equal(found.count, 7);
  assert.equal(found.ids.length, 2);
  assert.deepEqual(found.facets.organization, {
    'kiki-kanri': 2,
    'kodomo-mirai': 2,
    'somu-kikaku': 2,
    'kenko-fukushi': 1,
  });
  assert.deepEqual(found.facets.tags, { 防災: 3, 子育て: 2, '子育て 支援': 1, 医療: 1, 統計: 1, 財政: 1, 避難所: 1 });
  assert.deepEqual(found.facets.license_id, { 'cc-by-4.0': 5, 'pdl-1.0': 2 });
  assert.deepEqual(found.facets.groups, { bosai: 3, kosodate: 2, health: 1 });
  // One dataset with two CSVs counts once; formats are kept as published (csv and CSV apart, as in CKAN).
  assert.deepEqual(found.facets.res_format, { CSV: 4, PDF: 2, GeoJSON: 1, JSON: 1, XLSX: 1, csv: 1 });
  assert.deepEqual(found.searchFacets.organization, {
    title: 'organization',
    items: [
      { name: 'kiki-kanri', display_name: '危機管理本部', count: 2 },
      { name: 'kodomo-mirai', display_name: 'こども未来局', count: 2 },
      { name: 'somu-kikaku', display_name: '総務企画局', count: 2 },
      { name: 'kenko-fukushi', display_name: '健康福祉局', count: 1 },
    ],
  });
  assert.deepEqual(
    found.searchFacets.groups?.items.map((i) => [i.name, i.display_name, i.count]),
    [
      ['bosai', '防災・安全', 3],
      ['kosodate', '子育て・教育', 2],
      ['health', '健康・福祉', 1],
    ],
  );
  assert.deepEqual(found.searchFacets.tags?.items[0], { name: '防災', display_name: '防災', count: 3 });
});

test('each facet count equals the number of datasets its filter finds', async () => {
  for (const q of ['', '防災', '一覧', 'こそだて']) {
    const found = await search({ q, rows: 0, facetFields: [...facetFields], facetLimit: -1 });
    for (const [field, values] of Object.entries(found.facets)) {
      for (const [value, count] of Object.entries(values)) {
        const filtered = await search({ q, fq: `${field}:"${value}"`, rows: 0 });
        assert.equal(filtered.count, field === 'res_format' ? filtered.count : count, `${q} ${field}:${value}`);
        if (field !== 'res_format') continue;
        // res_format filters ignore case, so csv and CSV together are the datasets with either.
        const either = Object.entries(values)
          .filter(([v]) => v.toUpperCase() === value.toUpperCase())
          .map(([v]) => v);
        const union = await search({ q, fq: `res_format:(${either.map((v) => `"${v}"`).join(' OR ')})`, rows: 0 });
        assert.equal(filtered.count, union.count, `${q} res_format:${value}`);
        assert.ok(filtered.count >= count);
      }
    }
  }
});

test('facet.limit keeps the most frequent values; -1 keeps all', async () => {
  const two = await search({ facetFields: ['tags'], facetLimit: 2 });
  assert.deepEqual(two.facets.tags, { 防災: 3, 子育て: 2 });
  const all = await search({ facetFields: ['tags'], facetLimit: -1 });
  assert.equal(Object.keys(all.facets.tags ?? {}).length, 7);
  const facetsOfNothing = await search({ q: '存在しない言葉', facetFields: ['tags', 'organization'] });
  assert.deepEqual(facetsOfNothing.facets, { tags: {}, organization: {} });
  assert.equal(facetsOfNothing.count, 0);
});

test('filter queries as CKAN clients send them', async () => {
  const cases: [string, string[]][] = [
    ['organization:kiki-kanri', ['hinan-basho', 'kunren']],
    ['owner_org:kiki-kanri', ['hinan-basho', 'kunren']],
    ['tags:防災', ['aed', 'hinan-basho', 'kunren']],
    ['tags:"子育て 支援"', ['kosodate-shisetsu']],
    ['tags:子育て 支援', ['kosodate-shisetsu']],
    ['res_format:CSV', ['aed', 'hinan-basho', 'jinko', 'kosodate-shisetsu', 'kosodate-soudan']],
    ['res_format:geojson', ['hinan-basho']],
    ['license_id:pdl-1.0', ['jinko', 'kunren']],
    ['groups:bosai', ['aed', 'hinan-basho', 'kunren']],
    ['name:aed', ['aed']],
    ['tags:防災 res_format:CSV', ['aed', 'hinan-basho']],
    ['tags:防災 AND res_format:CSV', ['aed', 'hinan-basho']],
    ['+tags:防災 +groups:health', ['aed']],
    ['tags:防災 -res_format:PDF', ['aed', 'hinan-basho']],
    ['tags:防災 NOT organization:kiki-kanri', ['aed']],
    ['-tags:防災 -tags:子育て', ['jinko', 'zaisei']],
    ['organization:(kodomo-mirai OR somu-kikaku)', ['jinko', 'kosodate-shisetsu', 'kosodate-soudan', 'zaisei']],
    ['tags:(防災 AND 医療)', ['aed']],
    ['tags:医療 OR tags:統計', ['aed', 'jinko']],
    ['(tags:医療 OR tags:統計) license_id:pdl-1.0', ['jinko']],
    ['res_format:* -tags:*', []],
    ['groups:* -groups:bosai', ['kosodate-shisetsu', 'kosodate-soudan']],
    ['metadata_modified:[2024-03-01T00:00:00Z TO *]', ['aed', 'hinan-basho', 'kunren']],
    ['metadata_modified:{2024-03-01T00:00:00Z TO *]', ['aed', 'hinan-basho']],
    ['metadata_created:[* TO 2023-02-10]', ['aed', 'hinan-basho']],
    ['metadata_modified:[NOW-100YEARS TO NOW]', newestFirst],
    ['dataset_type:dataset capacity:public tags:統計', ['jinko']],
    ['*:*', newestFirst],
    ['', newestFirst],
  ];
  for (const [fq, expected] of cases) assert.deepEqual(sorted(await names({ fq })), sorted(expected), fq);
});

test('q takes field:value as CKAN allows, alone or with words', async () => {
  assert.deepEqual(sorted(await names({ q: 'tags:防災' })), ['aed', 'hinan-basho', 'kunren']);
  assert.deepEqual(await names({ q: 'tags:防災 場所 -訓練' }), ['hinan-basho', 'aed']);
  assert.deepEqual(sorted(await names({ q: 'title:一覧', fq: 'tags:防災' })), ['aed', 'hinan-basho'], 'titles only');
  assert.deepEqual(await names({ q: 'title:場所' }), ['hinan-basho'], 'kunren has 場所 only in its description');
  assert.deepEqual(sorted(await names({ q: '一覧', fq: 'tags:防災' })), ['aed', 'hinan-basho'], 'any field');
  assert.deepEqual(sorted(await names({ q: '予算 OR 除細動器' })), ['aed', 'zaisei']);
  assert.deepEqual(await names({ q: '"避難場所の地図"' }), ['hinan-basho'], 'a phrase');
  assert.deepEqual(sorted(await names({ q: '"防災 安全"' })), ['aed', 'hinan-basho', 'kunren'], '防災・安全');
  assert.deepEqual(await names({ q: '"安全 防災"' }), [], 'a phrase must be in that order');
});

test('free text that is not a valid Solr query is searched as plain words, never refused', async () => {
  for (const q of ['避難所 (', '"避難所', '避難所 AND', '避難所!', '避難所*', 'ＡＥＤ：設置', '10:30 避難所']) {
    const found = await search({ q });
    assert.ok(found.count <= 1, q);
  }
  assert.deepEqual(await names({ q: '避難所*' }), ['hinan-basho']);
  assert.deepEqual(await names({ q: 'ＡＥＤ：設置' }), ['aed']);
  assert.deepEqual(await names({ q: '😀 避難所 ！？' }), ['hinan-basho'], 'emoji and punctuation are ignored');
  assert.deepEqual(await names({ q: '😀' }), newestFirst, 'nothing searchable: everything');
});

test('paging walks the whole result once, in the same order every time', async () => {
  for (const sort of [undefined, 'name asc', 'title_string desc', 'metadata_created asc']) {
    const whole = await names({ sort, rows: 100 });
    const pages: string[] = [];
    for (let start = 0; start < whole.length; start += 3) pages.push(...(await names({ sort, rows: 3, start })));
    assert.deepEqual(pages, whole, String(sort));
    assert.deepEqual(await names({ sort, rows: 3, start: 3 }), whole.slice(3, 6));
  }
  assert.deepEqual(await names({ rows: 3, start: 100 }), []);
  const { count } = await search({ rows: 3, start: 100 });
  assert.equal(count, 7, 'count is the whole result even past its end');
});

test('sort orders CKAN accepts', async () => {
  assert.deepEqual(await names({ sort: 'metadata_modified desc' }), newestFirst);
  assert.deepEqual(await names({ sort: 'metadata_modified asc' }), [...newestFirst].reverse());
  assert.deepEqual(await names({ sort: 'score desc, metadata_modified desc' }), newestFirst);
  const byName = [...newestFirst].sort();
  assert.deepEqual(await names({ sort: 'name asc' }), byName);
  assert.deepEqual(await names({ sort: 'name desc' }), [...byName].reverse());
  const byCreated = ['hinan-basho', 'aed', 'kunren', 'kosodate-shisetsu', 'kosodate-soudan', 'jinko', 'zaisei'];
  assert.deepEqual(await names({ sort: 'metadata_created asc' }), byCreated);
  assert.deepEqual(await names({ sort: 'metadata_created DESC' }), [...byCreated].reverse());
  const titles = new Map(datasets.map((d) => [d.name, d.title]));
  const byTitle = [...newestFirst].sort((a, b) =>
    Buffer.compare(Buffer.from(titles.get(a)!), Buffer.from(titles.get(b)!)),
  );
  assert.deepEqual(await names({ sort: 'title_string asc' }), byTitle);
  assert.deepEqual(await names({ sort: 'title_string desc' }), [...byTitle].reverse());
  assert.deepEqual(await names({ q: '防災', sort: 'name asc' }), ['aed', 'hinan-basho', 'kunren']);
});

test('private datasets only with include_private, drafts only with include_drafts, deleted never', async () => {
  assert.deepEqual(await names({ q: '避難所' }), ['hinan-basho']);
  assert.deepEqual(sorted(await names({ q: '避難所', includePrivate: true })), ['hinan-basho', 'hinanjo-manual']);
  assert.deepEqual(sorted(await names({ q: '避難所', includeDrafts: true })), ['hinan-basho', 'hinanjo-bichiku']);
  assert.deepEqual(sorted(await names({ q: '避難所', includeDrafts: true, includePrivate: true })), [
    'hinan-basho',
    'hinanjo-bichiku',
    'hinanjo-manual',
  ]);
  assert.deepEqual(await names({ fq: 'name:hinanjo-old', includeDrafts: true, includePrivate: true }), []);
  assert.deepEqual(await names({ fq: 'capacity:private' }), [], 'a filter cannot reveal them');
  assert.deepEqual(await names({ fq: 'state:draft' }), []);
  assert.deepEqual(await names({ fq: 'state:draft', includeDrafts: true }), ['hinanjo-bichiku']);
  assert.deepEqual(await names({ fq: 'state:deleted', includeDrafts: true, includePrivate: true }), []);
  assert.deepEqual(await names({ fq: 'capacity:private', includePrivate: true }), ['hinanjo-manual']);
  const facets = await search({ facetFields: ['tags'] });
  assert.equal(facets.facets.tags?.防災, 3, 'nor do they count in facets');
  const staff = await search({ facetFields: ['tags'], includePrivate: true, includeDrafts: true });
  assert.equal(staff.facets.tags?.防災, 5);
});

test("another city's datasets are never found or counted", async () => {
  const found = await search({ q: '避難所', facetFields: [...facetFields], includePrivate: true, includeDrafts: true });
  assert.ok(found.ids.every((id) => [...ids.values()].includes(id)));
  const everything = await search({ facetFields: ['tags', 'groups', 'res_format'], includePrivate: true });
  assert.equal(everything.facets.tags?.避難所, 1);
  assert.equal(everything.facets.groups?.bosai, 3);
  const theirs = await search({ q: '避難所', facetFields: ['tags'] }, 'yokohama');
  assert.equal(theirs.count, 1);
  assert.ok(!theirs.ids.some((id) => [...ids.values()].includes(id)));
  assert.deepEqual(theirs.facets.tags, { 避難所: 1, 防災: 1 });
  assert.equal((await search({ fq: `id:${ids.get('aed')}` }, 'yokohama')).count, 0);
});

test('a filter or sort the catalogue cannot run is refused, naming the problem in Japanese and English', async () => {
  const refused: [Partial<DatasetSearchQuery>, SearchQueryError['parameter'], RegExp][] = [
    [{ fq: 'maintainer:someone' }, 'fq', /「maintainer」.*"maintainer"/s],
    [{ fq: 'tags:"防災' }, 'fq', /閉じていません.*not closed/s],
    [{ fq: 'tags:(防災 OR 医療' }, 'fq', /「\(」が閉じていません.*not closed/s],
    [{ fq: 'tags:防災)' }, 'fq', /「\)」.*"\)"/s],
    [{ fq: 'tags:防*' }, 'fq', /ワイルドカード.*wildcards/s],
    [{ fq: 'tags:防災~2' }, 'fq', /あいまい.*fuzzy/s],
    [{ fq: 'tags:防災^2' }, 'fq', /重み付け.*boosts/s],
    [{ fq: 'tags:' }, 'fq', /値がありません.*no value/s],
    [{ fq: 'tags:防災 AND' }, 'fq', /途中で終わって.*ends/s],
    [{ fq: 'OR tags:防災' }, 'fq', /OR の前に条件がありません.*before OR/s],
    [{ fq: 'tags:(organization:kiki-kanri)' }, 'fq', /別の項目.*cannot appear/s],
    [{ fq: 'metadata_modified:2024-01-01' }, 'fq', /範囲で指定.*takes a range/s],
    [{ fq: 'metadata_modified:[yesterday TO *]' }, 'fq', /日時として読めません.*not a date/s],
    [{ fq: 'metadata_modified:[2024-02-30 TO *]' }, 'fq', /日時として読めません.*not a date/s],
    [{ fq: 'tags:[a TO b]' }, 'fq', /範囲.*only/s],
    [{ q: 'maintainer:someone' }, 'q', /「maintainer」.*unknown field/s],
    [{ sort: 'popularity desc' }, 'sort', /「popularity desc」.*"popularity desc"/s],
    [{ sort: 'name' }, 'sort', /asc.*desc/s],
    [{ sort: 'name asc, score sideways' }, 'sort', /score sideways/],
    [{ facetFields: ['maintainer'] }, 'facet.field', /「maintainer」.*"maintainer"/s],
    [{ fq: 'constructor:x' }, 'fq', /「constructor」/],
    [{ fq: 'metadata_modified:[NOW-1CONSTRUCTOR TO *]' }, 'fq', /日時として読めません/],
    [{ sort: 'constructor desc' }, 'sort', /「constructor desc」/],
    [{ facetFields: ['constructor'] }, 'facet.field', /「constructor」/],
  ];
  for (const [query, parameter, message] of refused) {
    await assert.rejects(search(query), (error: unknown) => {
      assert.ok(error instanceof SearchQueryError, JSON.stringify(query));
      assert.equal(error.parameter, parameter, JSON.stringify(query));
      assert.match(error.message, message, JSON.stringify(query));
      assert.match(error.ja, /[\u3040-\u30ff]/);
      return true;
    });
  }
});

test('a tag named like an object property is counted as any other', async () => {
  await withTenant(database.db, tenantId, (trx) =>
    insertSearchDataset(trx, {
      tenantId,
      name: 'proto',
      title: '名前の変わったタグ',
      organization: 'constructor',
      tags: ['__proto__', 'constructor'],
      state: 'draft',
    }),
  );
  const found = await search({ fq: 'name:proto', includeDrafts: true, facetFields: ['tags', 'organization'] });
  assert.equal(found.count, 1);
  assert.deepEqual(Object.entries(found.facets.tags ?? {}), [
    ['__proto__', 1],
    ['constructor', 1],
  ]);
  assert.deepEqual(found.searchFacets.organization?.items, [
    { name: 'constructor', display_name: 'constructor', count: 1 },
  ]);
  assert.equal((await search({ fq: 'tags:__proto__', includeDrafts: true })).count, 1);
});
