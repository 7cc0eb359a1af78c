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
  /** Largest file accepted in one multipart upload. */
  uploadLimitBytes: number;
  pretty: boolean;
  /** SMTP server for outgoing mail (smtp:// or smtps://). Unset: the demo mailbox in `npm start`, else none. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Network zones by address range, e.g. `lgwan=10.0.0.0/8;vpn=172.16.0.0/12` (others: internet). */
  networkZones: string;
  /**
   * Hours (Japan time) outside office hours, when only registered devices may handle personal data:
   * STAFF_OFF_HOURS=22-7 (default), or `none` for a city without the rule.
   */
  staffOffHours: OffHours | undefined;
  /** Scheduled jobs (the nightly eligibility run) are made by the worker: SCHEDULED_JOBS=on (default) or off. */
  scheduledJobs: boolean;
  /** Sign-in attempts allowed per client address in 10 minutes (raise behind a shared NAT). */
  signInLimitPerIp: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** JPKI: PEM bundle of trusted CA certificates, a CRL file, or an operator's revocation service URL. */
  jpki: { trustAnchors: string; crlFile: string; revocationUrl: string | undefined };
  /** OpenID Connect provider for My Number Card sign-in (デジタル認証アプリ model). */
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined } | undefined;
  /** Payment provider (Stripe Checkout style). Unset: the demo's in-process stand-in, else no online payment. */
  payment: { providerUrl: string; secretKey: string; webhookSecret: string } | undefined;
  /** Uploaded files: FILE_STORAGE=local (default, under FILES_DIR) or s3 (S3_* variables). */
  files:
    | { kind: 'local'; dir: string }
    | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };
  /** Outbound webhooks: time limit per attempt, attempts in all, and the first retry's delay (doubles each time). */
  webhooks: { timeoutMs: number; maxAttempts: number; retryBaseSeconds: number };
  /** The city's public origin (https://…), printed in QR codes of issued documents. Unset: localhost. */
  publicUrl: string | undefined;
  /** LINE Messaging API channel (LINE_CHANNEL_ACCESS_TOKEN, LINE_CHANNEL_SECRET; LINE_API_BASE_URL for a stand-in). */
  line: { apiBaseUrl: string; channelAccessToken: string; channelSecret: string } | undefined;
}

/** From `from` o'clock up to (not including) `to` o'clock, Japan time; may wrap past midnight. */
export interface OffHours {
  from: number;
  to: number;
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
  const dataDir = path.resolve(env.CITYHALL_DATA_DIR || 'var');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    appDbPassword: env.APP_DB_PASSWORD || 'cityhall-local-only',
    appDbRole,
    dataDir,
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 5488, 1024, 65535),
    defaultTenant,
    logLevel,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    uploadLimitBytes: integer(env, 'UPLOAD_LIMIT_BYTES', 10_485_760, 1024, 1_073_741_824),
    pretty: env.LOG_PRETTY ? env.LOG_PRETTY === '1' : Boolean(process.stdout.isTTY),
    smtpUrl: smtpUrl(env),
    line: lineConfig(env),
    mailFrom: env.MAIL_FROM || 'デジタル市役所 <no-reply@cityhall.example>',
    networkZones: env.NETWORK_ZONES ?? '',
    staffOffHours: offHours(env),
    scheduledJobs: onOff(env, 'SCHEDULED_JOBS', true),
    signInLimitPerIp: integer(env, 'RATE_LIMIT_SIGN_IN_PER_IP', 30, 1, 10_000_000),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    oidc: oidc(env),
    publicUrl: publicUrl(env),
    payment: payment(env),
    files: files(env, dataDir),
    webhooks: {
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      maxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 20),
      retryBaseSeconds: integer(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
    },
    jpki: {
      // Defaults: where `cityhall jpki demo-ca` writes, so the demo works with nothing set.
      trustAnchors: path.resolve(env.JPKI_TRUST_ANCHORS || path.join(dataDir, 'jpki', 'ca.pem')),
      crlFile: path.resolve(env.JPKI_CRL_FILE || path.join(dataDir, 'jpki', 'ca.crl')),
      revocationUrl: env.JPKI_REVOCATION_URL || undefined,
    },
  };
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`環境変数 ${name} の値「${raw}」が不正です。on または off を指定してください。`);
}

function offHours(env: NodeJS.ProcessEnv): OffHours | undefined {
  const raw = env.STAFF_OFF_HOURS || '22-7';
  if (raw === 'none') return undefined;
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
  const from = Number(match?.[1]);
  const to = Number(match?.[2]);
  if (!match || from > 23 || to > 23 || from === to) {
    throw new ConfigError(
      `環境変数 STAFF_OFF_HOURS の値「${raw}」が不正です。業務時間外を「22-7」のように 0〜23 時の範囲で指定するか、none を指定してください。`,
    );
  }
  return { from, to };
}

