// Designated personal fields (My Number first) are encrypted at rest with the tenant's data key
// (AES-256-GCM), and found by exact match through a blind index (HMAC-SHA256 with the tenant's index
// key). Ciphertext layout: [format 1][key version u16][iv 12][tag 16][ciphertext]. The tenant id is
// bound in as associated data, so a value copied into another tenant's row does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import type { KeyWrapper } from './master-key.ts';

export interface FieldCrypto {
  encrypt(tenantId: string, plaintext: string): Promise<Buffer>;
  decrypt(tenantId: string, blob: Buffer): Promise<string>;
  blindIndex(tenantId: string, value: string): Promise<Buffer>;
}

export class FieldCryptoError extends Error {
  override name = 'FieldCryptoError';
}

const format = 1;

interface TenantKeys {
  encrypt: Map<number, Buffer>;
  current: number;
  index: Buffer;
}

async function loadKeys(db: Kysely<any>, wrapper: KeyWrapper, tenantId: string): Promise<TenantKeys> {
  return withTenant(db, tenantId, async (trx) => {
    const read = () =>
      trx
        .selectFrom('tenant_data_keys')
        .select(['purpose', 'version', 'wrapped_key', 'master_key_id'])
        .where('tenant_id', '=', tenantId)
        .execute();
    let rows = await read();
    for (const purpose of ['encrypt', 'index'] as const) {
      if (!rows.some((r) => r.purpose === purpose)) {
        // Two processes creating the first key at once: one insert wins, both read the winner.
        await trx
          .insertInto('tenant_data_keys')
          .values({
            tenant_id: tenantId,
            purpose,
            version: 1,
            wrapped_key: await wrapper.wrap(randomBytes(32)),
            master_key_id: wrapper.currentId,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    rows = await read();
    const keys: TenantKeys = { encrypt: new Map(), current: 0, index: Buffer.alloc(0) };
    for (const row of rows) {
      const key = await wrapper.unwrap(row.wrapped_key, row.master_key_id);
      if (row.purpose === 'index') keys.index = key;
      else {
        keys.encrypt.set(row.version, key);
        keys.current = Math.max(keys.current, row.version);
      }
    }
    return keys;
  });
}

/** Normalises what a blind index compares: My Number and similar codes by their digits only. */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '');
}

export function createFieldCrypto(options: { db: Kysely<any>; wrapper: KeyWrapper }): FieldCrypto & { forget(): void } {
  const cache = new Map<string, Promise<TenantKeys>>();
  const keysOf = (tenantId: string) => {
    let keys = cache.get(tenantId);
    if (!keys) {
      keys = loadKeys(options.db, options.wrapper, tenantId);
      keys.catch(() => cache.delete(tenantId));
      cache.set(tenantId, keys);
    }
    return keys;
  };
  return {
    async encrypt(tenantId, plaintext) {
      const keys = await keysOf(tenantId);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.encrypt.get(keys.current)!, iv);
      cipher.setAAD(Buffer.from(tenantId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const header = Buffer.alloc(3);
      header.writeUInt8(format, 0);
      header.writeUInt16BE(keys.current, 1);
      return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
    },
    async decrypt(tenantId, blob) {
      if (blob.length < 31 || blob.readUInt8(0) !== format)
        throw new FieldCryptoError('暗号文の形式が正しくありません。');
      const keys = await keysOf(tenantId);
      const key = keys.encrypt.get(blob.readUInt16BE(1));
      if (!key) throw new FieldCryptoError(`データ鍵の版 ${blob.readUInt16BE(1)} がありません。`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(3, 15));
        decipher.setAAD(Buffer.from(tenantId));
        decipher.setAuthTag(blob.subarray(15, 31));
        return Buffer.concat([decipher.update(blob.subarray(31)), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldCryptoError('暗号文が改ざんされているか、別の自治体のデータです。');
      }
    },
    async blindIndex(tenantId, value) {
      const keys = await keysOf(tenantId);
      return createHmac('sha256', keys.index).update(normaliseForIndex(value)).digest();
    },
    forget() {
      cache.clear();
    },
  };
}
