// 個人番号による照会: exact match through the blind index; the number itself is decrypted only to show
// its last four digits. Access control and audit are the caller's (identity's policy decision point).
import type { Kysely } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { maskMyNumber } from '../../../platform/crypto/my-number.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { selectResidentSummaries } from '../queries.ts';
import type { ResidentSummary } from './search-residents.ts';

export async function findResidentByMyNumber(
  deps: { db: Kysely<any>; fieldCrypto: FieldCrypto },
  input: { tenantId: string; myNumber: string; wards?: string[] },
): Promise<(ResidentSummary & { myNumberMasked: string }) | undefined> {
  const index = await deps.fieldCrypto.blindIndex(input.tenantId, input.myNumber);
  const row = await withTenant(deps.db, input.tenantId, async (trx) => {
    let query = selectResidentSummaries(trx).select('r.my_number').where('r.my_number_index', '=', index);
    if (input.wards && input.wards.length > 0) query = query.where('r.ward_code', 'in', input.wards);
    return query.executeTakeFirst();
  });
  if (!row) return undefined;
  const { my_number: blob, ...summary } = row;
  return {
    ...(summary as ResidentSummary),
    myNumberMasked: maskMyNumber(await deps.fieldCrypto.decrypt(input.tenantId, blob)),
  };
}
