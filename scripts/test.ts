// `npm test`: every test on a real PostgreSQL. With DATABASE_URL, that server; without it, an
// embedded PostgreSQL under var/test-pg started here, so a fresh machine needs nothing installed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { ensureTemplateDatabase } from '../test/helpers/template.ts';

const log = pino({ level: 'warn' });
const args = process.argv.slice(2);
const patterns = args.length > 0 ? args : ['src/**/*.test.ts', 'test/**/*.test.ts'];

let stopEmbedded: () => Promise<void> = async () => undefined;
if (!process.env.DATABASE_URL) {
  const pg = await startEmbeddedPostgres({
    dir: path.resolve('var/test-pg'),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 5489),
    log,
  });
  process.env.DATABASE_URL = pg.url;
  stopEmbedded = pg.stop;
  process.stdout.write(`テスト用の組み込み PostgreSQL を起動しました (${new URL(pg.url).host})\n`);
}
process.env.TEST_TEMPLATE_DB = await ensureTemplateDatabase();

const concurrency = process.env.TEST_CONCURRENCY ?? '3';
const child = spawn(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=120000', ...patterns],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
await stopEmbedded();
process.exit(code);
