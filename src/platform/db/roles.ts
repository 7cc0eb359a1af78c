// The app's own PostgreSQL role: not a superuser and no BYPASSRLS, so row-level security binds it.
import type pg from 'pg';

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export async function ensureAppRole(owner: pg.Pool, role: string, password: string): Promise<void> {
  const exists = await owner.query('select 1 from pg_roles where rolname = $1', [role]);
  if (exists.rowCount === 0) {
    try {
      await owner.query(
        `create role ${ident(role)} login nosuperuser nobypassrls nocreatedb nocreaterole password ${literal(password)}`,
      );
    } catch (error) {
      // Another process (a parallel test file, a second server) created it first.
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw error;
    }
  }
}

/** Grants the app role what it needs on everything migrations created; run after every migrate. */
export async function grantAppRole(owner: pg.Pool, role: string): Promise<void> {
  const r = ident(role);
  const { rows } = await owner.query<{ db: string }>('select current_database() as db');
  await owner.query(`grant connect on database ${ident(rows[0]!.db)} to ${r}`);
  await owner.query(`grant usage on schema public to ${r}`);
  await owner.query(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await owner.query(`grant usage, select on all sequences in schema public to ${r}`);
  await owner.query(`grant execute on all functions in schema public to ${r}`);
  await owner.query(`revoke all on table schema_migrations from ${r}`);
  await owner.query(`grant select on table schema_migrations to ${r}`);
}
