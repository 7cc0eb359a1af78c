// Candidates for matching a My Number Card's 基本4情報 to the register: everyone with that birth date and
// sex (a handful at most); the caller compares names and addresses.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { ResidentSummary } from './search-residents.ts';

export async function findResidentsByBirth(
  deps: { db: Kysely<any> },
  input: { tenantId: string; birthDate: string; sex: string },
): Promise<ResidentSummary[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.birthDate)) return [];
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('residents as r')
      .innerJoin('households as h', (j) =>
        j.onRef('h.tenant_id', '=', 'r.tenant_id').onRef('h.id', '=', 'r.household_id'),
      )
      .select([
        sql<string>`r.id::text`.as('id'),
        'r.family_name as familyName',
        'r.given_name as givenName',
        'r.family_name_kana as familyNameKana',
        'r.given_name_kana as givenNameKana',
        sql<string>`to_char(r.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
        'r.sex',
        'r.ward_code as wardCode',
        'h.address',
      ])
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
    const row = await trx
      .selectFrom('residents as r')
      .innerJoin('households as h', (j) =>
        j.onRef('h.tenant_id', '=', 'r.tenant_id').onRef('h.id', '=', 'r.household_id'),
      )
      .select([
        sql<string>`r.id::text`.as('id'),
        'r.family_name as familyName',
        'r.given_name as givenName',
        'r.family_name_kana as familyNameKana',
        'r.given_name_kana as givenNameKana',
        sql<string>`to_char(r.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
        'r.sex',
        'r.ward_code as wardCode',
        'h.address',
      ])
      .where('r.id', '=', sql<string>`${input.id}::bigint`)
      .executeTakeFirst();
    return row as ResidentSummary | undefined;
  });
}
