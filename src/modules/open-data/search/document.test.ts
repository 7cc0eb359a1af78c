// The search columns go into od_datasets as they are, whatever a publisher writes: quotes, backslashes,
// colons, tsvector syntax, emoji, and a description of the longest length allowed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { searchColumns } from './document.ts';
import { searchDatasets } from './search-datasets.ts';
import { insertSearchDataset } from './test-support.ts';

let database: TestDatabase;
const tenantId = 'kawasaki';

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const query = { rows: 10, start: 0, facetFields: [], facetLimit: 50, includePrivate: false, includeDrafts: false };
const find = (q: string) => withTenant(database.db, tenantId, (trx) => searchDatasets(trx, { ...query, q }));

test('any text is stored safely and stays searchable', async () => {
  const hostile = [
    "O'Reilly の \"引用\" と \\バックスラッシュ\\ と a:1A,2B の 'x':* & !y | (z)",
    "'; drop table od_datasets; -- 🏯🗾 絵文字👨‍👩‍👧 と 𠮷野家",
    'tab\tnewline\n改行\r\n全角　空白',
  ];
  await withTenant(database.db, tenantId, async (trx) => {
    for (const [i, title] of hostile.entries()) {
      await insertSearchDataset(trx, {
        tenantId,
        name: `hostile-${i}`,
        title: title.slice(0, 200),
        tags: [title.slice(0, 100)],
      });
    }
  });
  assert.equal((await find('Reilly')).count, 1);
  assert.equal((await find('バックスラッシュ')).count, 1);
  assert.equal((await find('𠮷野家')).count, 1, 'a character outside the BMP');
  assert.equal((await find('drop table')).count, 1);
  assert.equal((await find('改行 全角')).count, 1);
  assert.equal((await find("'x':* & !y")).count, 1, 'tsquery syntax in a query is just text');
  const { rows } = await database.ownerPool.query(`select count(*)::int as n from od_datasets`);
  assert.equal(rows[0].n, 3);
});

test('the longest description, long words and thousands of resource names', async () => {
  const words = ['避難所', '防災倉庫', '給水拠点', 'ハザードマップ', '浸水想定区域'];
  let notes = '';
  for (let i = 0; notes.length < 19_000; i++) notes += `${words[i % words.length]}${i}、`;
  const end = '最後の一文。';
  notes += end + 'z'.repeat(20_000 - notes.length - end.length);
  const columns = searchColumns({
    title: '長い説明',
    name: 'long',
    notes,
    tags: [],
    organizationTitle: '危機管理本部',
    groupTitles: [],
    resourceNames: Array.from({ length: 2000 }, (_, i) => `資料${i}`),
  });
  await withTenant(database.db, tenantId, async (trx) => {
    await trx
      .insertInto('od_datasets')
      .values({
        tenant_id: tenantId,
        name: 'long',
        title: '長い説明',
        notes,
        organization: 'kiki-kanri',
        license_id: 'cc-by-4.0',
        created_by: 'test',
        ...columns,
      })
      .execute();
  });
  assert.equal(notes.length, 20_000);
  assert.equal((await find('最後の一文')).count, 1, 'the end of the longest description is found');
  assert.equal((await find('zzzz')).count, 1, 'a very long word is found by its start');
  assert.equal((await find('資料1999')).count, 1);
  const { rows } = await database.ownerPool.query(
    `select length(search_vector) as lexemes, pg_column_size(search_vector) as bytes from od_datasets where name = 'long'`,
  );
  assert.ok(rows[0].lexemes > 1000);
  assert.ok(rows[0].bytes < 1_000_000, 'well inside the tsvector limit');
});

test('weights: the title is A, tags and organisation B, description and resources C', async () => {
  const { search_vector } = searchColumns({
    title: '公園',
    name: 'parks',
    notes: '説明',
    tags: ['緑地'],
    organizationTitle: '建設緑政局',
    groupTitles: ['まちづくり'],
    resourceNames: ['一覧表'],
  });
  const { rows } = await sql<{ lexeme: string; weights: string[] }>`
    select lexeme, weights from unnest(${search_vector}) order by lexeme`.execute(database.db);
  const weightOf = new Map(rows.map((r) => [r.lexeme, r.weights.join('')]));
  assert.equal(weightOf.get('公園'), 'A');
  assert.equal(weightOf.get('parks'), 'A');
  assert.equal(weightOf.get('緑地'), 'B');
  assert.equal(weightOf.get('緑政'), 'B');
  assert.equal(weightOf.get('マチ'), 'B');
  assert.equal(weightOf.get('説明'), 'C');
  assert.equal(weightOf.get('一覧'), 'C');
});
