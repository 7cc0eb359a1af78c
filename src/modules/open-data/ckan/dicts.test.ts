// The CKAN shape contract for the read actions: every key CKAN 2.10 / 2.11 returns, with its JSON type,
// and nothing else (docs/ckan-compatibility.md says where each key comes from).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ckanOrganizationName,
  ckanTimestamp,
  departmentCodeFromCkanName,
  isOpenLicense,
  stableId,
  toGroupDict,
  toOrganizationDict,
  toPackageDict,
  toPackageSearchResult,
  toResourceDict,
  toStatusDict,
  toTagDict,
} from './dicts.ts';
import { baseUrl, type JsonType, sampleDataset, shapeProblems } from './test-fixtures.ts';

const packageShape: Record<string, JsonType | JsonType[]> = {
  id: 'string',
  name: 'string',
  title: 'string',
  type: 'string',
  state: 'string',
  private: 'boolean',
  notes: ['string', 'null'],
  url: ['string', 'null'],
  version: ['string', 'null'],
  author: ['string', 'null'],
  author_email: ['string', 'null'],
  maintainer: ['string', 'null'],
  maintainer_email: ['string', 'null'],
  license_id: ['string', 'null'],
  license_title: ['string', 'null'],
  license_url: 'string',
  isopen: 'boolean',
  owner_org: ['string', 'null'],
  organization: ['object', 'null'],
  creator_user_id: 'string',
  metadata_created: 'string',
  metadata_modified: 'string',
  num_resources: 'number',
  num_tags: 'number',
  resources: 'array',
  tags: 'array',
  groups: 'array',
  extras: 'array',
  relationships_as_object: 'array',
  relationships_as_subject: 'array',
};

const resourceShape: Record<string, JsonType | JsonType[]> = {
  id: 'string',
  package_id: 'string',
  name: ['string', 'null'],
  description: ['string', 'null'],
  format: ['string', 'null'],
  url: 'string',
  url_type: ['string', 'null'],
  mimetype: ['string', 'null'],
  mimetype_inner: ['string', 'null'],
  size: ['number', 'null'],
  hash: ['string', 'null'],
  created: 'string',
  last_modified: ['string', 'null'],
  metadata_modified: 'string',
  position: 'number',
  state: 'string',
  resource_type: ['string', 'null'],
  cache_url: ['string', 'null'],
  cache_last_updated: ['string', 'null'],
  datastore_active: 'boolean',
};

const organizationInPackageShape: Record<string, JsonType | JsonType[]> = {
  id: 'string',
  name: 'string',
  title: 'string',
  type: 'string',
  description: 'string',
  image_url: 'string',
  created: ['string', 'null'],
  is_organization: 'boolean',
  approval_status: 'string',
  state: 'string',
};

const tagInPackageShape: Record<string, JsonType | JsonType[]> = {
  id: 'string',
  name: 'string',
  display_name: 'string',
  state: 'string',
  vocabulary_id: ['string', 'null'],
};

const groupInPackageShape: Record<string, JsonType | JsonType[]> = {
  id: 'string',
  name: 'string',
  title: 'string',
  display_name: 'string',
  description: 'string',
  image_display_url: 'string',
};

const groupListItemShape: Record<string, JsonType | JsonType[]> = {
  id: 'string',
  name: 'string',
  title: 'string',
  display_name: 'string',
  type: 'string',
  description: 'string',
  image_url: 'string',
  image_display_url: 'string',
  created: ['string', 'null'],
  is_organization: 'boolean',
  approval_status: 'string',
  state: 'string',
  num_followers: 'number',
  package_count: 'number',
};

const groupShowShape = {
  ...groupListItemShape,
  extras: 'array',
  tags: 'array',
  groups: 'array',
  users: 'array',
} as const;

const ckanDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$/;

test('package_show: every CKAN key with its JSON type, and the nested dicts too', () => {
  const dict = toPackageDict(sampleDataset(), { baseUrl });
  assert.deepEqual(shapeProblems(dict, packageShape), []);
  assert.deepEqual(shapeProblems(dict.organization, organizationInPackageShape), []);
  for (const r of dict.resources) assert.deepEqual(shapeProblems(r, resourceShape), [], r.name);
  for (const t of dict.tags) assert.deepEqual(shapeProblems(t, tagInPackageShape), [], t.name);
  for (const g of dict.groups) assert.deepEqual(shapeProblems(g, groupInPackageShape), [], g.name);
  for (const e of dict.extras) assert.deepEqual(shapeProblems(e, { key: 'string', value: 'string' }), []);
  assert.equal(dict.type, 'dataset');
  assert.equal(dict.num_resources, 2);
  assert.equal(dict.num_tags, 3);
  for (const when of [dict.metadata_created, dict.metadata_modified, ...dict.resources.map((r) => r.created)]) {
    assert.match(when, ckanDate);
  }
});

