// 住民記録の照会 for staff: by name or reading (prefix of family or given name, kana or kanji), limited
// to the wards the caller may see. Access control and the audit entry are the caller's (identity's
// policy decision point); this only reads.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { toKatakanaReading } from '../../../platform/ja/kana.ts';
import { selectResidentSummaries } from '../queries.ts';

export interface ResidentSummary {
  id: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex: '1' | '2';
  wardCode: string;
  address: string;
}

export async function searchResidents(
  deps: { db: Kysely<any> },
  input: { tenantId: string; query: string; wards?: string[]; limit?: number },
): Promise<ResidentSummary[]> {
  const text = input.query.normalize('NFKC').replace(/\s+/g, '');
  if (!text) return [];
  const kana = toKatakanaReading(text);
  const like = `${text.replace(/[%_\\]/g, '\\$&')}%`;
  const kanaLike = `${kana.replace(/[%_\\]/g, '\\$&')}%`;
  return withTenant(deps.db, input.tenantId, async (trx) => {
    let query = selectResidentSummaries(trx)
      .where((eb) =>
        eb.or([
          eb(sql`r.family_name || r.given_name`, 'like', like),
          eb('r.given_name', 'like', like),
          eb(sql`r.family_name_kana || r.given_name_kana`, 'like', kanaLike),
          eb('r.given_name_kana', 'like', kanaLike),
        ]),
      )
      .orderBy('r.family_name_kana')
      .orderBy('r.given_name_kana')
      .limit(Math.min(input.limit ?? 50, 200));
    if (input.wards && input.wards.length > 0) query = query.where('r.ward_code', 'in', input.wards);
    return (await query.execute()) as ResidentSummary[];
  });
}
