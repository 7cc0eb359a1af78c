// Action parameters from GET query strings and POST bodies, checked and defaulted as CKAN does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CkanResult } from './envelope.ts';
import {
  parseFilterQuery,
  parseGroupShowParams,
  parseIdParam,
  parseListParams,
  parsePackageListParams,
  parsePackageSearchParams,
  parseTagListParams,
} from './params.ts';

function value<T>(r: CkanResult<T>): T {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  return r.value;
}

function error<T>(r: CkanResult<T>) {
  assert.ok(!r.ok, 'expected a failure');
  return r.error;
}

test('package_search defaults: rows 10, start 0, CKAN default sort, facet.limit 50, mincount 1', () => {
  const p = value(parsePackageSearchParams({}));
  assert.equal(p.rows, 10);
  assert.equal(p.start, 0);
  assert.equal(p.sort, 'score desc, metadata_modified desc');
  assert.deepEqual(p.sortClauses, [
    { field: 'score', direction: 'desc' },
    { field: 'metadata_modified', direction: 'desc' },
  ]);
  assert.equal(p.facetLimit, 50);
  assert.equal(p.facetMincount, 1);
  assert.deepEqual(p.facetFields, []);
  assert.equal(p.includePrivate, false);
  assert.equal(p.q, '');
  assert.equal(p.fl, null);
});

test('package_search from a query string: numbers and booleans as text, facet.field as JSON', () => {
  const p = value(
    parsePackageSearchParams({
      q: '避難所',
      fq: 'organization:somu',
      rows: '25',
      start: '50',
      sort: 'metadata_modified desc',
      'facet.field': '["organization","tags","res_format"]',
      'facet.limit': '-1',
      include_private: 'True',
      callback: 'cb',
    }),
  );
  assert.equal(p.rows, 25);
  assert.equal(p.start, 50);
  assert.deepEqual(p.facetFields, ['organization', 'tags', 'res_format']);
  assert.equal(p.facetLimit, -1);
  assert.equal(p.includePrivate, true);
  assert.deepEqual(p.sortClauses, [{ field: 'metadata_modified', direction: 'desc' }]);
});

test('package_search from a JSON body: real types, facet.field as a list', () => {
  const p = value(parsePackageSearchParams({ rows: 5, 'facet.field': ['tags'], include_private: true }));
  assert.equal(p.rows, 5);
  assert.deepEqual(p.facetFields, ['tags']);
  assert.equal(p.includePrivate, true);
});

test('rows above 1000 become 1000, as CKAN quietly limits them', () => {
  assert.equal(value(parsePackageSearchParams({ rows: '5000' })).rows, 1000);
});

test('wrong types are CKAN validation errors, all at once', () => {
  const e = error(parsePackageSearchParams({ rows: 'abc', start: '-1', 'facet.field': 'tags' }));
  assert.equal(e.kind, 'validation');
  assert.deepEqual(e.message, {
    rows: ['Invalid integer'],
    start: ['Must be a natural number'],
    'facet.field': ['Could not parse as valid JSON'],
  });
  assert.deepEqual(error(parsePackageSearchParams({ 'facet.field': '"tags"' })).message, {
    'facet.field': ['Not a list'],
  });
  assert.deepEqual(error(parsePackageSearchParams({ rows: 2.5 })).message, { rows: ['Invalid integer'] });
});

test('unknown parameters are a Search Query Error naming them; ext_ ones are kept aside', () => {
  const e = error(parsePackageSearchParams({ q: 'x', foo: '1', _: '123' }));
  assert.equal(e.kind, 'search_query');
  assert.equal(e.message, "Invalid search parameters: ['_', 'foo']");
  const p = value(parsePackageSearchParams({ ext_bbox: '1,2,3,4' }));
  assert.deepEqual(p.extras, { ext_bbox: '1,2,3,4' });
});

test('a sort we cannot do is CKAN\'s Invalid "sort" parameter', () => {
  const e = error(parsePackageSearchParams({ sort: 'popularity desc' }));
  assert.equal(e.kind, 'search_query');
  assert.equal(e.message, 'Invalid "sort" parameter');
  assert.equal(value(parsePackageSearchParams({ sort: 'rank' })).sort, 'score desc, metadata_modified desc');
  assert.deepEqual(value(parsePackageSearchParams({ sort: 'title_string asc, name' })).sortClauses, [
    { field: 'title_string', direction: 'asc' },
    { field: 'name', direction: 'asc' },
  ]);
});

test('fl picks result keys', () => {
  assert.deepEqual(value(parsePackageSearchParams({ fl: 'id,name' })).fl, ['id', 'name']);
  assert.deepEqual(value(parsePackageSearchParams({ fl: ['id', 'title'] })).fl, ['id', 'title']);
});

