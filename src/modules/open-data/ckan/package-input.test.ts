// package_create / _update / _patch bodies read as CKAN reads them, with CKAN's messages and shapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPackageDict } from './dicts.ts';
import type { CkanResult } from './envelope.ts';
import { checkTag, fromPackageDict, fromResourceDict } from './package-input.ts';
import { baseUrl, sampleDataset } from './test-fixtures.ts';

function value<T>(r: CkanResult<T>): T {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

function error<T>(r: CkanResult<T>) {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
}

const minimal = { name: 'shelters', owner_org: 'kiki-kanri_bosai' };

test('create: the least a CKAN client sends, with CKAN defaults filled in', () => {
  const p = value(fromPackageDict(minimal, 'create'));
  assert.equal(p.name, 'shelters');
  assert.equal(p.title, 'shelters');
  assert.equal(p.organization, 'kiki-kanri.bosai');
  assert.equal(p.licenseId, 'cc-by-4.0');
  assert.equal(p.frequency, 'irregular');
  assert.equal(p.private, false);
  assert.equal(p.state, 'active');
  assert.deepEqual(p.tags, []);
  assert.deepEqual(p.resources, []);
});

test("create: missing name and organisation are CKAN's messages", () => {
  const e = error(fromPackageDict({ title: '避難所' }, 'create'));
  assert.equal(e.kind, 'validation');
  assert.deepEqual(e.message, { name: ['Missing value'], owner_org: ['An organization must be provided'] });
});

test("create: CKAN's name rules", () => {
  const nameError = (name: unknown) => (error(fromPackageDict({ ...minimal, name }, 'create')).message as any).name;
  assert.deepEqual(nameError('Shelters'), [
    'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
  ]);
  assert.deepEqual(nameError('避難所'), [
    'Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_',
  ]);
  assert.deepEqual(nameError('a'), ['Must be at least 2 characters long']);
  assert.deepEqual(nameError('new'), ['That name cannot be used']);
  assert.deepEqual(nameError('x'.repeat(101)), ['Name must be a maximum of 100 characters long']);
  assert.deepEqual(nameError(42), ['Names must be strings']);
});

test('create: an id is refused from a non-sysadmin, as CKAN does', () => {
  assert.deepEqual(error(fromPackageDict({ ...minimal, id: 'abc' }, 'create')).message, {
    id: ['The input field id was not expected.'],
  });
});

test("tags as strings instead of dicts are CKAN's Integrity Error", () => {
  const input = { ...minimal, tags: ['防災'] };
  const e = error(fromPackageDict(input, 'create'));
  assert.equal(e.kind, 'integrity');
  assert.equal(e.message, "Only lists of dicts can be placed against subschema ('tags',), not <class 'list'>");
  assert.deepEqual(e.data, input);
  assert.equal(
    error(fromPackageDict({ ...minimal, resources: 'x' }, 'create')).message,
    "Only lists of dicts can be placed against subschema ('resources',), not <class 'str'>",
  );
});

test("tags: dicts and tag_string together, CKAN's tag rules", () => {
  const p = value(
    fromPackageDict({ ...minimal, tags: [{ name: '防災' }, { name: 'AED' }], tag_string: '避難所, 防災 ,' }, 'create'),
  );
  assert.deepEqual(p.tags, ['防災', 'AED', '避難所']);
  assert.deepEqual(error(fromPackageDict({ ...minimal, tags: [{ name: '犬' }, { name: 'ok' }] }, 'create')).message, {
    tags: ['Tag "犬" length is less than minimum 2'],
  });
  assert.deepEqual(error(fromPackageDict({ ...minimal, tag_string: 'a/b' }, 'create')).message, {
    tag_string: [
      'Tag "a/b" can only contain alphanumeric characters, spaces (" "), hyphens ("-"), underscores ("_") or dots (".")',
    ],
  });
  // Japanese letters, the long-vowel mark and 々 are word characters; the middle dot is not.
  assert.equal(checkTag('データ・ダッシュボード') !== null, true);
  assert.equal(checkTag('人々のデータ'), null);
});

test('extras carry our metadata; unknown keys are reported, not kept', () => {
  const p = value(
    fromPackageDict(
      {
        ...minimal,
        extras: [
          { key: 'frequency', value: '毎月' },
          { key: 'spatial_text', value: '川崎市全域' },
          { key: 'temporal_start', value: '2024-04-01' },
          { key: 'temporal_end', value: '2025-03-31T00:00:00' },
          { key: 'standard', value: 'aed' },
          { key: 'harvest_source', value: 'elsewhere' },
        ],
      },
      'create',
    ),
  );
  assert.equal(p.frequency, 'monthly');
  assert.equal(p.spatial, '川崎市全域');
  assert.equal(p.temporalStart, '2024-04-01');
  assert.equal(p.temporalEnd, '2025-03-31');
  assert.equal(p.standard, 'aed');
  assert.deepEqual(p.ignoredExtras, ['harvest_source']);
  // Scheming-style top-level fields are read too.
  assert.equal(value(fromPackageDict({ ...minimal, frequency: 'weekly' }, 'create')).frequency, 'weekly');
});

test('extras errors in CKAN shape: per item, duplicates under extras_validation', () => {
  const e = error(
    fromPackageDict(
      {
        ...minimal,
        extras: [
          { key: 'spatial_text', value: 'a' },
          { key: 'title', value: 'x' },
          { key: 'spatial_text', value: 'b' },
          { key: 'temporal_start', value: '2024/04/01' },
        ],
      },
      'create',
    ),
  );
  assert.deepEqual(e.message, {
    extras: [{}, { key: ['There is a schema field with the same name'] }, {}, {}],
    extras_validation: ['Duplicate key "spatial_text"'],
    temporal_start: ['Date format incorrect'],
  });
});

test('licence ids Japanese CKAN sites use are understood; others refused', () => {
  assert.equal(value(fromPackageDict({ ...minimal, license_id: 'CC-BY-4.0' }, 'create')).licenseId, 'cc-by-4.0');
  assert.equal(value(fromPackageDict({ ...minimal, license_id: 'pdl-1.0' }, 'create')).licenseId, 'pdl-1.0');
  const e = error(fromPackageDict({ ...minimal, license_id: 'odc-odbl' }, 'create'));
  assert.ok(Array.isArray((e.message as any).license_id));
});

test("e-mail addresses are checked with CKAN's message", () => {
  assert.deepEqual(error(fromPackageDict({ ...minimal, maintainer_email: 'not-an-address' }, 'create')).message, {
    maintainer_email: ['Email not-an-address is not a valid format'],
  });
});

test('create: resources are links; non-web addresses are refused', () => {
  const p = value(
    fromPackageDict(
      { ...minimal, resources: [{ url: 'https://example.jp/data/shelters.csv' }, { url: 'example.jp/map' }] },
      'create',
    ),
  );
  assert.deepEqual(p.resources[0], {
    id: null,
    name: 'shelters.csv',
    description: '',
    format: 'CSV',
    urlType: 'link',
    url: 'https://example.jp/data/shelters.csv',
  });
  assert.equal(p.resources[1]!.url, 'http://example.jp/map');
  const e = error(fromPackageDict({ ...minimal, resources: [{}, { url: 'javascript:alert(1)' }] }, 'create'));
  assert.deepEqual(Object.keys((e.message as any).resources[1]), ['url']);
  assert.deepEqual((e.message as any).resources[0], {});
});

test('update: what package_show gave back changes nothing', () => {
  const d = sampleDataset();
  const p = value(fromPackageDict(toPackageDict(d, { baseUrl }) as any, 'update', d));
  assert.equal(p.name, d.name);
  assert.equal(p.title, d.title);
  assert.equal(p.notes, d.notes);
  assert.equal(p.organization, d.organization.name);
  assert.equal(p.licenseId, d.licenseId);
  assert.equal(p.frequency, d.frequency);
  assert.equal(p.spatial, d.spatial);
  assert.equal(p.temporalStart, d.temporalStart);
  assert.equal(p.temporalEnd, d.temporalEnd);
  assert.equal(p.contactName, d.contactName);
  assert.equal(p.contactEmail, d.contactEmail);
  assert.equal(p.standard, d.standard);
  assert.equal(p.private, d.private);
  assert.equal(p.state, d.state);
  assert.deepEqual([...p.tags].sort(), [...d.tags].sort());
  assert.deepEqual(p.groups, [d.groups[0]!.id]);
  assert.deepEqual(p.ignoredExtras, []);
  assert.deepEqual(
    p.resources.map((r) => [r.id, r.urlType, r.name, r.format]),
    d.resources.map((r) => [r.id, r.urlType, r.name, r.format]),
  );
  assert.equal(p.resources[0]!.url, '');
  assert.equal(p.resources[1]!.url, d.resources[1]!.url);
});

test('update replaces: lists and optional fields left out are cleared; required ones stay', () => {
  const d = sampleDataset();
  const p = value(fromPackageDict({ id: d.id, notes: '新しい説明' }, 'update', d));
  assert.deepEqual(p.resources, []);
  assert.deepEqual(p.tags, []);
  assert.deepEqual(p.groups, []);
  assert.equal(p.spatial, '');
  assert.equal(p.temporalStart, null);
  assert.equal(p.standard, null);
  assert.equal(p.contactName, '');
  assert.equal(p.notes, '新しい説明');
  assert.equal(p.title, d.title);
  assert.equal(p.name, d.name);
  assert.equal(p.licenseId, d.licenseId);
  assert.equal(p.frequency, d.frequency);
  assert.equal(p.organization, d.organization.name);
});

test('update: resources are kept by id and reordered; unknown ids are new links', () => {
  const d = sampleDataset();
  const [upload, link] = d.resources;
  const p = value(
    fromPackageDict(
      {
        id: d.id,
        resources: [
          { id: link!.id, url: 'https://www.example.go.jp/aed/v2/', name: '国の情報' },
          { id: upload!.id, url: 'https://ignored.example/x.csv' },
          { id: 'not-one-of-ours', url: 'https://example.jp/new.json' },
        ],
      },
      'update',
      d,
    ),
  );
  assert.deepEqual(
    p.resources.map((r) => [r.id, r.urlType, r.url, r.name]),
    [
      [link!.id, 'link', 'https://www.example.go.jp/aed/v2/', '国の情報'],
      [upload!.id, 'upload', '', upload!.name],
      [null, 'link', 'https://example.jp/new.json', 'new.json'],
    ],
  );
  assert.equal(p.resources[2]!.format, 'JSON');
});

test('patch: needs an id; keeps what is not given; a given list replaces the whole list', () => {
  const d = sampleDataset();
  assert.deepEqual(error(fromPackageDict({ title: 'x' }, 'patch', d)).message, { id: ['Missing value'] });
  const p = value(fromPackageDict({ id: d.name, title: '新しいタイトル', tags: [{ name: '避難' }] }, 'patch', d));
  assert.equal(p.title, '新しいタイトル');
  assert.deepEqual(p.tags, ['避難']);
  assert.equal(p.notes, d.notes);
  assert.equal(p.spatial, d.spatial);
  assert.equal(p.resources.length, 2);
  assert.deepEqual(
    p.resources.map((r) => r.id),
    d.resources.map((r) => r.id),
  );
  const privateOnly = value(fromPackageDict({ id: d.id, private: 'true' }, 'patch', d));
  assert.equal(privateOnly.private, true);
  assert.deepEqual([...privateOnly.tags].sort(), [...d.tags].sort());
});

test('resource_create: package_id required; a file or a link', () => {
  assert.deepEqual(error(fromResourceDict({ url: 'https://x.jp/a.csv' }, null)).message, {
    package_id: ['Missing value'],
  });
  const link = value(fromResourceDict({ package_id: 'shelters', url: 'https://x.jp/a.csv' }, null));
  assert.deepEqual(link, {
    packageId: 'shelters',
    name: 'a.csv',
    description: '',
    format: 'CSV',
    url: 'https://x.jp/a.csv',
  });
  const file = value(
    fromResourceDict({ package_id: 'shelters', name: '避難所一覧', format: 'csv' }, { fileName: 'a.csv' }),
  );
  assert.equal(file.url, '');
  assert.equal(file.format, 'CSV');
  assert.equal(file.name, '避難所一覧');
  assert.equal(value(fromResourceDict({ package_id: 'shelters' }, { fileName: 'hinanjo.csv' })).name, 'hinanjo.csv');
});
