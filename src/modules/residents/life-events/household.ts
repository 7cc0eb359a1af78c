// A household as the life-event forms and their use cases need it: where it is, and its members with names,
// sex, birth dates and certificates. Only the residents module reads these tables.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { HouseholdMember } from '../use-cases/read-household.ts';
import { fail } from './validate.ts';

/** A member as prefill reads them (names, birth date, sex), with what the forms check besides. */
export interface RegisterMember extends Omit<HouseholdMember, 'events'> {
  nationality: string;
  disability: { type: string; grade: string } | null;
}

export interface RegisterHousehold {
  id: string;
  wardCode: string;
  postalCode: string;
  address: string;
  incomeBand: number;
  members: RegisterMember[];
}

/** A member of the household by register id, or a validation failure on the form's `field`. */
export function memberOf(household: RegisterHousehold, residentId: string, field = 'residentId'): RegisterMember {
  const member = household.members.find((m) => m.id === residentId);
  if (!member) fail([{ field, message: `住民番号 ${residentId} の方はこの世帯の世帯員ではありません。` }]);
  return member;
}

/**
 * The household `id` with its members, or undefined. With `lock`, the household row is locked until the
 * transaction ends, so two submissions about one household are checked one after the other.
 */
export async function loadHousehold(
  trx: Kysely<any>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RegisterHousehold | undefined> {
  let query = trx
    .selectFrom('households')
    .select([
      sql<string>`id::text`.as('id'),
      'ward_code as wardCode',
      'postal_code as postalCode',
      'address',
      'income_band as incomeBand',
    ])
    .where('id', '=', sql<string>`${id}::bigint`);
  if (options.lock) query = query.forUpdate();
  const household = await query.executeTakeFirst();
  if (!household) return undefined;
  const rows = await trx
    .selectFrom('residents')
    .select([
      sql<string>`id::text`.as('id'),
      'relationship',
      'family_name as familyName',
      'given_name as givenName',
      'family_name_kana as familyNameKana',
      'given_name_kana as givenNameKana',
      sql<string>`to_char(birth_date, 'YYYY-MM-DD')`.as('birthDate'),
      'sex',
      'nationality',
      'disability_type as disabilityType',
      'disability_grade as disabilityGrade',
    ])
    .where('household_id', '=', sql<string>`${id}::bigint`)
    .orderBy('id')
    .execute();
  return {
    ...(household as Omit<RegisterHousehold, 'members'>),
    members: rows.map(({ disabilityType, disabilityGrade, ...m }) => ({
      ...(m as Omit<RegisterMember, 'disability'>),
      disability: disabilityType ? { type: disabilityType as string, grade: (disabilityGrade as string) ?? '' } : null,
    })),
  };
}

/** The household by its number (世帯番号) for a staff page; undefined when the register has none. */
export async function findHousehold(
  deps: { db: Kysely<any> },
  input: { tenantId: string; householdId: string },
): Promise<RegisterHousehold | undefined> {
  if (!/^\d{1,18}$/.test(input.householdId)) return undefined;
  return withTenant(deps.db, input.tenantId, (trx) => loadHousehold(trx, input.householdId));
}
