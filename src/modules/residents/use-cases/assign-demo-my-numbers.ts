// Synthetic My Numbers for the demo register: '9' + the resident id (10 digits) + the check digit, so
// each is valid, unique and plainly not a real person's. Stored encrypted with its blind index.
import { type Kysely, sql } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { myNumberCheckDigit } from '../../../platform/crypto/my-number.ts';
import { withTenant } from '../../../platform/db/tenant.ts';

export function demoMyNumber(residentId: number): string {
  const first11 = `9${String(residentId).padStart(10, '0')}`;
  return `${first11}${myNumberCheckDigit(first11)}`;
}

/** Gives every resident without one a synthetic My Number; returns how many were assigned. */
export async function assignDemoMyNumbers(
  deps: { db: Kysely<any>; fieldCrypto: FieldCrypto },
  input: { tenantId: string; batch?: number },
): Promise<number> {
  let assigned = 0;
  for (;;) {
    const done = await withTenant(deps.db, input.tenantId, async (trx) => {
      const rows = await trx
        .selectFrom('residents')
        .select(sql<string>`id::text`.as('id'))
        .where('my_number', 'is', null)
        .orderBy('id')
        .limit(input.batch ?? 2_000)
        .execute();
      if (rows.length === 0) return 0;
      const ids: string[] = [];
      const blobs: Buffer[] = [];
      const indexes: Buffer[] = [];
      for (const { id } of rows) {
        const number = demoMyNumber(Number(id));
        ids.push(id);
        blobs.push(await deps.fieldCrypto.encrypt(input.tenantId, number));
        indexes.push(await deps.fieldCrypto.blindIndex(input.tenantId, number));
      }
      await sql`update residents r set my_number = v.blob, my_number_index = v.idx
        from unnest(${ids}::bigint[], ${blobs}::bytea[], ${indexes}::bytea[]) as v(id, blob, idx)
        where r.tenant_id = ${input.tenantId} and r.id = v.id`.execute(trx);
      return rows.length;
    });
    assigned += done;
    if (done === 0) return assigned;
  }
}
