// Row-level security is the tenant boundary: these tests query as the app role, as requests do.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { ensureTenant } from '../tenancy/tenants.ts';
import { readWithTenant, withTenant } from './tenant.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await ensureTenant(database.ownerDb, {
    id: 'yokohama',
    lgCode: '141003',
    name: '横浜市',
    nameEn: 'Yokohama City',
  });
  // A tenant-owned table written exactly as the conventions say.
  await database.ownerPool.query(`
    create table notes (tenant_id text not null references tenants(id), id int not null, body text not null,
      primary key (tenant_id, id));
    alter table notes enable row level security;
    alter table notes force row level security;
    create policy tenant_isolation on notes using (tenant_id = app_tenant()) with check (tenant_id = app_tenant());
    grant select, insert, update, delete on notes to cityhall_app;
    insert into notes values ('kawasaki', 1, '川崎のメモ'), ('kawasaki', 2, '川崎のメモ2'), ('yokohama', 1, '横浜のメモ');`);
});

after(() => database.close());

test('the app connects as a role that row-level security binds', async () => {
  const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
    select rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(database.db);
  assert.deepEqual(rows[0], { rolsuper: false, rolbypassrls: false });
});

test('a query with no WHERE clause sees only its own tenant', async () => {
  const kawasaki = await withTenant(database.db, 'kawasaki', (trx) => trx.selectFrom('notes').selectAll().execute());
  assert.deepEqual(
    kawasaki.map((r) => r.body),
    ['川崎のメモ', '川崎のメモ2'],
  );
  const yokohama = await withTenant(database.db, 'yokohama', (trx) => trx.selectFrom('notes').selectAll().execute());
  assert.deepEqual(
    yokohama.map((r) => r.body),
    ['横浜のメモ'],
  );
});

test('a query with no tenant set sees nothing', async () => {
  const rows = await database.db.selectFrom('notes').selectAll().execute();
  assert.equal(rows.length, 0);
});

test("writing another tenant's row is refused, and updates cannot reach it", async () => {
  await assert.rejects(
    withTenant(database.db, 'kawasaki', (trx) =>
      trx.insertInto('notes').values({ tenant_id: 'yokohama', id: 9, body: '越境' }).execute(),
    ),
    /row-level security/,
  );
  const updated = await withTenant(database.db, 'kawasaki', (trx) =>
    trx.updateTable('notes').set({ body: '書き換え' }).where('tenant_id', '=', 'yokohama').executeTakeFirst(),
  );
  assert.equal(Number(updated.numUpdatedRows), 0);
  const { rows } = await database.ownerPool.query(`select body from notes where tenant_id = 'yokohama'`);
  assert.deepEqual(rows, [{ body: '横浜のメモ' }]);
});

test('the tenant setting ends with the transaction and never leaks to the next user of the connection', async () => {
  await withTenant(database.db, 'kawasaki', async () => undefined);
  const { rows } = await sql<{ t: string | null }>`select app_tenant() as t`.execute(database.db);
  assert.equal(rows[0]?.t, null);
});

test('readWithTenant reads one tenant in one round trip and quotes hostile values', async () => {
  const notes = (body: string) => database.db.selectFrom('notes').select(['id', 'body']).where('body', '=', body);
  assert.deepEqual(await readWithTenant(database.pool, 'kawasaki', notes('川崎のメモ')), [
    { id: 1, body: '川崎のメモ' },
  ]);
  assert.deepEqual(await readWithTenant(database.pool, 'yokohama', notes('川崎のメモ')), []);
  for (const hostile of ["'; delete from notes; --", "\\'; delete from notes; --", '$1', "O'Brien\\"]) {
    assert.deepEqual(await readWithTenant(database.pool, 'kawasaki', notes(hostile)), []);
  }
  const all = await readWithTenant(
    database.pool,
    'kawasaki',
    database.db.selectFrom('notes').select('id').where('id', '>', 0),
  );
  assert.equal(all.length, 2, 'nothing was deleted and only kawasaki rows are visible');
  const { rows } = await sql<{ t: string | null }>`select app_tenant() as t`.execute(database.db);
  assert.equal(rows[0]?.t, null, 'the setting ended with the implicit transaction');
  await assert.rejects(readWithTenant(database.pool, "x'; --", notes('a')), /invalid tenant id/);
});
