// Configuration is read and validated once, at start-up; every message names the variable to fix.
import path from 'node:path';

export type ServeRole = 'api' | 'worker' | 'all';

export interface Config {
  port: number;
  host: string;
  /** Owner connection (migrations, bulk loads). Unset: the embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  /** Password of the app's non-superuser role (only needed where the server checks passwords). */
  appDbPassword: string;
  appDbRole: string;
  dataDir: string;
  embeddedPgPort: number;
  defaultTenant: string;
  logLevel: string;
  bodyLimitBytes: number;
  pretty: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`環境変数 ${name} の値「${raw}」が不正です。${min}〜${max} の整数を指定してください。`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError(
        `環境変数 DATABASE_URL の値が URL ではありません（例: postgres://postgres@127.0.0.1:5432/cityhall）。`,
      );
    }
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      throw new ConfigError(`環境変数 DATABASE_URL は postgres:// で始めてください（いま: ${url.protocol}）。`);
    }
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!logLevels.includes(logLevel)) {
    throw new ConfigError(`環境変数 LOG_LEVEL の値「${logLevel}」が不正です。${logLevels.join(', ')} のいずれかです。`);
  }
  const appDbRole = env.APP_DB_ROLE || 'cityhall_app';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(appDbRole)) {
    throw new ConfigError(
      `環境変数 APP_DB_ROLE の値「${appDbRole}」が不正です。英小文字・数字・_ で指定してください。`,
    );
  }
  const defaultTenant = env.DEFAULT_TENANT || 'kawasaki';
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(defaultTenant)) {
    throw new ConfigError(
      `環境変数 DEFAULT_TENANT の値「${defaultTenant}」が不正です。英小文字・数字・- で指定してください。`,
    );
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    appDbPassword: env.APP_DB_PASSWORD || 'cityhall-local-only',
    appDbRole,
    dataDir: path.resolve(env.CITYHALL_DATA_DIR || 'var'),
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 5488, 1024, 65535),
    defaultTenant,
    logLevel,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    pretty: env.LOG_PRETTY ? env.LOG_PRETTY === '1' : Boolean(process.stdout.isTTY),
  };
}
