// The master key wraps tenants' data keys. It comes from the environment (CITYHALL_MASTER_KEY as
// `id:base64-of-32-bytes`) behind the KeyWrapper interface, so a cloud KMS adapter can take its place
// without touching the code that encrypts fields.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface KeyWrapper {
  /** Id of the key new wraps use. */
  readonly currentId: string;
  wrap(dataKey: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer, keyId: string): Promise<Buffer>;
}

export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

export interface MasterKey {
  id: string;
  key: Buffer;
}

export function parseMasterKey(name: string, value: string): MasterKey {
  const colon = value.indexOf(':');
  const id = value.slice(0, colon);
  const key = Buffer.from(value.slice(colon + 1), 'base64');
  if (colon < 1 || !/^[A-Za-z0-9._-]{1,64}$/.test(id) || key.length !== 32) {
    throw new MasterKeyError(
      `環境変数 ${name} は「鍵ID:32バイトの乱数のbase64」の形で指定してください（例: k2026:$(openssl rand -base64 32)）。`,
    );
  }
  return { id, key };
}

/** AES-256-GCM key wrap with keys held in this process (from the environment). */
export function localKeyWrapper(current: MasterKey, previous: MasterKey[] = []): KeyWrapper {
  const keys = new Map([current, ...previous].map((k) => [k.id, k.key]));
  return {
    currentId: current.id,
    async wrap(dataKey) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(current.id));
      const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async unwrap(wrapped, keyId) {
      const key = keys.get(keyId);
      if (!key) {
        throw new MasterKeyError(
          `データ鍵はマスター鍵「${keyId}」で保護されていますが、その鍵が設定されていません。CITYHALL_MASTER_KEY_PREVIOUS に設定して cityhall keys rotate を実行してください。`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, 12));
        decipher.setAAD(Buffer.from(keyId));
        decipher.setAuthTag(wrapped.subarray(12, 28));
        return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
      } catch {
        throw new MasterKeyError(
          `マスター鍵「${keyId}」でデータ鍵を復号できません。鍵の値が正しいか確認してください。`,
        );
      }
    },
  };
}
