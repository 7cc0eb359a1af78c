// A PostgreSQL server for benchmarks: DATABASE_URL when set, else an embedded one under var/bench-pg.
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { withDatabaseName } from '../../src/platform/db/pool.ts';

export async function benchServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({
    dir: path.resolve('var/bench-pg'),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 5490),
    log: pino({ level: 'warn' }),
  });
  return embedded;
}

/** A fresh database on that server; drop() removes it. */
export async function scratchDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  return {
    url: withDatabaseName(serverUrl, name),
    async drop() {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}
