// `cityhall keys rotate`: re-wraps every tenant data key that is still wrapped by a previous master key
// under the current one. The data keys themselves do not change, so no field is re-encrypted and
// rotation takes seconds at any data size; afterwards the previous master key is no longer needed.
// `--new-data-key` also starts a new encrypt-key version: new writes use it, existing ciphertexts keep
// decrypting with the version their header names. Re-encrypting old rows under the new version is left
// to the module that owns those rows (only it knows its tables and can do it in batches under its own
// locks); until it has, the old version must stay.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { createDatabase } from '../db/pool.ts';
import { withTenant } from '../db/tenant.ts';
import { tenantIds } from '../tenancy/tenants.ts';
import { type KeyWrapper, keyWrapperFromEnv, MasterKeyError } from './master-key.ts';

export interface RotationResult {
  /** Data keys re-wrapped under the current master key. */
  rewrapped: number;
  /** Tenants given a new encrypt-key version (with newDataKey). */
  newDataKeys: number;
}

export interface RotationInput {
  newDataKey?: boolean;
  /** Only this tenant (for newDataKey and re-wrapping alike); all tenants when absent. */
  tenantId?: string;
}

export async function rotateKeys(
  deps: { db: Kysely<any>; wrapper: KeyWrapper },
  input: RotationInput = {},
): Promise<RotationResult> {
  const { db, wrapper } = deps;

  // Run as the owner: it must see every tenant. Each tenant still goes through withTenant, so this also
  // works for an owner that is not a superuser (FORCE ROW LEVEL SECURITY applies to it too).
  const tenants = input.tenantId ? [input.tenantId] : await tenantIds(db);
  const result: RotationResult = { rewrapped: 0, newDataKeys: 0 };
  for (const id of tenants) {
    await withTenant(db, id, async (trx) => {
      const rows = await trx
        .selectFrom('tenant_data_keys')
        .select(['purpose', 'version', 'wrapped_key', 'master_key_id'])
        // Explicit even with RLS: a superuser owner bypasses row-level security.
        .where('tenant_id', '=', id)
        // Two rotations at once must not wrap the same key twice from a stale read.
        .forUpdate()
        .execute();
      for (const row of rows) {
        if (row.master_key_id === wrapper.id) continue;
        const key = await wrapper.unwrap(row.wrapped_key, row.master_key_id);
        await trx
          .updateTable('tenant_data_keys')
          .set({ wrapped_key: await wrapper.wrap(key), master_key_id: wrapper.id, rewrapped_at: sql`now()` })
          .where('tenant_id', '=', id)
          .where('purpose', '=', row.purpose)
          .where('version', '=', row.version)
          .execute();
        result.rewrapped++;
      }
      const encryptVersions = rows.filter((r) => r.purpose === 'encrypt').map((r) => r.version as number);
      // A tenant without keys gets version 1 on first use; nothing to rotate yet.
      if (input.newDataKey && encryptVersions.length > 0) {
        await trx
          .insertInto('tenant_data_keys')
          .values({
            tenant_id: id,
            purpose: 'encrypt',
            version: Math.max(...encryptVersions) + 1,
            wrapped_key: await wrapper.wrap(randomBytes(32)),
            master_key_id: wrapper.id,
          })
          .execute();
        result.newDataKeys++;
      }
    });
  }
  return result;
}

const usage = [
  '使い方: cityhall keys rotate [--new-data-key] [--tenant 自治体ID]',
  '  CITYHALL_MASTER_KEY（新しい鍵）と CITYHALL_MASTER_KEY_PREVIOUS（以前の鍵）を設定して実行すると、',
  '  以前の鍵で保護されたデータ鍵をすべて新しい鍵で包み直します。',
  '  --new-data-key  新しい暗号化鍵の版を作ります（以降の書き込みに使われ、既存の暗号文も引き続き復号できます）',
  '  --tenant        対象を一つの自治体に限ります',
].join('\n');

/** `cityhall keys …`; returns the exit code. `databaseUrl` must be the owner's. */
export async function keysCommand(
  args: string[],
  ctx: {
    databaseUrl: string;
    env: Record<string, string | undefined>;
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
  },
): Promise<number> {
  const [sub, ...rest] = args;
  let values: { 'new-data-key': boolean; tenant?: string | undefined };
  try {
    if (sub !== 'rotate') throw new Error(sub === undefined ? '' : `不明なサブコマンドです: ${sub}`);
    values = parseArgs({
      args: rest,
      options: { 'new-data-key': { type: 'boolean', default: false }, tenant: { type: 'string' } },
    }).values;
  } catch (error) {
    const reason = (error as Error).message;
    ctx.stderr.write(`${reason ? `${reason}\n` : ''}${usage}\n`);
    return 2;
  }
  let wrapper: KeyWrapper;
  try {
    wrapper = keyWrapperFromEnv(ctx.env);
  } catch (error) {
    ctx.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const database = createDatabase(ctx.databaseUrl, { max: 2, applicationName: 'cityhall-keys' });
  try {
    if (values.tenant) {
      const known = await sql`select 1 from tenants where id = ${values.tenant}`.execute(database.db);
      if (known.rows.length === 0) {
        ctx.stderr.write(`自治体「${values.tenant}」は登録されていません。\n`);
        return 1;
      }
    }
    const result = await rotateKeys(
      { db: database.db, wrapper },
      { newDataKey: values['new-data-key'], tenantId: values.tenant },
    );
    const lines = [`データ鍵 ${result.rewrapped} 件をマスター鍵「${wrapper.id}」で包み直しました。`];
    if (values['new-data-key']) {
      lines.push(
        `新しい暗号化鍵の版を ${result.newDataKeys} 自治体に作りました。以降の書き込みはこの版を使い、既存の暗号文は元の版のまま復号できます。`,
        '既存の行を新しい版で暗号化し直すのは、その行を持つ各モジュールの作業です。',
      );
    }
    if (ctx.env.CITYHALL_MASTER_KEY_PREVIOUS) {
      lines.push(
        'すべてのサーバーが新しい CITYHALL_MASTER_KEY で動いていれば、以前のマスター鍵は不要です。CITYHALL_MASTER_KEY_PREVIOUS を外してください。',
      );
    }
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    // A missing or wrong master key is the operator's to fix: say which, without a stack trace.
    if (error instanceof MasterKeyError) {
      ctx.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.db.destroy();
  }
}
