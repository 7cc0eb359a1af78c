// listWards on a real PostgreSQL as the app role: row-level security keeps each tenant's wards to itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestDatabase } from '../../../../test/helpers/db.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { createOrganisationTestDatabase, otherTenant } from '../test-database.ts';
import { listWards } from './list-wards.ts';

let database: TestDatabase;
before(async () => {
  database = await createOrganisationTestDatabase({ seedKawasaki: true });
});
after(() => database.close());

test('Kawasaki’s 7 wards, in the city’s order, with readings and English names', async () => {
  const wards = await listWards({ db: database.db }, { tenantId: 'kawasaki' });
  assert.deepEqual(
    wards.map((w) => w.code),
    ['141313', '141321', '141330', '141348', '141364', '141356', '141372'],
  );
  assert.deepEqual(wards[6], { code: '141372', nameJa: '麻生区', nameKana: 'アサオク', nameEn: 'Asao Ward' });
});

test('another tenant sees none of Kawasaki’s wards, not even by asking for them by code', async () => {
  assert.deepEqual(await listWards({ db: database.db }, { tenantId: otherTenant.id }), []);
  const byCode = await withTenant(database.db, otherTenant.id, (trx) =>
    trx.selectFrom('wards').select('code').where('tenant_id', '=', 'kawasaki').where('code', '=', '141330').execute(),
  );
  assert.deepEqual(byCode, []);
});

test('without a tenant the app role sees no ward at all', async () => {
  const { rows } = await database.pool.query('select count(*)::int as n from wards');
  assert.deepEqual(rows, [{ n: 0 }]);
  const owner = await database.ownerPool.query('select count(*)::int as n from wards');
  assert.deepEqual(owner.rows, [{ n: 7 }]);
});
