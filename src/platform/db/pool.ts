// Connection pools. The app's requests use the non-superuser role so row-level security applies;
// the owner pool is for migrations, bulk demo loads and the job queue's own schema.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

// PostgreSQL `date` stays 'YYYY-MM-DD' text: converting it through a JS Date shifts it by the time zone.
pg.types.setTypeParser(1082, (value: string) => value);
// bigint ids as numbers when they fit; counts are small enough here.
pg.types.setTypeParser(20, (value: string) => {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
});

export interface Database {
  db: Kysely<any>;
  pool: pg.Pool;
}

export function createDatabase(url: string, options: { max?: number; applicationName?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 20,
    application_name: options.applicationName ?? 'cityhall',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => undefined);
  // Nor a checked-out client between two statements of a transaction (the server stopping first at
  // shutdown, a restart): the error reaches the caller through its next query instead of crashing.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return { db: new Kysely<any>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/** The same server and database as the owner URL, signed in as the app role. */
export function appUrlFrom(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

export function withDatabaseName(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}
