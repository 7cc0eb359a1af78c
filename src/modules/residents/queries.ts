// The residents module's shared SQL: a resident with their household's address, as the summaries that
// staff look-ups and identity matching return.
import { type Kysely, sql } from 'kysely';

export function selectResidentSummaries(trx: Kysely<any>) {
  return trx
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
    ]);
}
