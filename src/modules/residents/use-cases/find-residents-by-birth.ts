// Candidates for matching a My Number Card's 基本4情報 to the register: everyone with that birth date and
// sex (a handful at most); the caller compares names and addresses.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { selectResidentSummaries } from '../queries.ts';
import type { ResidentSummary } from './search-residents.ts';

export async function findResidentsByBirth(
  deps: { db: Kysely<any> },
  input: { tenantId: string; birthDate: string; sex: string },
): Promise<ResidentSummary[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate)) return [];
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await selectResidentSummaries(trx)
      .where('r.birth_date', '=', sql<Date>`${input.birthDate}::date`)
      .where('r.sex', '=', input.sex)
      .limit(500)
      .execute();
    return rows as ResidentSummary[];
  });
}

export async function readResident(
  deps: { db: Kysely<any> },
  input: { tenantId: string; id: string },
): Promise<ResidentSummary | undefined> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await selectResidentSummaries(trx)
      .where('r.id', '=', sql<string>`${input.id}::bigint`)
      .executeTakeFirst();
    return row as ResidentSummary | undefined;
  });
}
