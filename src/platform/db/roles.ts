// The app's own PostgreSQL role: not a superuser and no BYPASSRLS, so row-level security binds it.
import type pg from 'pg';

/** Catalogue changes (CREATE ROLE, GRANT) from processes starting together would collide
 * ("tuple concurrently updated"): each runs in a transaction holding this lock. */
const grantLock = 7_262_003;

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Runs `fn` in a transaction that holds the grant lock, on one connection of the owner pool. */
export async function withGrantLock(owner: pg.Pool, fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await owner.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [grantLock]);
    await fn(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function ensureAppRole(owner: pg.Pool, role: string, password: string): Promise<void> {
  await withGrantLock(owner, async (client) => {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (exists.rowCount === 0) {
      await client.query(
        `create role ${quoteIdent(role)} login nosuperuser nobypassrls nocreatedb nocreaterole password ${literal(password)}`,
      );
    }
  });
}

/** Tables the app may insert into and read, never change. */
export const appendOnlyTables = ['audit_log', 'domain_events'];

/** Grants the app role what it needs on everything migrations created; run after every migrate. */
export async function grantAppRole(owner: pg.Pool, role: string): Promise<void> {
  const r = quoteIdent(role);
  await withGrantLock(owner, async (client) => {
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    await client.query(`grant connect on database ${quoteIdent(rows[0]!.db)} to ${r}`);
    await client.query(`grant usage on schema public to ${r}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
    await client.query(`grant usage, select on all sequences in schema public to ${r}`);
    await client.query(`grant execute on all functions in schema public to ${r}`);
    await client.query(`revoke all on table schema_migrations from ${r}`);
    await client.query(`grant select on table schema_migrations to ${r}`);
    // Append-only for the app: an audit entry, once written, can only be read (the sealer runs as owner).
    const appendOnly = await client.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' and tablename = any($1)`,
      [appendOnlyTables],
    );
    for (const { t } of appendOnly.rows) {
      await client.query(`revoke update, delete, truncate on table ${quoteIdent(t)} from ${r}`);
    }
  });
}
