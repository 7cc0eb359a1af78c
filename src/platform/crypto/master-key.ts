// The master key wraps tenants' data keys and never touches the database. It comes from the environment
// (CITYHALL_MASTER_KEY as `id:base64-of-32-bytes`) behind the KeyWrapper interface, so a cloud KMS
// adapter can take its place without touching the code that encrypts fields. The id is stored beside
// every wrapped key, which is how a rotation knows which keys still need the previous master key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface KeyWrapper {
  /** Id of the master key new wraps use (stored in tenant_data_keys.master_key_id). */
  readonly id: string;
  wrap(dataKey: Buffer): Promise<Buffer>;
  /** `keyId` is the id the wrapped key was stored with; it may name the previous master key. */
  unwrap(wrapped: Buffer, keyId: string): Promise<Buffer>;
}

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

export interface MasterKey {
  id: string;
  key: Buffer;
}

const example = 'k2026:$(openssl rand -base64 32)';

export function parseMasterKey(name: string, value: string): MasterKey {
  const colon = value.indexOf(':');
  const id = value.slice(0, colon);
  const encoded = value.slice(colon + 1).trim();
  const key = Buffer.from(encoded, 'base64');
  if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
    throw new MasterKeyError(
      `環境変数 ${name} は「鍵ID:32バイトの乱数のbase64」の形で指定してください（例: ${example}）。`,
    );
  }
  // Buffer.from(…, 'base64') skips characters it does not know; the round trip catches a mistyped value.
  if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new MasterKeyError(`環境変数 ${name} の鍵の値が32バイトの乱数のbase64になっていません（例: ${example}）。`);
  }
  return { id, key };
}

/**
 * The wrapper for this process from CITYHALL_MASTER_KEY (and CITYHALL_MASTER_KEY_PREVIOUS during a
 * rotation); errors name the variable.
 */
export function keyWrapperFromEnv(env: Record<string, string | undefined>): KeyWrapper {
  const current = env.CITYHALL_MASTER_KEY;
  if (!current) throw new MasterKeyError(`環境変数 CITYHALL_MASTER_KEY が設定されていません（例: ${example}）。`);
  const previous = env.CITYHALL_MASTER_KEY_PREVIOUS;
  return localKeyWrapper(
    parseMasterKey('CITYHALL_MASTER_KEY', current),
    previous ? parseMasterKey('CITYHALL_MASTER_KEY_PREVIOUS', previous) : undefined,
  );
}

/** AES-256-GCM key wrap with master keys held in this process (from the environment). */
export function localKeyWrapper(current: MasterKey, previous?: MasterKey | readonly MasterKey[]): KeyWrapper {
  const older = previous === undefined ? [] : Array.isArray(previous) ? previous : [previous as MasterKey];
  const keys = new Map<string, Buffer>([[current.id, current.key]]);
  for (const k of older) {
    // Two keys under one id would make every stored master_key_id ambiguous.
    if (keys.has(k.id)) {
      throw new MasterKeyError(
        `CITYHALL_MASTER_KEY_PREVIOUS の鍵ID「${k.id}」が CITYHALL_MASTER_KEY と同じです。新しい鍵には新しいIDを付けてください。`,
      );
    }
    keys.set(k.id, k.key);
  }
  return {
    id: current.id,
    async wrap(dataKey) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      // The id as associated data: a wrapped key relabelled with another master key's id is refused.
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async unwrap(wrapped, keyId) {
      const key = keys.get(keyId);
      if (!key) {
        throw new MasterKeyError(
          `データ鍵はマスター鍵「${keyId}」で保護されていますが、その鍵が設定されていません。` +
            `CITYHALL_MASTER_KEY_PREVIOUS に「${keyId}:…」を設定して cityhall keys rotate を実行してください。`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, 12));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(wrapped.subarray(12, 28));
        return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
      } catch {
        const variable = keyId === current.id ? 'CITYHALL_MASTER_KEY' : 'CITYHALL_MASTER_KEY_PREVIOUS';
        throw new MasterKeyError(
          `マスター鍵「${keyId}」でデータ鍵を復号できません。${variable} の値が正しいか確認してください。`,
        );
      }
    },
  };
}
