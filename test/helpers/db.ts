// One fresh database per test file, copied from the migrated template; dropped by close().
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config/config.ts';
import { appUrlFrom, createDatabase, withDatabaseName } from '../../src/platform/db/pool.ts';
import { ensureTemplateDatabase, serverUrl } from './template.ts';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** App role: not a superuser, row-level security applies. */
  db: Kysely<any>;
  pool: pg.Pool;
  ownerDb: Kysely<any>;
  ownerPool: pg.Pool;
  close(): Promise<void>;
}

export async function createTestDatabase(label = path.basename(process.argv[1] ?? 'test')): Promise<TestDatabase> {
  const template = process.env.TEST_TEMPLATE_DB ?? (await ensureTemplateDatabase());
  const slug = label
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 30);
  const name = `t_${slug}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const config = loadConfig({ ...process.env });
  const ownerUrl = withDatabaseName(serverUrl(), name);
  const appUrl = appUrlFrom(ownerUrl, config.appDbRole, config.appDbPassword);
  const owner = createDatabase(ownerUrl, { max: 4 });
  const app = createDatabase(appUrl, { max: 8 });
  return {
    name,
    ownerUrl,
    appUrl,
    db: app.db,
    pool: app.pool,
    ownerDb: owner.db,
    ownerPool: owner.pool,
    async close() {
      await Promise.all([app.db.destroy(), owner.db.destroy()]);
      const drop = new pg.Client({ connectionString: serverUrl() });
      await drop.connect();
      try {
        await drop.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await drop.end();
      }
    },
  };
}
