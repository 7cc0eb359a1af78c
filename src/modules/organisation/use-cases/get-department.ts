import type { Kysely } from 'kysely';
import type pg from 'pg';
import { readWithTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { departmentByCode } from '../queries.ts';
import type { Department } from '../schema.ts';
import { toDepartment } from './list-departments.ts';

/** One department by its code: the API's hot read, in one round trip (readWithTenant). */
export async function getDepartment(
  deps: { db: Kysely<any>; pool: pg.Pool },
  input: { tenantId: string; code: string },
): Promise<Department> {
  const [row] = await readWithTenant(deps.pool, input.tenantId, departmentByCode(deps.db, input.code));
  if (!row) throw new AppError('not_found', `部署コード「${input.code}」の部署は見つかりません。`);
  return toDepartment(row);
}
