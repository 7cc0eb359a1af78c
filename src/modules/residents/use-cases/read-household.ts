// What the register holds about a resident and their household, for once-only prefill (the applicant
// sees each prefilled value and where it came from). Access is the caller's: only for the resident
// themself (or their proxy), never a search.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface HouseholdMember {
  id: string;
  relationship: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: '1' | '2';
}

export interface ResidentHousehold {
  resident: HouseholdMember;
  wardCode: string;
  postalCode: string;
  address: string;
  members: HouseholdMember[];
}

export async function readHousehold(
  deps: { db: Kysely<any> },
  input: { tenantId: string; residentId: string },
): Promise<ResidentHousehold | undefined> {
  if (!/^\d{1,18}$/.test(input.residentId)) return undefined;
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('residents as r')
      .innerJoin('households as h', (j) =>
        j.onRef('h.tenant_id', '=', 'r.tenant_id').onRef('h.id', '=', 'r.household_id'),
      )
      .where(
        'r.household_id',
        '=',
        trx.selectFrom('residents').select('household_id').where('id', '=', sql<string>`${input.residentId}::bigint`),
      )
      .select([
        sql<string>`r.id::text`.as('id'),
        'r.relationship',
        'r.family_name as familyName',
        'r.given_name as givenName',
        'r.family_name_kana as familyNameKana',
        'r.given_name_kana as givenNameKana',
        sql<string>`to_char(r.birth_date, 'YYYY-MM-DD')`.as('birthDate'),
        'r.sex',
        'h.ward_code as wardCode',
        'h.postal_code as postalCode',
        'h.address',
      ])
      .orderBy('r.id')
      .execute();
    const self = rows.find((r) => r.id === input.residentId);
    if (!self) return undefined;
    const member = (r: (typeof rows)[number]): HouseholdMember => ({
      id: r.id,
      relationship: r.relationship,
      familyName: r.familyName,
      givenName: r.givenName,
      familyNameKana: r.familyNameKana,
      givenNameKana: r.givenNameKana,
      birthDate: r.birthDate,
      sex: r.sex,
    });
    return {
      resident: member(self),
      wardCode: self.wardCode,
      postalCode: self.postalCode,
      address: self.address,
      members: rows.map(member),
    };
  });
}
