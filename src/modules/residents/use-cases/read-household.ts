// What the register holds about a resident and their household, for once-only prefill (the applicant
// sees each prefilled value and where it came from). Access is the caller's: only for the resident
// themself (or their proxy), never a search. Each member comes with their recent life events (birth,
// move_in, pregnancy, certificate_issued), read in the same statement.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { yearsBefore } from '../life-events/validate.ts';
import { eventYears, type MemberEvent } from './stream-households.ts';

export interface HouseholdMember {
  id: string;
  relationship: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: '1' | '2';
  /** Their life events of the last two years, oldest first. */
  events: MemberEvent[];
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
  const since = yearsBefore(japanToday(), eventYears);
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
        sql<MemberEvent[]>`(
          select coalesce(json_agg(json_build_object('type', e.type, 'date', to_char(e.date, 'YYYY-MM-DD'))
                                   order by e.date, e.id), '[]'::json)
          from resident_events e
          where e.tenant_id = r.tenant_id and e.resident_id = r.id and e.date >= ${since}::date
        )`.as('events'),
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
      events: r.events,
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
