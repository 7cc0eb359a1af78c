// A staff member's roles, departments and wards by account, for modules that authenticate staff by
// something other than a session (an open data API token): the policy needs the same facts.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface StaffMemberProfile {
  accountId: string;
  roles: string[];
  departments: string[];
  wards: string[];
}

export async function readStaffProfile(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string },
): Promise<StaffMemberProfile | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(input.accountId)) return undefined;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('staff_members')
      .select(['account_id', 'roles', 'departments', 'wards'])
      .where('account_id', '=', input.accountId)
      .executeTakeFirst(),
  );
  if (!row) return undefined;
  return { accountId: row.account_id, roles: row.roles, departments: row.departments, wards: row.wards };
}
