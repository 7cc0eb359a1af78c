import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { selectWards } from '../queries.ts';
import type { Ward } from '../schema.ts';

export async function listWards(deps: { db: Kysely<any> }, input: { tenantId: string }): Promise<Ward[]> {
  const rows = await withTenant(deps.db, input.tenantId, (trx) => selectWards(trx));
  return rows.map((r) => ({ code: r.code, nameJa: r.name_ja, nameKana: r.name_kana, nameEn: r.name_en }));
}
