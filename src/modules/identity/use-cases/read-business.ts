// The business (事業者) a session acts as, for once-only prefill of a business's own details.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface BusinessSummary {
  id: string;
  name: string;
  corporateNumber: string | null;
  address: string;
}

export async function readBusiness(
  deps: { db: Kysely<any> },
  input: { tenantId: string; businessId: string },
): Promise<BusinessSummary | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(input.businessId)) return undefined;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('businesses')
      .select(['id', 'name', 'corporate_number', 'address'])
      .where('id', '=', input.businessId)
      .executeTakeFirst(),
  );
  return row
    ? { id: row.id, name: row.name, corporateNumber: row.corporate_number?.trim() ?? null, address: row.address }
    : undefined;
}