function lineConfig(env: NodeJS.ProcessEnv): Config['line'] {
  const token = env.LINE_CHANNEL_ACCESS_TOKEN || undefined;
  const secret = env.LINE_CHANNEL_SECRET || undefined;
  if (!token && !secret) return undefined;
  if (!token || !secret) {
    throw new ConfigError(
      'LINE を使うときは LINE_CHANNEL_ACCESS_TOKEN と LINE_CHANNEL_SECRET の両方を指定してください。',
    );
  }
  const apiBaseUrl = env.LINE_API_BASE_URL || 'https://api.line.me';
  if (!/^https?:\/\/[^\s]+$/.test(apiBaseUrl)) {
    throw new ConfigError('環境変数 LINE_API_BASE_URL は https://… の形で指定してください。');
  }
  return { apiBaseUrl, channelAccessToken: token, channelSecret: secret };
}

/** Where links in mails, notices and documents point when no request is at hand: PUBLIC_URL, or this server. */
export function publicOrigin(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port || 3000}`;
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.SMTP_URL || undefined;
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')) {
    throw new ConfigError('環境変数 SMTP_URL は smtp://ホスト:ポート または smtps://… の形で指定してください。');
  }
  return raw;
}

function oidc(env: NodeJS.ProcessEnv): Config['oidc'] {
  const issuer = env.OIDC_ISSUER || undefined;
  if (issuer === undefined) return undefined;
  try {
    new URL(issuer);
  } catch {
    throw new ConfigError('環境変数 OIDC_ISSUER が URL ではありません（例: https://auth.example.go.jp）。');
  }
  const clientId = env.OIDC_CLIENT_ID;
  if (!clientId) throw new ConfigError('OIDC_ISSUER を指定したときは OIDC_CLIENT_ID も指定してください。');
  return { issuer, clientId, clientSecret: env.OIDC_CLIENT_SECRET || undefined };
}

function files(env: NodeJS.ProcessEnv, dataDir: string): Config['files'] {
  const kind = env.FILE_STORAGE || 'local';
  if (kind === 'local') return { kind, dir: path.resolve(env.FILES_DIR || path.join(dataDir, 'files')) };
  if (kind !== 's3') {
    throw new ConfigError(`環境変数 FILE_STORAGE の値「${kind}」が不正です。local または s3 を指定してください。`);
  }
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new ConfigError(`FILE_STORAGE=s3 のときは環境変数 ${name} を指定してください。`);
    return value;
  };
  const endpoint = required('S3_ENDPOINT');
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(
      '環境変数 S3_ENDPOINT は https://ホスト名 の形で指定してください（例: https://s3.ap-northeast-1.amazonaws.com）。',
    );
  }
  const bucket = required('S3_BUCKET');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(
      `環境変数 S3_BUCKET の値「${bucket}」はバケット名として使えません（英小文字・数字・.・- の3〜63文字）。`,
    );
  }
  const region = env.S3_REGION || 'ap-northeast-1';
  if (!/^[a-z0-9-]{2,32}$/.test(region)) {
    throw new ConfigError(`環境変数 S3_REGION の値「${region}」が不正です（例: ap-northeast-1）。`);
  }
  return {
    kind,
    endpoint,
    bucket,
    region,
    accessKeyId: required('S3_ACCESS_KEY_ID'),
    secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
  };
}

function payment(env: NodeJS.ProcessEnv): Config['payment'] {
  const providerUrl = env.PAYMENT_PROVIDER_URL || undefined;
  if (providerUrl === undefined) {
    if (env.PAYMENT_SECRET_KEY || env.PAYMENT_WEBHOOK_SECRET) {
      throw new ConfigError(
        'PAYMENT_SECRET_KEY・PAYMENT_WEBHOOK_SECRET を指定したときは PAYMENT_PROVIDER_URL も指定してください。',
      );
    }
    return undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(providerUrl);
  } catch {
    url = undefined;
  }
  const local = url?.hostname === '127.0.0.1' || url?.hostname === 'localhost' || url?.hostname === '[::1]';
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    throw new ConfigError(
      '環境変数 PAYMENT_PROVIDER_URL は https:// で始まる URL で指定してください（http:// はこのマシン上のスタンドインのみ）。',
    );
  }
  const secretKey = env.PAYMENT_SECRET_KEY ?? '';
  if (secretKey.length < 16) {
    throw new ConfigError(
      '環境変数 PAYMENT_SECRET_KEY に決済事業者のシークレットキー（16文字以上）を指定してください。',
    );
  }
  const webhookSecret = env.PAYMENT_WEBHOOK_SECRET ?? '';
  if (webhookSecret.length < 16) {
    throw new ConfigError(
      '環境変数 PAYMENT_WEBHOOK_SECRET に Webhook の署名シークレット（16文字以上）を指定してください。',
    );
  }
  return { providerUrl, secretKey, webhookSecret };
}

function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.PUBLIC_URL || undefined;
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search) {
    throw new ConfigError('環境変数 PUBLIC_URL は https://city.example.jp のように、パスを付けずに指定してください。');
  }
  return url.origin;
}
