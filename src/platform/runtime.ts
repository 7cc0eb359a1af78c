// Starting and stopping the whole product: database (embedded or DATABASE_URL), migrations, demo
// tenant, job queue, HTTP server. Shared by `cityhall serve`, the tests and the benchmarks.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { modules as allModules } from '../modules/index.ts';
import { startAuditSealer } from './audit/seal.ts';
import type { Config, ServeRole } from './config/config.ts';
import { loadSecrets } from './config/secrets.ts';
import { createFieldCrypto } from './crypto/field-crypto.ts';
import { localKeyWrapper, parseMasterKey } from './crypto/master-key.ts';
import { startEmbeddedPostgres } from './db/embedded.ts';
import { loadMigrations, type MigrationFile, migrate, pendingMigrations, platformMigrations } from './db/migrate.ts';
import { appUrlFrom, createDatabase, type Database, withDatabaseName } from './db/pool.ts';
import { ensureAppRole, grantAppRole } from './db/roles.ts';
import { createEvents, eventJob, loadEvent } from './events/events.ts';
import { startEventRelay } from './events/relay.ts';
import { createFileStorage } from './files/index.ts';
import { buildServer, type ServerState } from './http/server.ts';
import { type Jobs, type QueueDefinition, startJobs } from './jobs/queue.ts';
import { type DemoMailbox, startDemoMailbox } from './mail/demo-mailbox.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import type { CityModule, PlatformDeps } from './module.ts';
import { assets, errorPages } from './pages/server-pages.ts';
import { createTenantDirectory, ensureTenant, kawasaki } from './tenancy/tenants.ts';

export interface CityHall {
  app: FastifyInstance | undefined;
  deps: PlatformDeps;
  url: string | undefined;
  ownerUrl: string;
  /** Resolves when start-up work (migrations, demo data, queue) is done. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  role?: ServeRole;
  /** Create the Kawasaki demo tenant and its demo data when missing. */
  demo?: boolean;
  demoResidents?: number;
  /** Modules whose demo data is not created (tests that do not need a demo catalogue start faster). */
  demoSkip?: string[];
  modules?: CityModule[];
  /** Listen on config.port (false: the caller uses app.inject). */
  listen?: boolean;
  /** Environment for secrets (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export class StartupError extends Error {
  override name = 'StartupError';
}

/** Waits for PostgreSQL with exponential backoff (never gives up; logs every attempt). */
export async function waitForDatabase(pool: pg.Pool, log: Logger, signal?: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('select 1');
      return;
    } catch (error) {
      if (signal?.aborted) throw error;
      const delay = Math.min(30_000, 250 * 2 ** Math.min(attempt, 7));
      log.warn(
        { attempt, retryInMs: delay, err: (error as Error).message },
        'データベースに接続できません。再試行します',
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (signal?.aborted) throw new StartupError('起動処理を中止しました。');
    }
  }
}

async function ensureDatabaseExists(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

export function migrationSources(modules: CityModule[]) {
  return [
    platformMigrations,
    ...modules.filter((m) => m.migrations).map((m) => ({ module: m.name, dir: m.migrations! })),
  ];
}

export function eventSubscriptions(modules: CityModule[]) {
  return modules.filter((m) => m.events).map((m) => ({ subscriber: m.name, types: Object.keys(m.events!) }));
}

export function queueDefinitions(modules: CityModule[], deps: () => PlatformDeps): Record<string, QueueDefinition> {
  const queues: Record<string, QueueDefinition> = {
    [eventJob]: {
      async handler(data) {
        const { tenantId, eventId, subscriber } = data as { tenantId: string; eventId: string; subscriber: string };
        const module = modules.find((m) => m.name === subscriber);
        const event = await loadEvent(deps().db, tenantId, eventId);
        if (!module || !event) return;
        const handle = module.events?.[event.type] ?? module.events?.['*'];
        await handle?.(event, deps());
      },
      retryLimit: 10,
    },
  };
  for (const module of modules) {
    for (const [name, job] of Object.entries(module.jobs ?? {})) {
      queues[name] = { ...job, handler: (data, ctx) => job.handler(data, ctx, deps()) };
    }
  }
  return queues;
}

/** Migrates, grants the app role its rights. Used by `serve` and `cityhall migrate`. */
export async function prepareDatabase(
  owner: Database,
  config: Config,
  files: MigrationFile[],
  onApplied?: (id: string, index: number, total: number) => void,
): Promise<string[]> {
  await ensureAppRole(owner.pool, config.appDbRole, config.appDbPassword);
  const applied = await migrate(owner.pool, files, onApplied);
  await grantAppRole(owner.pool, config.appDbRole);
  return applied;
}

/** The owner connection string: DATABASE_URL, or the embedded server (started here) with its `cityhall` database. */
export async function resolveOwnerDatabase(
  config: Config,
  log: Logger,
): Promise<{ ownerUrl: string; stopEmbedded: () => Promise<void> }> {
  if (config.databaseUrl) return { ownerUrl: config.databaseUrl, stopEmbedded: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dir: config.dataDir, port: config.embeddedPgPort, log });
  try {
    await ensureDatabaseExists(embedded.url, 'cityhall');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: withDatabaseName(embedded.url, 'cityhall'), stopEmbedded: embedded.stop };
}

/** The master key from the environment (or the demo's generated one), previous key included during a rotation. */
export function masterKeyWrapper(secrets: { masterKey: string; previousMasterKey: string | undefined }) {
  return localKeyWrapper(
    parseMasterKey('CITYHALL_MASTER_KEY', secrets.masterKey),
    secrets.previousMasterKey ? [parseMasterKey('CITYHALL_MASTER_KEY_PREVIOUS', secrets.previousMasterKey)] : [],
  );
}

