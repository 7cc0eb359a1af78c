// getDepartment on a real PostgreSQL as the app role: found, not found, and another tenant's code.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TestDatabase } from '../../../../test/helpers/db.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { departmentByCode } from '../queries.ts';
import { createOrganisationTestDatabase, otherTenant } from '../test-database.ts';
import { getDepartment } from './get-department.ts';

let database: TestDatabase;
before(async () => {
  database = await createOrganisationTestDatabase({ seedKawasaki: true });
});
after(() => database.close());

const deps = () => ({ db: database.db, pool: database.pool });

test('one department by its code', async () => {
  assert.deepEqual(await getDepartment(deps(), { tenantId: 'kawasaki', code: 'jogesuido.gesuido.kanro-hozen' }), {
    code: 'jogesuido.gesuido.kanro-hozen',
    parentCode: 'jogesuido.gesuido',
    kind: 'section',
    nameJa: '管路保全課',
    nameKana: 'カンロホゼンカ',
    nameEn: 'Sewer Pipe Maintenance Section',
    wardCode: null,
  });
});

test('an unknown code is not_found, with a Japanese detail naming the code', async () => {
  await assert.rejects(getDepartment(deps(), { tenantId: 'kawasaki', code: 'no-such' }), (error) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.status, 404);
    assert.equal(error.detail, '部署コード「no-such」の部署は見つかりません。');
    return true;
  });
});

test('another tenant asking for a Kawasaki code gets not_found, exactly like an unknown code', async () => {
  await assert.rejects(
    getDepartment(deps(), { tenantId: otherTenant.id, code: 'somu-kikaku.digital' }),
    (error) => error instanceof AppError && error.code === 'not_found',
  );
});

test('a quote in the code is data, not SQL', async () => {
  await assert.rejects(
    getDepartment(deps(), { tenantId: 'kawasaki', code: "x' or '1'='1" }),
    (error) => error instanceof AppError && error.code === 'not_found',
  );
});

test('the lookup can be answered from the primary key index (tenant_id, code)', async () => {
  const compiled = departmentByCode(database.db, 'somu-kikaku.digital').compile();
  const plan = await withTenant(database.db, 'kawasaki', async (trx) => {
    await trx.executeQuery({ ...compiled, sql: 'set local enable_seqscan = off', parameters: [] });
    const { rows } = await trx.executeQuery<{ 'QUERY PLAN': unknown }>({
      ...compiled,
      sql: `explain (format json) ${compiled.sql}`,
    });
    return JSON.stringify(rows[0]?.['QUERY PLAN']);
  });
  assert.match(plan, /"Index Name":"departments_pkey"/);
  // The policy's app_tenant() is inlined (NULLIF(current_setting(...))), and both columns bound the scan.
  assert.match(plan, /"Index Cond":"\(\(tenant_id = [^"]*\) AND \(code = 'somu-kikaku\.digital'/);
});
