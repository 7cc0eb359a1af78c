// The catalogue as DCAT JSON-LD and schema.org: each fact of a dataset where harvesters and dataset search
// engines look for it, with the vocabularies DCAT-AP names, and the embedded script safe against its data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Dataset, type Frequency, frequencies, licenses, type Resource } from '../model.ts';
import { dcatContext, jsonLdScript, toDcatCatalog, toDcatDataset, toSchemaOrgDataset } from './dcat.ts';

const base = { baseUrl: 'https://city.example.jp/', publisherName: '川崎市' };
const sha = `${'a'.repeat(63)}F`; // upper case on the way in, lower case on the way out

function resource(over: Partial<Resource>): Resource {
  return {
    id: '00000000-0000-4000-8000-0000000000a1',
    datasetId: '00000000-0000-4000-8000-000000000001',
    name: 'AED設置箇所一覧',
    description: '市内の AED の設置場所',
    format: 'CSV',
    urlType: 'upload',
    url: '',
    fileName: 'aed.csv',
    mimetype: 'text/csv; charset=utf-8',
    size: 12345,
    sha256: sha,
    columns: [{ name: '名称', type: 'text' }],
    rowCount: 120,
    datastoreActive: true,
    latColumn: '緯度',
    lonColumn: '経度',
    sourceEncoding: 'Shift_JIS',
    position: 0,
    createdAt: '2026-04-01T00:00:00.000Z',
    modifiedAt: '2026-04-02T03:04:05.000Z',
    ...over,
  };
}

function dataset(over: Partial<Dataset> = {}): Dataset {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'aed',
    title: 'AED設置箇所',
    notes: '川崎市内の公共施設に設置している AED（自動体外式除細動器）の一覧です。',
    organization: { name: 'kenko-fukushi', title: '健康福祉局', titleEn: 'Health and Welfare Bureau' },
    licenseId: 'cc-by-4.0',
    frequency: 'monthly',
    spatial: '川崎市中原区',
    temporalStart: '2025-04-01',
    temporalEnd: null,
    contactName: '健康福祉局 地域医療課',
    contactEmail: 'iryo@city.example.jp',
    standard: '自治体標準オープンデータセット AED設置箇所',
    private: false,
    state: 'active',
    revision: 3,
    tags: ['AED', '医療'],
    groups: [{ id: 'g1', name: 'health', title: '健康・医療', description: '健康と医療のデータ' }],
    resources: [
      resource({
        id: '00000000-0000-4000-8000-0000000000a2',
        name: '設置基準',
        format: 'PDF',
        urlType: 'link',
        url: 'https://www.city.example.jp/aed.pdf',
        fileName: null,
        mimetype: null,
        size: null,
        sha256: null,
        position: 1,
      }),
      resource({}),
    ],
    createdBy: 'staff-1',
    createdAt: '2026-03-31T15:00:00.000Z',
    modifiedAt: '2026-04-02T03:04:05.000Z',
    ...over,
  };
}

const datasetId = 'https://city.example.jp/open-data/datasets/aed';

test('a dataset as DCAT: identity, title and description in Japanese, publisher, keywords and themes', () => {
  const doc = toDcatDataset(dataset(), base) as any;
  assert.deepEqual(doc['@context'], dcatContext);
  assert.equal(doc['@context'].dcat, 'http://www.w3.org/ns/dcat#');
  assert.equal(doc['@context'].dct, 'http://purl.org/dc/terms/');
  assert.equal(doc['@type'], 'dcat:Dataset');
  assert.equal(doc['@id'], datasetId);
  assert.deepEqual(doc['dcat:landingPage'], { '@id': datasetId });
  assert.deepEqual(doc['dct:title'], { '@value': 'AED設置箇所', '@language': 'ja' });
  assert.equal(doc['dct:description']['@language'], 'ja');
  assert.equal(doc['dct:publisher']['@type'], 'foaf:Organization');
  assert.deepEqual(doc['dct:publisher']['foaf:name'][0], { '@value': '健康福祉局', '@language': 'ja' });
  assert.deepEqual(doc['dct:publisher']['org:unitOf']['foaf:name'], { '@value': '川崎市', '@language': 'ja' });
  assert.deepEqual(
    doc['dcat:keyword'].map((k: any) => k['@value']),
    ['AED', '医療'],
  );
  assert.equal(doc['dcat:theme'][0]['@id'], 'https://city.example.jp/open-data/groups/health');
  assert.deepEqual(doc['dcat:theme'][0]['skos:prefLabel'], { '@value': '健康・医療', '@language': 'ja' });
  assert.equal(doc['dcat:version'], '3');
  assert.deepEqual(doc['dct:conformsTo']['dct:title']['@value'], '自治体標準オープンデータセット AED設置箇所');
});

