// The server's secrets: an HMAC key (CSRF tokens, the audit chain) and the master key that wraps each
// tenant's data keys. Production sets them in the environment; a developer's machine gets them generated
// once into the data folder, so `npm start` needs no set-up and restarts keep sessions and data readable.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config.ts';

export interface Secrets {
  /** Root HMAC key; use `derive(purpose)` rather than the key itself. */
  derive(purpose: string): Buffer;
  /** `id:base64` of the master key (CITYHALL_MASTER_KEY format). */
  masterKey: string;
  /** The previous master key during a rotation, if any. */
  previousMasterKey: string | undefined;
  /** Where generated secrets were written; undefined when all came from the environment. */
  generatedFile: string | undefined;
}

interface SecretsFile {
  secret: string;
  masterKey: string;
}

function decodeSecret(name: string, value: string): Buffer {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 32) {
    throw new ConfigError(
      `環境変数 ${name} は 32 バイト以上の乱数を base64 で指定してください（例: openssl rand -base64 32）。`,
    );
  }
  return bytes;
}

async function generatedSecrets(dataDir: string): Promise<{ file: string; values: SecretsFile }> {
  const file = path.join(dataDir, 'secrets.json');
  const fresh: SecretsFile = {
    secret: randomBytes(32).toString('base64'),
    masterKey: `local-${new Date().toISOString().slice(0, 10)}:${randomBytes(32).toString('base64')}`,
  };
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx': two processes starting together must not each write their own keys.
    await writeFile(file, `${JSON.stringify(fresh, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    return { file, values: fresh };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return { file, values: JSON.parse(await readFile(file, 'utf8')) as SecretsFile };
    } catch (error) {
      // The other process may be between creating and writing the file.
      if (attempt > 20) throw new ConfigError(`${file} を読めません: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function loadSecrets(env: NodeJS.ProcessEnv, dataDir: string): Promise<Secrets> {
  let secret = env.CITYHALL_SECRET ? decodeSecret('CITYHALL_SECRET', env.CITYHALL_SECRET) : undefined;
  let masterKey = env.CITYHALL_MASTER_KEY || undefined;
  let generatedFile: string | undefined;
  if (!secret || !masterKey) {
    const generated = await generatedSecrets(dataDir);
    generatedFile = generated.file;
    secret ??= Buffer.from(generated.values.secret, 'base64');
    masterKey ??= generated.values.masterKey;
  }
  const root = secret;
  const cache = new Map<string, Buffer>();
  return {
    derive(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = createHmac('sha256', root).update(`cityhall:${purpose}`).digest();
        cache.set(purpose, key);
      }
      return key;
    },
    masterKey,
    previousMasterKey: env.CITYHALL_MASTER_KEY_PREVIOUS || undefined,
    generatedFile,
  };
}
