import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface WardCount {
  wardCode: string;
  residents: number;
  aged65AndOver: number;
  children: number;
  foreign: number;
}

/** Population by ward as of a date: everyone, 65 and over, under 15, foreign nationals. */
export async function countResidentsByWard(
  deps: { db: Kysely<any> },
  input: { tenantId: string; asOf: string },
): Promise<WardCount[]> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const { rows } = await sql<WardCount>`
      select ward_code as "wardCode",
        count(*)::int as residents,
        (count(*) filter (where birth_date <= ${input.asOf}::date - interval '65 years'))::int as "aged65AndOver",
        (count(*) filter (where birth_date > ${input.asOf}::date - interval '15 years'))::int as children,
        (count(*) filter (where nationality <> 'JP'))::int as foreign
      from residents group by ward_code order by ward_code`.execute(trx);
    return rows;
  });
}
