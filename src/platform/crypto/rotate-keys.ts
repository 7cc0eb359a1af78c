// `cityhall keys rotate`: re-wraps every tenant data key under the current master key. The data itself
// is not touched (its data keys do not change), so rotation takes seconds at any data size; afterwards
// the previous master key is no longer needed. `--new-data-key` also starts a new encrypt-key version
// for new writes; existing ciphertexts keep decrypting with the version they name.
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import type { KeyWrapper } from './master-key.ts';

export interface RotationResult {
  rewrapped: number;
  newDataKeys: number;
}

export async function rotateKeys(
  db: Kysely<any>,
  wrapper: KeyWrapper,
  options: { newDataKey?: boolean } = {},
): Promise<RotationResult> {
  const tenants = (await sql<{ id: string }>`select id from tenants order by id`.execute(db)).rows;
  const result: RotationResult = { rewrapped: 0, newDataKeys: 0 };
  for (const { id } of tenants) {
    await withTenant(db, id, async (trx) => {
      const rows = await trx
        .selectFrom('tenant_data_keys')
        .select(['purpose', 'version', 'wrapped_key', 'master_key_id'])
        // Explicit even with RLS: the owner role that runs rotation may bypass row-level security.
        .where('tenant_id', '=', id)
        .forUpdate()
        .execute();
      for (const row of rows) {
        if (row.master_key_id === wrapper.currentId) continue;
        const key = await wrapper.unwrap(row.wrapped_key, row.master_key_id);
        await trx
          .updateTable('tenant_data_keys')
          .set({ wrapped_key: await wrapper.wrap(key), master_key_id: wrapper.currentId, rewrapped_at: sql`now()` })
          .where('tenant_id', '=', id)
          .where('purpose', '=', row.purpose)
          .where('version', '=', row.version)
          .execute();
        result.rewrapped++;
      }
      if (options.newDataKey && rows.some((r) => r.purpose === 'encrypt')) {
        const next = Math.max(...rows.filter((r) => r.purpose === 'encrypt').map((r) => r.version)) + 1;
        await trx
          .insertInto('tenant_data_keys')
          .values({
            tenant_id: id,
            purpose: 'encrypt',
            version: next,
            wrapped_key: await wrapper.wrap(randomBytes(32)),
            master_key_id: wrapper.currentId,
          })
          .execute();
        result.newDataKeys++;
      }
    });
  }
  return result;
}
