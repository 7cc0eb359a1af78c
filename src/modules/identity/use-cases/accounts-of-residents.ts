// Which resident accounts stand for which people of the register: set when a My Number Card check matched the
// account to the register, never guessed from names. For personal notices (push-type services).
import { type Kysely, sql } from 'kysely';

/** Active resident accounts linked to any of `residentIds`, inside the caller's withTenant transaction. */
export async function accountsOfResidents(
  trx: Kysely<any>,
  residentIds: readonly string[],
): Promise<{ residentId: string; accountId: string }[]> {
  if (residentIds.length === 0) return [];
  const rows = await sql<{ resident_id: string; id: string }>`
    select resident_id::text, id from accounts
    where kind = 'resident' and disabled_at is null and resident_id = any(${residentIds}::bigint[])`.execute(trx);
  return rows.rows.map((r) => ({ residentId: r.resident_id, accountId: r.id }));
}
