import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type DepartmentRow, selectDepartments } from '../queries.ts';
import type { Department } from '../schema.ts';

export function toDepartment(
  r: Pick<DepartmentRow, 'code' | 'parent_code' | 'kind' | 'name_ja' | 'name_kana' | 'name_en' | 'ward_code'>,
): Department {
  return {
    code: r.code,
    parentCode: r.parent_code,
    kind: r.kind,
    nameJa: r.name_ja,
    nameKana: r.name_kana,
    nameEn: r.name_en,
    wardCode: r.ward_code,
  };
}

/** All departments in display order; parents come before their children. */
export async function listDepartments(deps: { db: Kysely<any> }, input: { tenantId: string }): Promise<Department[]> {
  const rows = await withTenant(deps.db, input.tenantId, (trx) => selectDepartments(trx));
  return rows.map(toDepartment);
}
