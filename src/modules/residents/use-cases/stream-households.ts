// Every household with the facts eligibility rules read (ages, relationships, ward, income band,
// disability), in id order, a page at a time: for whole-population runs, which must not hold 1.55 million
// people in memory or one long transaction. No names or addresses: rules do not need them.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface EligibilityMember {
  id: string;
  relationship: string;
  birthDate: string;
  sex: '1' | '2';
  nationality: string;
  disability: { type: string; grade: string } | null;
}

export interface EligibilityHousehold {
  id: string;
  wardCode: string;
  incomeBand: number;
  members: EligibilityMember[];
}

/** Pages of households after `afterId` (exclusive); each page is read in its own short transaction. */
export async function* streamHouseholds(
  deps: { db: Kysely<any> },
  input: { tenantId: string; pageSize?: number; afterId?: string },
): AsyncGenerator<EligibilityHousehold[]> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 5_000, 1), 50_000);
  let after = input.afterId ?? '0';
  if (!/^\d{1,18}$/.test(after)) throw new Error(`afterId must be a household id, got ${JSON.stringify(after)}`);
  for (;;) {
    const rows = await withTenant(deps.db, input.tenantId, (trx) =>
      sql<{
        household_id: string;
        ward_code: string;
        income_band: number;
        id: string | null;
        relationship: string;
        birth_date: string;
        sex: '1' | '2';
        nationality: string;
        disability_type: string | null;
        disability_grade: string | null;
      }>`
        with page as (
          select id, ward_code, income_band from households
          where id > ${after}::bigint order by id limit ${pageSize}
        )
        select p.id::text as household_id, p.ward_code, p.income_band, r.id::text as id, r.relationship,
               to_char(r.birth_date, 'YYYY-MM-DD') as birth_date, r.sex, r.nationality,
               r.disability_type, r.disability_grade
        from page p left join residents r on r.tenant_id = app_tenant() and r.household_id = p.id
        order by p.id, r.id`.execute(trx),
    );
    if (rows.rows.length === 0) return;
    const households: EligibilityHousehold[] = [];
    let current: EligibilityHousehold | undefined;
    for (const r of rows.rows) {
      if (current?.id !== r.household_id) {
        current = { id: r.household_id, wardCode: r.ward_code, incomeBand: r.income_band, members: [] };
        households.push(current);
      }
      if (r.id === null) continue;
      current.members.push({
        id: r.id,
        relationship: r.relationship,
        birthDate: r.birth_date,
        sex: r.sex,
        nationality: r.nationality,
        disability: r.disability_type ? { type: r.disability_type, grade: r.disability_grade ?? '' } : null,
      });
    }
    yield households;
    after = households[households.length - 1]!.id;
  }
}
