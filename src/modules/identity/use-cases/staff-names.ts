// Staff members' display names by account, for pages that say who did something (who approved an outreach,
// who started a run): other modules keep the account id, this reads the name in one statement.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export async function staffNames(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountIds: readonly string[] },
): Promise<Map<string, string>> {
  const ids = [...new Set(input.accountIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  if (ids.length === 0) return new Map();
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('staff_members')
      .innerJoin('accounts', 'accounts.id', 'staff_members.account_id')
      .select(['staff_members.account_id as id', 'accounts.display_name as name'])
      .where('staff_members.account_id', 'in', ids)
      .execute(),
  );
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}
