// Designated personal fields (My Number first) are encrypted at rest with the tenant's data key
// (AES-256-GCM), and found by exact match through a blind index (HMAC-SHA256 with the tenant's separate
// index key). Ciphertext layout: [format 1][key version u16][iv 12][tag 16][ciphertext]. The tenant id is
// bound in as associated data, so a value copied into another tenant's row does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import type { KeyWrapper } from './master-key.ts';

export interface FieldCrypto {
  encrypt(tenantId: string, plaintext: string): Promise<Buffer>;
  decrypt(tenantId: string, blob: Buffer): Promise<string>;
  /** Equal for equal values (after normaliseForIndex) within one tenant; unrelated across tenants. */
  blindIndex(tenantId: string, value: string): Promise<Buffer>;
  /** Creates the tenant's data keys if it has none yet (otherwise the first encrypt does). */
  ensureTenantKeys(tenantId: string): Promise<void>;
}

export class FieldCryptoError extends Error {
  override name = 'FieldCryptoError';
}

const format = 1;
const headerLength = 3;
const ivLength = 12;
const tagLength = 16;

interface TenantKeys {
  encrypt: Map<number, Buffer>;
  current: number;
  index: Buffer;
  loadedAt: number;
}

/**
 * `db` is normally the app role, where row-level security shows only the tenant that withTenant names.
 * The CLI and bulk seeding pass the owner connection instead; a superuser owner bypasses RLS, so every
 * query here also says `tenant_id = …` itself rather than trusting the policy to filter.
 */
async function loadKeys(db: Kysely<any>, wrapper: KeyWrapper, tenantId: string): Promise<TenantKeys> {
  const rows = await withTenant(db, tenantId, async (trx) => {
    const read = () =>
      trx
        .selectFrom('tenant_data_keys')
        .select(['purpose', 'version', 'wrapped_key', 'master_key_id'])
        .where('tenant_id', '=', tenantId)
        .execute();
    const found = await read();
    const missing = (['encrypt', 'index'] as const).filter((p) => !found.some((r) => r.purpose === p));
    if (missing.length === 0) return found;
    // Several processes using a new tenant at once: each inserts, the primary key keeps the first, and
    // the re-read (a new snapshot under READ COMMITTED, after the winner committed) returns the winner.
    await trx
      .insertInto('tenant_data_keys')
      .values(
        await Promise.all(
          missing.map(async (purpose) => ({
            tenant_id: tenantId,
            purpose,
            version: 1,
            wrapped_key: await wrapper.wrap(randomBytes(32)),
            master_key_id: wrapper.id,
          })),
        ),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    return read();
  });
  const keys: TenantKeys = { encrypt: new Map(), current: 0, index: Buffer.alloc(0), loadedAt: Date.now() };
  for (const row of rows) {
    const key = await wrapper.unwrap(row.wrapped_key, row.master_key_id);
    if (row.purpose === 'index') keys.index = key;
    else {
      keys.encrypt.set(row.version, key);
      keys.current = Math.max(keys.current, row.version);
    }
  }
  return keys;
}

/**
 * What a blind index compares: full-width folded to ASCII (NFKC), spaces and hyphens dropped, so
 * '1234-5678-9018', '１２３４ ５６７８ ９０１８' and '123456789018' are one My Number.
 */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '');
}

export function createFieldCrypto(options: {
  db: Kysely<any>;
  wrapper: KeyWrapper;
  /** How long unwrapped keys are trusted before a re-read picks up a new key version (default 10 min). */
  refreshMs?: number;
}): FieldCrypto & { forget(): void } {
  const refreshMs = options.refreshMs ?? 10 * 60_000;
  const cache = new Map<string, Promise<TenantKeys>>();
  const load = (tenantId: string) => {
    const keys = loadKeys(options.db, options.wrapper, tenantId);
    // A failure (database down, wrong master key) is not remembered: the next call tries again.
    keys.catch(() => {
      if (cache.get(tenantId) === keys) cache.delete(tenantId);
    });
    cache.set(tenantId, keys);
    return keys;
  };
  const keysOf = async (tenantId: string) => {
    const cached = cache.get(tenantId) ?? load(tenantId);
    const keys = await cached;
    if (Date.now() - keys.loadedAt <= refreshMs) return keys;
    // `cityhall keys rotate --new-data-key` in another process: new writes move to the new version here
    // within refreshMs, without a restart. One re-read per tenant, however many callers notice at once.
    const newer = cache.get(tenantId);
    return newer && newer !== cached ? newer : load(tenantId);
  };
  return {
    async encrypt(tenantId, plaintext) {
      const keys = await keysOf(tenantId);
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', keys.encrypt.get(keys.current)!, iv);
      cipher.setAAD(Buffer.from(tenantId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const header = Buffer.alloc(headerLength);
      header.writeUInt8(format, 0);
      header.writeUInt16BE(keys.current, 1);
      return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
    },
    async decrypt(tenantId, blob) {
      if (blob.length < headerLength + ivLength + tagLength || blob.readUInt8(0) !== format) {
        throw new FieldCryptoError('暗号文の形式が正しくありません。');
      }
      const version = blob.readUInt16BE(1);
      let key = (await keysOf(tenantId)).encrypt.get(version);
      // Written by another process after it created a newer data key than this one has seen.
      if (!key) key = (await load(tenantId)).encrypt.get(version);
      if (!key)
        throw new FieldCryptoError(`データ鍵の版 ${version} がありません（改ざんされた暗号文の可能性があります）。`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(headerLength, headerLength + ivLength));
        decipher.setAAD(Buffer.from(tenantId));
        decipher.setAuthTag(blob.subarray(headerLength + ivLength, headerLength + ivLength + tagLength));
        const body = blob.subarray(headerLength + ivLength + tagLength);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldCryptoError('暗号文が改ざんされているか、別の自治体のデータです。');
      }
    },
    async blindIndex(tenantId, value) {
      const keys = await keysOf(tenantId);
      return createHmac('sha256', keys.index).update(normaliseForIndex(value)).digest();
    },
    async ensureTenantKeys(tenantId) {
      await keysOf(tenantId);
    },
    forget() {
      cache.clear();
    },
  };
}