test('licence, update frequency, coverage in space and time, contact and dates in the vocabularies DCAT-AP names', () => {
  const doc = toDcatDataset(dataset(), base) as any;
  assert.deepEqual(doc['dct:license'], { '@id': licenses['cc-by-4.0'].url });
  assert.deepEqual(toDcatDataset(dataset({ licenseId: 'pdl-1.0' }), base)['dct:license'], {
    '@id': licenses['pdl-1.0'].url,
  });
  const expected: Record<Frequency, string> = {
    daily: 'DAILY',
    weekly: 'WEEKLY',
    monthly: 'MONTHLY',
    quarterly: 'QUARTERLY',
    annual: 'ANNUAL',
    irregular: 'IRREG',
  };
  for (const frequency of Object.keys(frequencies) as Frequency[]) {
    assert.deepEqual((toDcatDataset(dataset({ frequency }), base) as any)['dct:accrualPeriodicity'], {
      '@id': `http://publications.europa.eu/resource/authority/frequency/${expected[frequency]}`,
    });
  }
  assert.equal(doc['dct:spatial']['@type'], 'dct:Location');
  assert.equal(doc['dct:spatial']['skos:prefLabel']['@value'], '川崎市中原区');
  assert.match(doc['dct:spatial']['dcat:bbox']['@value'], /^POLYGON\(\(139\.\d+ 35\.\d+, /);
  assert.equal(doc['dct:spatial']['dcat:bbox']['@type'], 'gsp:wktLiteral');
  assert.deepEqual(doc['dct:temporal'], {
    '@type': 'dct:PeriodOfTime',
    'dcat:startDate': { '@value': '2025-04-01', '@type': 'xsd:date' },
  });
  assert.deepEqual(doc['dcat:contactPoint'], {
    '@type': 'vcard:Kind',
    'vcard:fn': '健康福祉局 地域医療課',
    'vcard:hasEmail': { '@id': 'mailto:iryo@city.example.jp' },
  });
  assert.deepEqual(doc['dct:issued'], { '@value': '2026-03-31T15:00:00.000Z', '@type': 'xsd:dateTime' });
  assert.deepEqual(doc['dct:modified'], { '@value': '2026-04-02T03:04:05.000Z', '@type': 'xsd:dateTime' });
  assert.deepEqual(doc['dct:language'], { '@id': 'http://publications.europa.eu/resource/authority/language/JPN' });
});

test('a fact the dataset does not have is absent, not null', () => {
  const bare = toDcatDataset(
    dataset({
      notes: '',
      spatial: '',
      temporalStart: null,
      contactName: '',
      contactEmail: '',
      standard: null,
      tags: [],
    }),
    base,
  );
  for (const key of ['dct:description', 'dct:spatial', 'dct:temporal', 'dcat:contactPoint', 'dct:conformsTo']) {
    assert.ok(!(key in bare), key);
  }
  assert.ok(!('dcat:keyword' in bare));
  assert.ok(!JSON.stringify(bare).includes('null'));
});

test('every resource is a distribution, in order: uploads with their download address, size and checksum', () => {
  const [upload, link] = (toDcatDataset(dataset(), base) as any)['dcat:distribution'];
  const download = `${datasetId}/resources/00000000-0000-4000-8000-0000000000a1/download`;
  assert.deepEqual(upload, {
    '@id': `${datasetId}/resources/00000000-0000-4000-8000-0000000000a1`,
    '@type': 'dcat:Distribution',
    'dct:identifier': '00000000-0000-4000-8000-0000000000a1',
    'dct:title': { '@value': 'AED設置箇所一覧', '@language': 'ja' },
    'dct:description': { '@value': '市内の AED の設置場所', '@language': 'ja' },
    'dcat:accessURL': { '@id': download },
    'dcat:downloadURL': { '@id': download },
    'dcat:mediaType': { '@id': 'https://www.iana.org/assignments/media-types/text/csv' },
    'dct:format': { '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' },
    'dcat:byteSize': { '@value': '12345', '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': sha.toLowerCase(), '@type': 'xsd:hexBinary' },
    },
    'dct:license': { '@id': licenses['cc-by-4.0'].url },
    'dct:issued': { '@value': '2026-04-01T00:00:00.000Z', '@type': 'xsd:dateTime' },
    'dct:modified': { '@value': '2026-04-02T03:04:05.000Z', '@type': 'xsd:dateTime' },
  });
  assert.deepEqual(link['dcat:accessURL'], { '@id': 'https://www.city.example.jp/aed.pdf' });
  assert.ok(!('dcat:downloadURL' in link));
  assert.deepEqual(link['dcat:mediaType'], { '@id': 'https://www.iana.org/assignments/media-types/application/pdf' });
  assert.deepEqual(link['dct:format'], { '@id': 'http://publications.europa.eu/resource/authority/file-type/PDF' });
  assert.ok(!('spdx:checksum' in link) && !('dcat:byteSize' in link));
});

test('GeoJSON and XLSX get their IANA types; an unknown format is plain text; only web links become addresses', () => {
  const doc = toDcatDataset(
    dataset({
      resources: [
        resource({ id: 'r1', format: 'GeoJSON', mimetype: null }),
        resource({ id: 'r2', format: 'XLSX', mimetype: null }),
        resource({ id: 'r3', format: 'Shapefile', mimetype: null, urlType: 'link', url: 'javascript:alert(1)' }),
      ],
    }),
    base,
  ) as any;
  const [geojson, xlsx, other] = doc['dcat:distribution'];
  assert.equal(geojson['dcat:mediaType']['@id'], 'https://www.iana.org/assignments/media-types/application/geo+json');
  assert.equal(geojson['dct:format']['@id'], 'http://publications.europa.eu/resource/authority/file-type/GEOJSON');
  assert.match(xlsx['dcat:mediaType']['@id'], /spreadsheetml\.sheet$/);
  assert.equal(other['dct:format'], 'Shapefile');
  assert.ok(!('dcat:mediaType' in other));
  assert.ok(!('dcat:accessURL' in other));
  assert.ok(!JSON.stringify(doc).includes('javascript:'));
});

test('every prefixed term is declared in the context, and the document is plain JSON', () => {
  const doc = toDcatCatalog([dataset()], {
    ...base,
    catalogTitle: '川崎市オープンデータ',
    homepage: 'https://city.example.jp/',
  });
  const text = JSON.stringify(doc);
  assert.deepEqual(JSON.parse(text), doc);
  const prefixes = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes(':')) prefixes.add(key.split(':')[0]!);
        if ((key === '@type' || key === '@id') && typeof inner === 'string' && /^[a-z]+:[A-Za-z]/.test(inner)) {
          if (!/^(https?|mailto):/.test(inner)) prefixes.add(inner.split(':')[0]!);
        }
        visit(inner);
      }
    }
  };
  visit(doc);
  for (const prefix of prefixes) assert.ok(prefix in dcatContext, prefix);
});

