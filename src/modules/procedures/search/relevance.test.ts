// Ranking over the real demo catalogue (the one every tenant is seeded with): each query's intended
// procedure is in the top 3, and the things the ranking promises hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoCatalogue } from '../catalogue/index.ts';
import { relevanceQueries } from './relevance-queries.ts';
import { buildSearchIndex } from './search-index.ts';

const { procedures } = demoCatalogue();
const index = buildSearchIndex(procedures);
const top = (q: string, n = 3) =>
  index
    .search(q, {})
    .slice(0, n)
    .map((h) => h.procedure.code);

test('every expected procedure exists in the catalogue (the test set names real entries)', () => {
  assert.ok(relevanceQueries.length >= 30);
  for (const { expected } of relevanceQueries) assert.ok(index.byCode.has(expected), expected);
});

for (const { q, expected } of relevanceQueries) {
  test(`「${q}」 finds ${expected} in the top 3`, () => {
    assert.ok(top(q).includes(expected), `top 3 for ${q}: ${top(q).join(', ')}`);
  });
}

test('an exact name comes first, and so does its reading typed in hiragana', () => {
  assert.equal(top('転出届', 1)[0], 'tenshutsu');
  assert.equal(top('てんしゅつとどけ', 1)[0], 'tenshutsu');
  assert.equal(top('印鑑登録申請', 1)[0], 'inkan-registration');
});

test('full-width, half-width and kana variants give the same results', () => {
  assert.deepEqual(top('ソダイゴミ'), top('そだいごみ'));
  assert.deepEqual(top('ＨＩＶ検査'), top('HIV検査'));
  assert.deepEqual(top('保育所等利用申し込み'), top('保育所等利用申込'));
});

test('a full procedure is ranked a little above an otherwise equal generated one', () => {
  const hits = index.search('住民票', {});
  assert.equal(hits[0]!.procedure.code, 'juminhyo-copy');
  assert.ok(hits[0]!.procedure.form, 'the first hit is the procedure that can be applied for here');
});

test('words that are nowhere in the catalogue find nothing, and an empty query lists everything', () => {
  assert.equal(index.search('量子コンピュータ', {}).length, 0);
  assert.equal(index.search('', {}).length, procedures.length);
});

test('filters: life event, department with its sub-units, online only, filer', () => {
  const birth = index.search('', { lifeEvent: 'birth' });
  assert.ok(birth.length > 10 && birth.every((h) => h.procedure.lifeEvents.includes('birth')));
  const health = index.search('', { department: 'kenko-fukushi' });
  assert.ok(health.some((h) => h.procedure.department === 'kenko-fukushi.hoken-iryo'));
  assert.ok(health.every((h) => h.procedure.department.startsWith('kenko-fukushi')));
  assert.ok(!index.search('', { department: 'kenko' }).length, 'a prefix of a code is not a parent unit');
  const ward = index.search('', { department: 'ward' });
  assert.ok(ward.length > 0 && ward.every((h) => h.procedure.department.startsWith('ward.')));
  const online = index.search('転入', { online: true });
  assert.ok(online.every((h) => h.procedure.availability === 'online'));
  assert.ok(!online.some((h) => h.procedure.code === 'moving-in'), '転入届 needs one visit');
  const business = index.search('', { filer: 'business' });
  assert.ok(business.every((h) => h.procedure.filer !== 'resident'));
  assert.ok(business.some((h) => h.procedure.filer === 'both'));
});

test('the catalogue: about 3,100 entries, unique codes and names, a realistic share of online procedures', () => {
  assert.ok(procedures.length >= 3_050 && procedures.length <= 3_150, String(procedures.length));
  assert.equal(new Set(procedures.map((p) => p.code)).size, procedures.length);
  assert.equal(new Set(procedures.map((p) => p.name)).size, procedures.length);
  const share = (a: string) => procedures.filter((p) => p.availability === a).length / procedures.length;
  assert.ok(Math.abs(share('online') - 0.55) < 0.05, `online ${share('online')}`);
  assert.ok(Math.abs(share('online_with_visit') - 0.25) < 0.05, `visit ${share('online_with_visit')}`);
  assert.ok(Math.abs(share('in_person') - 0.2) < 0.05, `in person ${share('in_person')}`);
  for (const p of procedures) {
    assert.equal(p.availability === 'online', p.notOnline === undefined, `${p.code}: reason iff not online`);
    assert.match(p.nameKana, /^[\u30a0-\u30ff（）・ 　A-Za-z0-9]+$/u, `${p.code} reading ${p.nameKana}`);
  }
});
