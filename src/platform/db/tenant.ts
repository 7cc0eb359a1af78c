// Every tenant-owned query runs inside a transaction that names its tenant; RLS policies read it.
import { type Kysely, sql, type Transaction } from 'kysely';

export async function withTenant<T>(
  db: Kysely<any>,
  tenantId: string,
  fn: (trx: Transaction<any>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}