test('fq: fields, quotes, +/-, OR lists and *:*', () => {
  const q = value(
    parseFilterQuery('organization:somu +tags:"子育て 支援" -res_format:PDF groups:(health OR welfare) AND *:* 公園'),
  );
  assert.deepEqual(q.clauses, [
    { field: 'organization', values: ['somu'], exclude: false },
    { field: 'tags', values: ['子育て 支援'], exclude: false },
    { field: 'res_format', values: ['PDF'], exclude: true },
    { field: 'groups', values: ['health', 'welfare'], exclude: false },
  ]);
  assert.deepEqual(q.terms, ['公園']);
  assert.deepEqual(value(parseFilterQuery('dataset_type:dataset')).clauses, [
    { field: 'type', values: ['dataset'], exclude: false },
  ]);
  const unknown = error(parseFilterQuery('colour:red'));
  assert.equal(unknown.kind, 'search');
  assert.equal(error(parseFilterQuery('tags:a OR tags:b')).kind, 'search_query');
});

test('package_list: limit and offset', () => {
  assert.deepEqual(value(parsePackageListParams({})), { limit: null, offset: 0 });
  assert.deepEqual(value(parsePackageListParams({ limit: '10', offset: '20' })), { limit: 10, offset: 20 });
  assert.deepEqual(error(parsePackageListParams({ limit: 'x' })).message, { limit: ['Invalid integer'] });
});

test('organization_list: defaults, limits and all_fields', () => {
  const p = value(parseListParams({}, 'organization'));
  assert.equal(p.limit, 1000);
  assert.equal(p.offset, 0);
  assert.equal(p.allFields, false);
  assert.deepEqual(p.sort, { field: 'title', direction: 'asc' });
  assert.equal(p.includeDatasetCount, true);
  const all = value(parseListParams({ all_fields: 'true', limit: '100' }, 'organization'));
  assert.equal(all.allFields, true);
  assert.equal(all.limit, 25);
  assert.deepEqual(value(parseListParams({ sort: 'package_count' }, 'organization')).sort, {
    field: 'package_count',
    direction: 'desc',
  });
  assert.deepEqual(value(parseListParams({ organizations: 'a,b' }, 'organization')).names, ['a', 'b']);
  assert.deepEqual(value(parseListParams({ groups: ['g1'] }, 'group')).names, ['g1']);
});

test('organization_list: CKAN errors for bad sort and pagination', () => {
  assert.deepEqual(error(parseListParams({ sort: 'created desc' }, 'organization')).message, {
    message: 'Cannot sort by field `created`',
  });
  assert.deepEqual(error(parseListParams({ sort: 'name up' }, 'organization')).message, {
    message: 'Invalid sort direction `up`',
  });
  assert.equal(
    error(parseListParams({ sort: 'name asc, title asc' }, 'organization')).message,
    'Too many sort criteria provided only 1 allowed',
  );
  assert.deepEqual(error(parseListParams({ limit: '-5' }, 'group')).message, {
    limit: ['Must be a natural number'],
  });
});

test('ids: each action names the missing key as CKAN does', () => {
  assert.deepEqual(error(parseIdParam({}, 'package_show')).message, { name_or_id: ['Missing value'] });
  assert.equal(value(parseIdParam({ name_or_id: 'aed' }, 'package_show')), 'aed');
  assert.deepEqual(error(parseIdParam({}, 'package_update')).message, { id: 'Missing value' });
  assert.equal(value(parseIdParam({ name: 'aed' }, 'package_update')), 'aed');
  assert.deepEqual(error(parseIdParam({}, 'resource_create')).message, { package_id: ['Missing value'] });
  assert.deepEqual(error(parseIdParam({ id: '' }, 'resource_show')).message, { id: ['Missing value'] });
});

test("organization_show options; a bad boolean is CKAN's message", () => {
  const p = value(parseGroupShowParams({ id: 'somu', include_datasets: 'true' }));
  assert.equal(p.includeDatasets, true);
  assert.equal(p.includeDatasetCount, true);
  assert.deepEqual(error(parseGroupShowParams({ id: 'somu', include_datasets: 'maybe' })).message, {
    message: 'Parameter is not an bool',
  });
});

test('tag_list: query, and all_fields by plain truth as CKAN tests it', () => {
  assert.deepEqual(value(parseTagListParams({ q: ' 防 ' })), { query: '防', vocabularyId: null, allFields: false });
  assert.equal(value(parseTagListParams({ all_fields: 'false' })).allFields, true);
  assert.equal(value(parseTagListParams({ all_fields: false })).allFields, false);
});
