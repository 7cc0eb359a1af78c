import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { selectDepartment } from '../queries.ts';
import type { Department } from '../schema.ts';
import { toDepartment } from './list-departments.ts';

export async function getDepartment(
  deps: { db: Kysely<any> },
  input: { tenantId: string; code: string },
): Promise<Department> {
  const row = await withTenant(deps.db, input.tenantId, (trx) => selectDepartment(trx, input.code));
  if (!row) throw new AppError('not_found', `部署コード「${input.code}」の部署は見つかりません。`);
  return toDepartment(row);
}
