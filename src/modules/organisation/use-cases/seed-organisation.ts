import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { departments, wards } from '../data/kawasaki.ts';
import { insertOrganisation } from '../queries.ts';

/** Writes Kawasaki's wards and departments for a tenant; rows that exist are kept (idempotent). */
export async function seedOrganisation(deps: { db: Kysely<any> }, input: { tenantId: string }): Promise<void> {
  await withTenant(deps.db, input.tenantId, (trx) =>
    insertOrganisation(
      trx,
      wards.map((w, i) => ({
        tenant_id: input.tenantId,
        code: w.code,
        name_ja: w.nameJa,
        name_kana: w.nameKana,
        name_en: w.nameEn,
        sort_order: i,
      })),
      departments.map((d, i) => ({
        tenant_id: input.tenantId,
        code: d.code,
        parent_code: d.parent,
        kind: d.kind,
        name_ja: d.nameJa,
        name_kana: d.nameKana,
        name_en: d.nameEn,
        ward_code: d.wardCode,
        sort_order: i,
      })),
    ),
  );
}