test('the catalogue lists only published datasets, with its title, homepage and last change', () => {
  const catalog = toDcatCatalog(
    [
      dataset(),
      dataset({ name: 'secret', private: true }),
      dataset({ name: 'draft', state: 'draft' }),
      dataset({ name: 'gone', state: 'deleted' }),
      dataset({ name: 'later', modifiedAt: '2026-05-01T00:00:00.000Z' }),
    ],
    { ...base, catalogTitle: '川崎市オープンデータカタログ', homepage: 'https://city.example.jp/open-data' },
  ) as any;
  assert.equal(catalog['@type'], 'dcat:Catalog');
  assert.equal(catalog['@id'], 'https://city.example.jp/open-data');
  assert.deepEqual(catalog['dct:title'], { '@value': '川崎市オープンデータカタログ', '@language': 'ja' });
  assert.deepEqual(catalog['foaf:homepage'], { '@id': 'https://city.example.jp/open-data' });
  assert.deepEqual(catalog['dct:publisher']['foaf:name'], { '@value': '川崎市', '@language': 'ja' });
  assert.deepEqual(
    catalog['dcat:dataset'].map((d: any) => d['@id']),
    [datasetId, 'https://city.example.jp/open-data/datasets/later'],
  );
  assert.ok(catalog['dcat:dataset'].every((d: any) => !('@context' in d)));
  assert.equal(catalog['dct:modified']['@value'], '2026-05-01T00:00:00.000Z');
});