export async function startCityHall(options: StartOptions): Promise<CityHall> {
  const { config, log } = options;
  const role = options.role ?? 'all';
  const modules = options.modules ?? allModules;

  const secrets = await loadSecrets(options.env ?? process.env, config.dataDir);
  if (secrets.generatedFile && !options.demo) {
    log.warn(
      { file: secrets.generatedFile },
      'CITYHALL_SECRET / CITYHALL_MASTER_KEY が未設定のため、データフォルダに生成した鍵を使います。本番では環境変数で設定してください',
    );
  }
  const { ownerUrl, stopEmbedded } = await resolveOwnerDatabase(config, log);
  let demoMailbox: DemoMailbox | undefined;
  let mail: Mailer;
  if (config.smtpUrl) {
    mail = createMailer(config.smtpUrl, config.mailFrom);
  } else if (options.demo) {
    demoMailbox = await startDemoMailbox();
    mail = createMailer(demoMailbox.url, config.mailFrom);
  } else {
    mail = {
      async send() {
        throw new Error('SMTP_URL が未設定のため、メールを送れません。');
      },
      close() {},
    };
  }
  const owner = createDatabase(ownerUrl, { max: 6, applicationName: 'cityhall-owner' });
  const appDb = createDatabase(appUrlFrom(ownerUrl, config.appDbRole, config.appDbPassword), {
    applicationName: `cityhall-${role}`,
  });
  let jobs: Jobs | undefined;
  let sealer: { stop(): Promise<void> } | undefined;
  let relay: { stop(): Promise<void> } | undefined;
  const deps: PlatformDeps = {
    db: appDb.db as Kysely<any>,
    pool: appDb.pool,
    ownerDb: owner.db,
    ownerPool: owner.pool,
    log,
    config,
    secrets,
    mail,
    demoMailbox,
    fieldCrypto: createFieldCrypto({ db: appDb.db as Kysely<any>, wrapper: masterKeyWrapper(secrets) }),
    events: createEvents(eventSubscriptions(modules)),
    files: createFileStorage(config.files),
    get jobs(): Jobs {
      if (!jobs) throw new Error('job queue not started yet');
      return jobs;
    },
  };
  const tenants = createTenantDirectory(appDb.db, config.defaultTenant);
  const state: ServerState = { ready: false, reason: 'データベースに接続しています' };
  const files = await loadMigrations(migrationSources(modules));

  let app: FastifyInstance | undefined;
  let url: string | undefined;
  if (role !== 'worker') {
    app = await buildServer({
      config,
      log,
      deps,
      modules,
      tenants,
      pages: errorPages,
      state,
      assets,
      readiness: async () => {
        await appDb.pool.query('select 1').catch(() => {
          throw new Error('データベースに接続できません。');
        });
        const pending = await pendingMigrations(appDb.pool, files);
        if (pending.length > 0) throw new Error(`未適用のマイグレーションがあります: ${pending.join(', ')}`);
      },
    });
    if (options.listen !== false) {
      try {
        url = await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        await app.close();
        await Promise.all([owner.pool.end(), appDb.pool.end()]);
        await stopEmbedded();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new StartupError(
            `ポート ${config.port} は他のプログラムが使用中です。PORT=${config.port + 1} npm start のように別のポートを指定してください。`,
          );
        }
        throw error;
      }
    }
  }

  const abort = new AbortController();
  const ready = (async () => {
    await waitForDatabase(owner.pool, log, abort.signal);
    state.reason = 'マイグレーションを適用しています';
    log.info(state.reason);
    const applied = await prepareDatabase(owner, config, files);
    if (applied.length > 0) log.info({ applied }, 'マイグレーションを適用しました');
    if (options.demo) {
      state.reason = 'デモデータを作成しています';
      log.info(state.reason);
      if (await ensureTenant(owner.db, kawasaki)) tenants.refresh();
      for (const module of modules) {
        if (options.demoSkip?.includes(module.name)) continue;
        await module.seedDemo?.(deps, {
          tenantId: kawasaki.id,
          residents: options.demoResidents ?? 10_000,
          seed: 1,
        });
      }
    }
    sealer = startAuditSealer({ db: owner.db, key: secrets.derive('audit-chain'), log });
    state.reason = 'ジョブキューを起動しています';
    log.info(state.reason);
    jobs = await startJobs({
      ownerUrl,
      appRole: config.appDbRole,
      queues: queueDefinitions(modules, () => deps),
      log,
      supervise: role !== 'api',
      schedules: config.scheduledJobs,
    });
    if (role !== 'api') {
      await jobs.work();
      relay = startEventRelay({ db: appDb.db as Kysely<any>, jobs, events: deps.events, log });
    }
    state.ready = true;
    state.reason = '';
  })();
  ready.catch((error) => log.error({ err: error }, '起動処理に失敗しました'));

  let stopped = false;
  return {
    app,
    deps,
    url,
    ownerUrl,
    ready,
    async stop() {
      if (stopped) return;
      stopped = true;
      abort.abort();
      await app?.close();
      await ready.catch(() => undefined);
      await relay?.stop();
      await jobs?.stop();
      await sealer?.stop();
      await Promise.all([owner.pool.end(), appDb.pool.end()]);
      mail.close();
      await demoMailbox?.close();
      await stopEmbedded();
    },
  };
}
