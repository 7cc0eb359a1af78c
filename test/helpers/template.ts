// A migrated template database, built once per migration set; each test file copies it
// (CREATE DATABASE … TEMPLATE), so files run in parallel, isolated, and leave nothing behind.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { modules } from '../../src/modules/index.ts';
import { loadConfig } from '../../src/platform/config/config.ts';
import { loadMigrations } from '../../src/platform/db/migrate.ts';
import { createDatabase, withDatabaseName } from '../../src/platform/db/pool.ts';
import { jobSchema } from '../../src/platform/jobs/queue.ts';
import { migrationSources, prepareDatabase } from '../../src/platform/runtime.ts';
import { ensureTenant, kawasaki } from '../../src/platform/tenancy/tenants.ts';

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which provides a database.');
  return url;
}

export async function ensureTemplateDatabase(): Promise<string> {
  const files = await loadMigrations(migrationSources(modules));
  const hash = createHash('sha256')
    .update(files.map((f) => f.checksum).join())
    .digest('hex')
    .slice(0, 12);
  const name = `cityhall_tpl_${hash}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7262002)');
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await admin.query(`create database "${name}_building"`).catch(async () => {
        await admin.query(`drop database "${name}_building" with (force)`);
        await admin.query(`create database "${name}_building"`);
      });
      const url = withDatabaseName(serverUrl(), `${name}_building`);
      const owner = createDatabase(url, { max: 2 });
      try {
        await prepareDatabase(owner, loadConfig({ ...process.env, DATABASE_URL: url }), files);
        await ensureTenant(owner.db, kawasaki);
        const boss = new PgBoss({
          connectionString: url,
          schema: jobSchema,
          supervise: false,
          schedule: false,
        });
        boss.on('error', () => undefined);
        await boss.start();
        await boss.stop({ graceful: false });
      } finally {
        await owner.pool.end();
      }
      await admin.query(`alter database "${name}_building" rename to "${name}"`);
      // Keep the newest few templates of other migration sets: another checkout's test run on this server
      // (CI beside a working copy) may still be copying one. Older ones go, never while in use (no FORCE).
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'cityhall\\_tpl\\_%' and datname <> $1
          order by oid desc offset 8`,
        [name],
      );
      for (const old of rows) await admin.query(`drop database if exists "${old.datname}"`).catch(() => undefined);
    }
  } finally {
    await admin.query('select pg_advisory_unlock(7262002)').catch(() => undefined);
    await admin.end();
  }
  return name;
}