test('schema.org Dataset with the fields dataset search reads', () => {
  const doc = toSchemaOrgDataset(dataset(), base) as any;
  assert.equal(doc['@context'], 'https://schema.org');
  assert.equal(doc['@type'], 'Dataset');
  assert.equal(doc.name, 'AED設置箇所');
  assert.match(doc.description, /AED/);
  assert.equal(doc.url, datasetId);
  assert.deepEqual(doc.keywords, ['AED', '医療']);
  assert.equal(doc.license, licenses['cc-by-4.0'].url);
  assert.equal(doc.creator['@type'], 'GovernmentOrganization');
  assert.equal(doc.creator.name, '健康福祉局');
  assert.equal(doc.creator.parentOrganization.name, '川崎市');
  assert.equal(doc.creator.contactPoint.email, 'iryo@city.example.jp');
  assert.deepEqual(
    doc.distribution.map((d: any) => [d['@type'], d.encodingFormat, d.contentUrl]),
    [
      ['DataDownload', 'text/csv', `${datasetId}/resources/00000000-0000-4000-8000-0000000000a1/download`],
      ['DataDownload', 'application/pdf', 'https://www.city.example.jp/aed.pdf'],
    ],
  );
  assert.equal(doc.temporalCoverage, '2025-04-01/..');
  assert.equal(doc.spatialCoverage['@type'], 'Place');
  assert.equal(doc.spatialCoverage.name, '川崎市中原区');
  assert.match(doc.spatialCoverage.geo.box, /^35\.\d+ 139\.\d+ 35\.\d+ 139\.\d+$/);
  assert.equal(doc.dateModified, '2026-04-02T03:04:05.000Z');
  const closed = toSchemaOrgDataset(dataset({ temporalEnd: '2026-03-31', notes: '' }), base) as any;
  assert.equal(closed.temporalCoverage, '2025-04-01/2026-03-31');
  assert.equal(closed.description, 'AED設置箇所');
});

test('the embedded script cannot be closed early by the data, and still parses to the same object', () => {
  const hostile = toSchemaOrgDataset(
    dataset({ title: '</script><script>alert(1)</script>', notes: '<!-- コメント --> & "引用" \u2028' }),
    base,
  );
  const script = jsonLdScript(hostile);
  assert.ok(script.startsWith('<script type="application/ld+json">'));
  assert.ok(script.endsWith('</script>'));
  assert.equal(script.indexOf('</script'), script.length - '</script>'.length);
  assert.equal(script.match(/<script/g)?.length, 1);
  assert.ok(!script.includes('<!--'));
  const json = script.slice('<script type="application/ld+json">'.length, -'</script>'.length);
  assert.deepEqual(JSON.parse(json), hostile);
});