test('package_show: licence, organisation and contact as CKAN clients read them', () => {
  const dict = toPackageDict(sampleDataset({ licenseId: 'pdl-1.0' }), { baseUrl });
  assert.equal(dict.license_id, 'pdl-1.0');
  assert.equal(dict.license_title, '公共データ利用規約（第1.0版）(PDL1.0)');
  assert.match(dict.license_url, /^https:\/\//);
  assert.equal(dict.isopen, true);
  // A CKAN name may not hold a dot: the department code's dot becomes an underscore.
  assert.equal(dict.owner_org, 'kenko-fukushi_iryo');
  assert.equal(dict.organization.id, dict.owner_org);
  assert.equal(dict.organization.name, 'kenko-fukushi_iryo');
  assert.equal(dict.organization.title, '健康福祉局 医療政策課');
  assert.equal(dict.organization.is_organization, true);
  assert.equal(dict.author, '健康福祉局 医療政策課');
  assert.equal(dict.maintainer, '医療政策課 オープンデータ担当');
  assert.equal(dict.maintainer_email, 'iryo-opendata@city.example.jp');
  // The creator is an opaque id, never the staff account itself.
  assert.notEqual(dict.creator_user_id, 'staff-0001');
  assert.equal(dict.creator_user_id, stableId('user', 'staff-0001'));
  const empty = toPackageDict(sampleDataset({ contactName: '', contactEmail: '' }), { baseUrl });
  assert.equal(empty.maintainer, null);
  assert.equal(empty.maintainer_email, null);
});

test('package_show: our own metadata goes into extras, sorted by key, empty ones left out', () => {
  const dict = toPackageDict(sampleDataset(), { baseUrl });
  assert.deepEqual(dict.extras, [
    { key: 'frequency', value: 'monthly' },
    { key: 'spatial_text', value: '川崎市全域' },
    { key: 'standard', value: 'aed' },
    { key: 'temporal_end', value: '2025-03-31' },
    { key: 'temporal_start', value: '2024-04-01' },
  ]);
  const bare = toPackageDict(sampleDataset({ spatial: '', temporalStart: null, temporalEnd: null, standard: null }), {
    baseUrl,
  });
  assert.deepEqual(bare.extras, [{ key: 'frequency', value: 'monthly' }]);
});

test('package_show: tags sorted by name with stable ids; groups with display names', () => {
  const dict = toPackageDict(sampleDataset(), { baseUrl });
  assert.deepEqual(
    dict.tags.map((t) => t.name),
    ['AED', '医療', '防災'],
  );
  assert.equal(dict.tags[0]!.id, toPackageDict(sampleDataset(), { baseUrl }).tags[0]!.id);
  assert.match(dict.tags[0]!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(dict.tags[0], toTagDict('AED', { inPackage: true }));
  assert.equal(dict.groups[0]!.display_name, '健康・医療');
});

test('resource dicts: uploads point at our download address, links stay where they are', () => {
  const d = sampleDataset();
  const [upload, link] = d.resources as [(typeof d.resources)[0], (typeof d.resources)[0]];
  const u = toResourceDict(upload, d, { baseUrl: `${baseUrl}/` });
  assert.equal(u.url, `${baseUrl}/open-data/datasets/aed-locations/resources/${upload.id}/download`);
  assert.equal(u.url_type, 'upload');
  assert.equal(u.package_id, d.id);
  assert.equal(u.hash, upload.sha256);
  assert.equal(u.size, 20480);
  assert.equal(u.datastore_active, true);
  assert.equal(u.last_modified, '2024-05-01T00:00:00');
  const l = toResourceDict(link, d, { baseUrl });
  assert.equal(l.url, 'https://www.example.go.jp/aed/');
  assert.equal(l.url_type, null);
  assert.equal(l.last_modified, null);
  // CKAN shows a link stored without a scheme with http:// in front.
  assert.equal(
    toResourceDict({ ...link, url: 'www.example.jp/x.csv' }, d, { baseUrl }).url,
    'http://www.example.jp/x.csv',
  );
});

test('resources come in position order', () => {
  const d = sampleDataset();
  const reversed = sampleDataset({ resources: [...d.resources].reverse() });
  assert.deepEqual(
    toPackageDict(reversed, { baseUrl }).resources.map((r) => r.position),
    [0, 1],
  );
});

test('CKAN timestamps: naive UTC, microseconds, no fraction when it is zero', () => {
  assert.equal(ckanTimestamp('2024-04-02T01:02:03.456Z'), '2024-04-02T01:02:03.456000');
  assert.equal(ckanTimestamp('2024-04-02T01:02:03.000Z'), '2024-04-02T01:02:03');
  assert.equal(ckanTimestamp('2024-04-02T10:02:03.123456+09:00'), '2024-04-02T01:02:03.123456');
  assert.throws(() => ckanTimestamp('not a date'));
});

test('department codes and CKAN organisation names map both ways', () => {
  for (const code of ['somu-kikaku.digital', 'ward-141313.kumin', 'kenko-fukushi']) {
    const name = ckanOrganizationName(code);
    assert.match(name, /^[a-z0-9_-]{2,100}$/);
    assert.equal(departmentCodeFromCkanName(name), code);
  }
});

test('organization_show and organization_list all_fields shapes', () => {
  const org = { name: 'kenko-fukushi.iryo', title: '健康福祉局 医療政策課', created: '2020-04-01T00:00:00Z' };
  const show = toOrganizationDict(org, { packageCount: 12 });
  assert.deepEqual(shapeProblems(show, groupShowShape), []);
  assert.equal(show.type, 'organization');
  assert.equal(show.is_organization, true);
  assert.equal(show.package_count, 12);
  assert.equal(show.name, 'kenko-fukushi_iryo');
  assert.equal(show.created, '2020-04-01T00:00:00');
  const item = toOrganizationDict(org, { packageCount: 12, allFields: true });
  assert.deepEqual(shapeProblems(item, groupListItemShape), []);
  const noCount = toOrganizationDict(org, { packageCount: null, allFields: true });
  assert.equal('package_count' in noCount, false);
});

test('group_show shape', () => {
  const group = sampleDataset().groups[0]!;
  const show = toGroupDict(group, { packageCount: 3 });
  assert.deepEqual(shapeProblems(show, groupShowShape), []);
  assert.equal(show.type, 'group');
  assert.equal(show.is_organization, false);
  assert.equal(show.id, group.id);
});

test('tag_list all_fields: id, name, display_name, vocabulary_id', () => {
  assert.deepEqual(
    shapeProblems(toTagDict('防災'), {
      id: 'string',
      name: 'string',
      display_name: 'string',
      vocabulary_id: ['string', 'null'],
    }),
    [],
  );
});

test('package_search: count, results, sort, facets and search_facets as CKAN builds them', () => {
  const result = toPackageSearchResult(
    {
      count: 41,
      datasets: [sampleDataset()],
      sort: 'score desc, metadata_modified desc',
      facets: {
        organization: [
          { name: 'kenko-fukushi_iryo', count: 30, displayName: '健康福祉局 医療政策課' },
          { name: 'somu', count: 11 },
        ],
        license_id: [
          { name: 'cc-by-4.0', count: 40 },
          { name: 'pdl-1.0', count: 1 },
        ],
        tags: [
          { name: 'AED', count: 2 },
          { name: '防災', count: 5 },
        ],
      },
    },
    { baseUrl },
  );
  assert.deepEqual(
    shapeProblems(result, {
      count: 'number',
      facets: 'object',
      results: 'array',
      sort: 'string',
      search_facets: 'object',
    }),
    [],
  );
  assert.deepEqual(shapeProblems(result.results[0], packageShape), []);
  assert.deepEqual(result.facets.organization, { 'kenko-fukushi_iryo': 30, somu: 11 });
  const orgFacet = result.search_facets.organization!;
  assert.equal(orgFacet.title, 'organization');
  // CKAN's last step sorts the items by display name, descending.
  assert.deepEqual(
    orgFacet.items.map((i) => i.display_name),
    ['somu', '健康福祉局 医療政策課'].sort().reverse(),
  );
  assert.deepEqual(Object.keys(orgFacet.items[0]!).sort(), ['count', 'display_name', 'name']);
  const licence = result.search_facets.license_id!.items.find((i) => i.name === 'cc-by-4.0')!;
  assert.match(licence.display_name, /CC BY 4\.0/);
});

test('package_search fl keeps only the keys asked for', () => {
  const result = toPackageSearchResult(
    { count: 1, datasets: [sampleDataset()], sort: 'name asc', fl: ['id', 'name', 'no_such_key'] },
    { baseUrl },
  );
  assert.deepEqual(result.results[0], { id: sampleDataset().id, name: 'aed-locations' });
});

test('status_show keys', () => {
  const status = toStatusDict({ title: '川崎市オープンデータ', description: '', url: `${baseUrl}/` });
  assert.deepEqual(
    shapeProblems(status, {
      site_title: 'string',
      site_description: 'string',
      site_url: 'string',
      error_emails_to: ['string', 'null'],
      locale_default: 'string',
      extensions: 'array',
      ckan_version: 'string',
    }),
    [],
  );
  assert.equal(status.site_url, baseUrl);
  assert.ok(status.extensions.includes('datastore'));
});

test('both licences are open', () => {
  assert.equal(isOpenLicense('cc-by-4.0'), true);
  assert.equal(isOpenLicense('pdl-1.0'), true);
  assert.equal(isOpenLicense('other-closed'), false);
});
