// The bulk load on a real PostgreSQL: complete, idempotent, tenant-isolated, and hostile strings survive COPY.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { ensureTenant } from '../../../platform/tenancy/tenants.ts';
import { copyRow } from '../generate/copy-format.ts';
import { countResidentsByWard } from './count-residents-by-ward.ts';
import { seedResidents } from './seed-residents.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
  await ensureTenant(database.ownerDb, { id: 'yokohama', lgCode: '141003', name: '横浜市', nameEn: 'Yokohama City' });
});
after(() => database.close());

test('seeding loads exactly the requested residents, and a second run keeps them', async () => {
  const first = await seedResidents(
    { ownerPool: database.ownerPool },
    { tenantId: 'kawasaki', residents: 3_000, seed: 7 },
  );
  assert.deepEqual(first, { inserted: 3_000, skipped: false });
  const again = await seedResidents(
    { ownerPool: database.ownerPool },
    { tenantId: 'kawasaki', residents: 3_000, seed: 8 },
  );
  assert.deepEqual(again, { inserted: 0, skipped: true });
  const { rows } = await database.ownerPool.query(
    `select (select count(*)::int from residents) as residents,
            (select count(*)::int from residents r where not exists
               (select 1 from households h where h.tenant_id = r.tenant_id and h.id = r.household_id)) as orphans`,
  );
  assert.deepEqual(rows[0], { residents: 3_000, orphans: 0 });
});

test('the bulk path (indexes and foreign key rebuilt) leaves the same schema behind', async () => {
  const before = await database.ownerPool.query(
    `select indexrelid::regclass::text as i from pg_index where indrelid = 'residents'::regclass order by 1`,
  );
  await seedResidents({ ownerPool: database.ownerPool }, { tenantId: 'yokohama', residents: 60_000, seed: 1 });
  const after = await database.ownerPool.query(
    `select indexrelid::regclass::text as i from pg_index where indrelid = 'residents'::regclass order by 1`,
  );
  assert.deepEqual(after.rows, before.rows);
  const fk = await database.ownerPool.query(
    `select convalidated from pg_constraint where conname = 'residents_household_fkey'`,
  );
  assert.deepEqual(fk.rows, [{ convalidated: true }]);
});

test('each tenant sees only its own residents, counted by ward', async () => {
  const kawasaki = await countResidentsByWard({ db: database.db }, { tenantId: 'kawasaki', asOf: '2026-04-01' });
  assert.equal(kawasaki.length, 7);
  assert.equal(
    kawasaki.reduce((s, w) => s + w.residents, 0),
    3_000,
  );
  const yokohama = await countResidentsByWard({ db: database.db }, { tenantId: 'yokohama', asOf: '2026-04-01' });
  assert.equal(
    yokohama.reduce((s, w) => s + w.residents, 0),
    60_000,
  );
});

test('replace swaps one tenant’s register and leaves the other alone', async () => {
  const replaced = await seedResidents(
    { ownerPool: database.ownerPool },
    { tenantId: 'kawasaki', residents: 1_000, seed: 9, replace: true },
  );
  assert.equal(replaced.inserted, 1_000);
  const { rows } = await database.ownerPool.query(
    `select tenant_id, count(*)::int as n from residents group by tenant_id order by tenant_id`,
  );
  assert.deepEqual(rows, [
    { tenant_id: 'kawasaki', n: 1_000 },
    { tenant_id: 'yokohama', n: 60_000 },
  ]);
});

test('tabs, backslashes and newlines in a field survive COPY unchanged', async () => {
  const client = await database.ownerPool.connect();
  try {
    const { from } = await import('pg-copy-streams');
    const { pipeline } = await import('node:stream/promises');
    const { Readable } = await import('node:stream');
    await client.query('create temp table hostile (a text, b text)');
    const values = ['タブ\tあり', 'バック\\スラッシュ\\N', '改行\nと\r復帰'];
    await pipeline(
      Readable.from([values.map((v) => copyRow([v, null])).join('')]),
      client.query(from('copy hostile from stdin')),
    );
    const { rows } = await client.query('select a, b from hostile');
    assert.deepEqual(
      rows,
      values.map((a) => ({ a, b: null })),
    );
  } finally {
    client.release();
  }
});
