// listDepartments on a real PostgreSQL as the app role.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestDatabase } from '../../../../test/helpers/db.ts';
import { departments as data } from '../data/kawasaki.ts';
import { createOrganisationTestDatabase, otherTenant } from '../test-database.ts';
import { listDepartments } from './list-departments.ts';

let database: TestDatabase;
before(async () => {
  database = await createOrganisationTestDatabase({ seedKawasaki: true });
});
after(() => database.close());

test('every unit of the data, in its order, so each parent comes before its children', async () => {
  const departments = await listDepartments({ db: database.db }, { tenantId: 'kawasaki' });
  assert.deepEqual(
    departments.map((d) => d.code),
    data.map((d) => d.code),
  );
  const seen = new Set<string>();
  for (const d of departments) {
    if (d.parentCode) assert.ok(seen.has(d.parentCode), d.code);
    seen.add(d.code);
  }
  assert.deepEqual(
    departments.find((d) => d.code === 'ward-141330.kumin'),
    {
      code: 'ward-141330.kumin',
      parentCode: 'ward-141330',
      kind: 'section',
      nameJa: '区民課',
      nameKana: 'クミンカ',
      nameEn: "Ward Residents' Section",
      wardCode: '141330',
    },
  );
});

test('another tenant sees none of Kawasaki’s departments', async () => {
  assert.deepEqual(await listDepartments({ db: database.db }, { tenantId: otherTenant.id }), []);
});
