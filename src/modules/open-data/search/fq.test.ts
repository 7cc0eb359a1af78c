// CKAN's q and fq parsed into the search's conditions (the database side is in search-datasets.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchQueryError } from './errors.ts';
import { parseDateBound, parseFilterQuery, parseQuery, type SearchNode } from './fq.ts';

const match = (field: string, value: string) => ({ kind: 'match', field, value });
const text = (value: string, field = 'text', phrase = false) => ({ kind: 'text', field, value, phrase });

test('field:value terms, quoted and escaped values, joined by spaces, AND, && or +', () => {
  assert.deepEqual(parseFilterQuery('organization:somu-kikaku.digital'), match('organization', 'somu-kikaku.digital'));
  assert.deepEqual(parseFilterQuery('tags:"子育て 支援"'), match('tags', '子育て 支援'));
  assert.deepEqual(parseFilterQuery('tags:子育て\\ 支援'), match('tags', '子育て 支援'));
  assert.deepEqual(parseFilterQuery('tags:"say \\"hi\\""'), match('tags', 'say "hi"'));
  assert.deepEqual(parseFilterQuery('owner_org:kiki-kanri'), match('organization', 'kiki-kanri'));
  assert.deepEqual(parseFilterQuery('name: aed'), match('name', 'aed'), 'a space after the colon');
  const both = { kind: 'and', nodes: [match('tags', '防災'), match('res_format', 'CSV')] };
  for (const fq of ['tags:防災 res_format:CSV', 'tags:防災 AND res_format:CSV', 'tags:防災 && res_format:CSV']) {
    assert.deepEqual(parseFilterQuery(fq), both, fq);
  }
  assert.deepEqual(parseFilterQuery('+tags:防災 +res_format:CSV'), both);
});

test('negation, alternatives and groups', () => {
  assert.deepEqual(parseFilterQuery('-res_format:PDF'), { kind: 'not', node: match('res_format', 'PDF') });
  assert.deepEqual(parseFilterQuery('NOT tags:x'), { kind: 'not', node: match('tags', 'x') });
  assert.deepEqual(parseFilterQuery('!tags:x'), { kind: 'not', node: match('tags', 'x') });
  assert.deepEqual(parseFilterQuery('license_id:(cc-by-4.0 OR pdl-1.0)'), {
    kind: 'or',
    nodes: [match('license_id', 'cc-by-4.0'), match('license_id', 'pdl-1.0')],
  });
  assert.deepEqual(parseFilterQuery('tags:a OR tags:b tags:c'), {
    kind: 'or',
    nodes: [match('tags', 'a'), { kind: 'and', nodes: [match('tags', 'b'), match('tags', 'c')] }],
  });
  assert.deepEqual(parseFilterQuery('(tags:a || tags:b) -groups:*'), {
    kind: 'and',
    nodes: [
      { kind: 'or', nodes: [match('tags', 'a'), match('tags', 'b')] },
      { kind: 'not', node: { kind: 'exists', field: 'groups' } },
    ],
  });
  assert.deepEqual(parseFilterQuery('tags:ANDROID'), match('tags', 'ANDROID'), 'AND inside a word is a word');
});

test('date ranges with ISO times, * and NOW date math', () => {
  assert.deepEqual(parseFilterQuery('metadata_modified:[2024-04-01T00:00:00Z TO *]'), {
    kind: 'range',
    field: 'metadata_modified',
    from: { kind: 'instant', iso: '2024-04-01T00:00:00Z' },
    to: null,
    fromInclusive: true,
    toInclusive: true,
  });
  const exclusive = parseFilterQuery('metadata_created:{* TO NOW/DAY}') as Extract<SearchNode, { kind: 'range' }>;
  assert.equal(exclusive.fromInclusive, false);
  assert.equal(exclusive.toInclusive, false);
  assert.deepEqual(exclusive.to, { kind: 'now', steps: [{ op: '/', unit: 'day' }] });
  assert.deepEqual(parseDateBound('NOW-7DAYS+1HOUR'), {
    kind: 'now',
    steps: [
      { op: '-', amount: 7, unit: 'day' },
      { op: '+', amount: 1, unit: 'hour' },
    ],
  });
  assert.deepEqual(parseDateBound('2024-04-01'), { kind: 'instant', iso: '2024-04-01T00:00:00Z' });
  assert.deepEqual(parseDateBound('2024-04-01T09:00:00.123456789+09:00'), {
    kind: 'instant',
    iso: '2024-04-01T09:00:00.123456+09:00',
  });
  for (const bad of ['2024-02-30', '2024-13-01', '2024-04-01T24:00:00Z', 'NOW-7FORTNIGHTS', 'yesterday', '']) {
    assert.equal(parseDateBound(bad), undefined, bad);
  }
});

test('q: empty and *:* are everything; words search the text; field syntax as in fq', () => {
  assert.deepEqual(parseQuery(undefined), { kind: 'all' });
  assert.deepEqual(parseQuery('  '), { kind: 'all' });
  assert.deepEqual(parseQuery('*:*'), { kind: 'all' });
  assert.deepEqual(parseQuery('避難所'), text('避難所'));
  assert.deepEqual(parseQuery('避難所 -訓練'), {
    kind: 'and',
    nodes: [text('避難所'), { kind: 'not', node: text('訓練') }],
  });
  assert.deepEqual(parseQuery('"子育て 支援"'), text('子育て 支援', 'text', true));
  assert.deepEqual(parseQuery('tags:防災'), match('tags', '防災'));
  assert.deepEqual(parseQuery('title:避難所 防災'), { kind: 'and', nodes: [text('避難所', 'title'), text('防災')] });
  assert.deepEqual(parseQuery('res_format:*'), { kind: 'exists', field: 'res_format' });
  assert.deepEqual(parseFilterQuery('tags:\\*'), match('tags', '*'), 'an escaped star is a star');
});

test('q without field syntax that Solr would refuse is read as plain words', () => {
  assert.deepEqual(parseQuery('避難所 ('), { kind: 'and', nodes: [text('避難所'), text('(')] });
  assert.deepEqual(parseQuery('避難*'), text('避難*'));
  assert.deepEqual(parseQuery('10:30 集合'), { kind: 'and', nodes: [text('10:30'), text('集合')] });
  assert.deepEqual(parseQuery('-'), { kind: 'all' });
  assert.throws(() => parseQuery('tags:(防災'), SearchQueryError, 'naming a field makes q strict');
});

test('errors say where and what, in Japanese and English', () => {
  assert.throws(
    () => parseFilterQuery('tags:防災 author:someone'),
    (e: unknown) =>
      e instanceof SearchQueryError &&
      e.parameter === 'fq' &&
      e.ja.includes('9 文字目の項目「author」') &&
      e.en.includes('unknown field "author" at character 9') &&
      e.message === `${e.ja} / ${e.en}`,
  );
  assert.throws(() => parseFilterQuery('tags:"防災'), /1|閉じていません/);
  assert.throws(() => parseFilterQuery('tags:a:b'), /値の中の「:」.*inside a value/s);
  assert.throws(() => parseFilterQuery('tags:(a'), /「\(」が閉じていません/);
  assert.throws(() => parseFilterQuery('()'), /条件がありません/);
  assert.throws(() => parseFilterQuery('tags:a\\'), /最後の \\/);
  assert.throws(() => parseFilterQuery('metadata_modified:[2024-01-01 *]'), /TO がありません/);
  assert.throws(() => parseFilterQuery('metadata_modified:[2024-01-01 TO *'), /範囲が閉じていません/);
  assert.throws(() => parseFilterQuery('tags:"a"~2'), /あいまい/);
});
