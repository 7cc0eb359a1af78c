// datastore_search's parameters, checks against the columns, and result shape (ckanext/datastore).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Column } from '../model.ts';
import {
  type DatastoreRow,
  datastoreLinks,
  parseDatastoreSearchParams,
  resolveDatastoreQuery,
  toDatastoreResult,
} from './datastore.ts';
import type { CkanResult } from './envelope.ts';
import { shapeProblems } from './test-fixtures.ts';

const resourceId = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
const columns: Column[] = [
  { name: '名称', type: 'text' },
  { name: '緯度', type: 'latitude' },
  { name: '経度', type: 'longitude' },
  { name: '設置台数', type: 'integer' },
];
const rows: DatastoreRow[] = [
  { id: 1, values: { 名称: '市役所本庁舎', 緯度: '35.5308', 経度: '139.7029', 設置台数: '2' } },
  { id: 2, values: { 名称: '中原区役所', 緯度: '35.5763', 経度: '139.6595', 設置台数: '' } },
];

function value<T>(r: CkanResult<T>): T {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

function error<T>(r: CkanResult<T>) {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
}

function search(input: Record<string, unknown>, url = `/api/3/action/datastore_search?resource_id=${resourceId}`) {
  const params = value(parseDatastoreSearchParams(input));
  const query = value(resolveDatastoreQuery(params, columns));
  return toDatastoreResult({ params, query, rows, total: 2, currentUrl: url });
}

test('defaults: limit 100, include_total, records as objects', () => {
  const p = value(parseDatastoreSearchParams({ resource_id: resourceId }));
  assert.equal(p.limit, 100);
  assert.equal(p.offset, null);
  assert.equal(p.includeTotal, true);
  assert.equal(p.recordsFormat, 'objects');
  assert.equal(value(parseDatastoreSearchParams({ id: resourceId })).resourceId, resourceId);
  assert.equal(value(parseDatastoreSearchParams({ resource_id: resourceId, limit: '50000' })).limit, 32000);
});

test('parameter errors in CKAN shape', () => {
  assert.deepEqual(error(parseDatastoreSearchParams({})).message, { resource_id: ['Missing value'] });
  assert.deepEqual(error(parseDatastoreSearchParams({ resource_id: resourceId, limit: 'ten' })).message, {
    limit: ['Invalid integer'],
  });
  assert.deepEqual(error(parseDatastoreSearchParams({ resource_id: resourceId, filters: '{bad' })).message, {
    filters: ['Cannot parse JSON'],
  });
  assert.deepEqual(error(parseDatastoreSearchParams({ resource_id: resourceId, records_format: 'xml' })).message, {
    records_format: ["Value must be one of ['objects', 'lists', 'csv', 'tsv']"],
  });
  assert.deepEqual(error(parseDatastoreSearchParams({ resource_id: resourceId, fields: 3 })).message, {
    fields: ['Not a list'],
  });
});

test('filters, fields and sort from a query string', () => {
  const p = value(
    parseDatastoreSearchParams({
      resource_id: resourceId,
      filters: '{"名称": ["市役所本庁舎", "中原区役所"]}',
      fields: '_id, 名称, "設置台数"',
      sort: '設置台数 desc nulls last, _id',
      offset: '10',
    }),
  );
  assert.deepEqual(p.filters, { 名称: ['市役所本庁舎', '中原区役所'] });
  assert.deepEqual(p.fields, ['_id', '名称', '設置台数']);
  const q = value(resolveDatastoreQuery(p, columns));
  assert.deepEqual(q.fields, [
    { id: '_id', type: 'int' },
    { id: '名称', type: 'text' },
    { id: '設置台数', type: 'int4' },
  ]);
  assert.deepEqual(q.filters, [{ column: '名称', values: ['市役所本庁舎', '中原区役所'] }]);
  assert.deepEqual(q.sort, [
    { field: '設置台数', direction: 'desc', nulls: 'last' },
    { field: '_id', direction: 'asc' },
  ]);
  assert.equal(q.offset, 10);
});

test('names that are not columns: CKAN\'s invalid value "…", first problem only', () => {
  const check = (input: Record<string, unknown>) =>
    error(resolveDatastoreQuery(value(parseDatastoreSearchParams({ resource_id: resourceId, ...input })), columns))
      .message;
  assert.deepEqual(check({ fields: '名称,住所' }), { fields: ['invalid value "住所"'] });
  assert.deepEqual(check({ filters: { 住所: 'x' } }), { filters: ['invalid value "住所"'] });
  assert.deepEqual(check({ sort: '住所 asc' }), { sort: ['invalid value "住所 asc"'] });
  assert.deepEqual(check({ q: { 住所: 'x' } }), { q: ['invalid value "住所"'] });
  assert.deepEqual(check({ offset: '-5' }), { offset: ['invalid value "-5"'] });
  assert.deepEqual(check({ _: '1700000000' }), { __extras: ['invalid value "_"'] });
});

test('result: the request echoed, _id first as int, typed records, links and total', () => {
  const result = search({ resource_id: resourceId, limit: 2 });
  assert.deepEqual(
    shapeProblems(result, {
      resource_id: 'string',
      limit: 'number',
      include_total: 'boolean',
      total_estimation_threshold: ['number', 'null'],
      records_format: 'string',
      fields: 'array',
      records: 'array',
      _links: 'object',
      total: 'number',
      total_was_estimated: 'boolean',
    }),
    [],
  );
  const fields = result.fields as { id: string; type: string }[];
  assert.deepEqual(fields[0], { id: '_id', type: 'int' });
  assert.deepEqual(
    fields.map((f) => f.id),
    ['_id', '名称', '緯度', '経度', '設置台数'],
  );
  assert.deepEqual((result.records as unknown[])[0], {
    _id: 1,
    名称: '市役所本庁舎',
    緯度: 35.5308,
    経度: 139.7029,
    設置台数: 2,
  });
  assert.equal((result.records as Record<string, unknown>[])[1]!.設置台数, null);
  assert.equal(result.total, 2);
});

test('given offset, filters, q and sort are echoed; include_total=false drops the total', () => {
  const result = search({ resource_id: resourceId, offset: 0, filters: { 名称: '中原区役所' }, sort: '_id desc' });
  assert.equal(result.offset, 0);
  assert.deepEqual(result.filters, { 名称: '中原区役所' });
  assert.equal(result.sort, '_id desc');
  const noTotal = search({ resource_id: resourceId, include_total: 'false' });
  assert.equal('total' in noTotal, false);
  assert.equal('total_was_estimated' in noTotal, false);
});

test('a text q adds the float "rank" field, as CKAN\'s full-text search does', () => {
  const result = search({ resource_id: resourceId, q: '区役所' });
  const fields = result.fields as { id: string; type: string }[];
  assert.deepEqual(fields.at(-1), { id: 'rank', type: 'float' });
  assert.equal(typeof (result.records as Record<string, unknown>[])[0]!.rank, 'number');
  assert.equal(result.q, '区役所');
});

test('lists and csv record formats', () => {
  const lists = search({ resource_id: resourceId, records_format: 'lists', fields: ['_id', '名称'] });
  assert.deepEqual(lists.records, [
    [1, '市役所本庁舎'],
    [2, '中原区役所'],
  ]);
  const csv = search({ resource_id: resourceId, records_format: 'csv', fields: '名称,設置台数' });
  assert.equal(csv.records, '市役所本庁舎,2\n中原区役所,\n');
});

test('_links: start without offset, next with offset + limit, prev only past the first page', () => {
  const url = `/api/3/action/datastore_search?resource_id=${resourceId}&limit=5&q=a b`;
  const first = datastoreLinks(url, 5, 0);
  assert.equal(first.start, `/api/3/action/datastore_search?resource_id=${resourceId}&limit=5&q=a+b`);
  assert.equal(first.next, `/api/3/action/datastore_search?resource_id=${resourceId}&limit=5&q=a+b&offset=5`);
  assert.equal(first.prev, undefined);
  const third = datastoreLinks(`${url}&offset=10`, 5, 10);
  assert.equal(third.next, `/api/3/action/datastore_search?resource_id=${resourceId}&limit=5&q=a+b&offset=15`);
  assert.equal(third.prev, `/api/3/action/datastore_search?resource_id=${resourceId}&limit=5&q=a+b&offset=5`);
  // A POST has no query string: the links are the bare path.
  assert.deepEqual(datastoreLinks('/api/3/action/datastore_search', 100, 0), {
    start: '/api/3/action/datastore_search',
    next: '/api/3/action/datastore_search?offset=100',
  });
});
