// seedOrganisation on a real PostgreSQL as the app role: idempotent, per tenant, and the schema keeps
// tenants apart (RLS on writes, foreign keys that include tenant_id).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestDatabase } from '../../../../test/helpers/db.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { ensureTenant } from '../../../platform/tenancy/tenants.ts';
import { createOrganisationTestDatabase, otherTenant } from '../test-database.ts';
import { seedOrganisation } from './seed-organisation.ts';

let database: TestDatabase;
before(async () => {
  database = await createOrganisationTestDatabase({ seedKawasaki: false });
});
after(() => database.close());

async function counts() {
  const { rows } = await database.ownerPool.query(
    `select t.id as tenant_id, (select count(*)::int from wards w where w.tenant_id = t.id) as wards,
            (select count(*)::int from departments d where d.tenant_id = t.id) as departments
       from tenants t order by tenant_id`,
  );
  return rows;
}

test('seeding writes 7 wards and 95 units, and seeding again (even twice at once) changes nothing', async () => {
  await seedOrganisation({ db: database.db }, { tenantId: 'kawasaki' });
  await database.ownerPool.query(`update departments set name_en = 'Renamed' where code = 'kaikei'`);
  await Promise.all([
    seedOrganisation({ db: database.db }, { tenantId: 'kawasaki' }),
    seedOrganisation({ db: database.db }, { tenantId: 'kawasaki' }),
  ]);
  assert.deepEqual(await counts(), [
    { tenant_id: 'kawasaki', wards: 7, departments: 95 },
    { tenant_id: otherTenant.id, wards: 0, departments: 0 },
  ]);
  const { rows } = await database.ownerPool.query(`select name_en from departments where code = 'kaikei'`);
  assert.deepEqual(rows, [{ name_en: 'Renamed' }], 'rows that exist are kept');
});

test('a second tenant gets its own copy, under the same codes', async () => {
  await seedOrganisation({ db: database.db }, { tenantId: otherTenant.id });
  assert.deepEqual(await counts(), [
    { tenant_id: 'kawasaki', wards: 7, departments: 95 },
    { tenant_id: otherTenant.id, wards: 7, departments: 95 },
  ]);
});

test('the app role cannot write a row for another tenant than its own', async () => {
  await assert.rejects(
    withTenant(database.db, otherTenant.id, (trx) =>
      trx
        .insertInto('wards')
        .values({
          tenant_id: 'kawasaki',
          code: '141399',
          name_ja: '偽区',
          name_kana: 'ニセク',
          name_en: 'x',
          sort_order: 9,
        })
        .execute(),
    ),
    /row-level security/,
  );
});

test('a department cannot hang under another tenant’s parent or ward', async () => {
  await ensureTenant(database.ownerDb, { id: 'yokohama', lgCode: '141003', name: '横浜市', nameEn: 'Yokohama City' });
  const insert = (parent: string | null, ward: string | null) =>
    withTenant(database.db, 'yokohama', (trx) =>
      trx
        .insertInto('departments')
        .values({
          tenant_id: 'yokohama',
          code: 'stray',
          parent_code: parent,
          kind: 'section',
          name_ja: '迷子課',
          name_kana: 'マイゴカ',
          name_en: 'Stray Section',
          ward_code: ward,
          sort_order: 0,
        })
        .execute(),
    );
  await assert.rejects(insert('somu-kikaku', null), /foreign key/);
  await assert.rejects(insert(null, '141330'), /foreign key/);
});
