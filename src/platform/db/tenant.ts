// Every tenant-owned query runs inside a transaction that names its tenant; RLS policies read it.
import { type Compilable, type CompiledQuery, type Kysely, sql } from 'kysely';
import pg from 'pg';

const tenantPattern = /^[a-z][a-z0-9-]{1,62}$/;

/**
 * The statement naming the tenant for the rest of the transaction, for SQL sent as text (checked against the
 * tenant id pattern, so it cannot inject). For a session that must stay on one connection (a temporary table).
 */
export function tenantSetting(tenantId: string): string {
  if (!tenantPattern.test(tenantId)) throw new Error(`invalid tenant id: ${JSON.stringify(tenantId)}`);
  return `select set_config('app.tenant_id', '${tenantId}', true)`;
}

/**
 * Runs `fn` in a transaction whose `app.tenant_id` is `tenantId`. The setting is transaction-local
 * (set_config(..., true)), so it ends with the transaction and never leaks to the next user of a pooled
 * connection. BEGIN and set_config go to the server as one message (one round trip instead of two); the
 * tenant id is checked against the tenant id pattern and quoted, so it cannot inject SQL.
 */
export async function withTenant<T>(
  db: Kysely<any>,
  tenantId: string,
  fn: (trx: Kysely<any>) => Promise<T>,
): Promise<T> {
  const setting = tenantSetting(tenantId);
  return db.connection().execute(async (conn) => {
    await sql.raw(`begin; ${setting}`).execute(conn);
    try {
      const result = await fn(conn);
      await sql.raw('commit').execute(conn);
      return result;
    } catch (error) {
      await sql
        .raw('rollback')
        .execute(conn)
        .catch(() => undefined);
      throw error;
    }
  });
}

type Literal = string | number | boolean | null | bigint;

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pg.escapeLiteral(value);
  throw new Error(`readWithTenant cannot inline a ${typeof value}`);
}

/**
 * One read in one round trip: `set_config` and the query go to the server as a single simple-protocol
 * message, which PostgreSQL runs as one implicit transaction, so the tenant setting is local to it exactly
 * as in withTenant. Parameters are inlined as quoted literals (strings, numbers, booleans, null only).
 * For the hot single-statement reads of the API (see bench/api-read.ts); everything else uses withTenant.
 */
export async function readWithTenant<R>(
  pool: pg.Pool,
  tenantId: string,
  query: Compilable<R> | { compile(): CompiledQuery<R> },
): Promise<R[]> {
  const setting = tenantSetting(tenantId);
  const compiled = query.compile();
  const parameters = compiled.parameters as Literal[];
  const text = compiled.sql.replace(/\$(\d+)/g, (_m, n: string) => literal(parameters[Number(n) - 1]));
  const results = (await pool.query(`${setting}; ${text}`)) as unknown as pg.QueryResult[];
  return results[1]!.rows as R[];
}
