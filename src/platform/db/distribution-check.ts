// Scale-out by tenant: a tenant-owned table can be distributed on Citus by tenant_id unchanged only if
// its keys all include tenant_id. This reads the catalogue and names each table that breaks a rule.
import type pg from 'pg';

/** Global tables: not owned by a tenant (reference tables on Citus). */
export const globalTables = ['tenants', 'schema_migrations'];

const tenantOwned = (rel: string) =>
  `exists (select 1 from pg_attribute a where a.attrelid = ${rel} and a.attname = 'tenant_id' and not a.attisdropped)`;

const checks: { rule: string; sql: string }[] = [
  {
    rule: 'tenant_id 列がなく、グローバル表としても宣言されていません',
    sql: `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not ${tenantOwned('c.oid')}
        and c.relname <> all ($1::text[])`,
  },
  {
    rule: '主キーがありません',
    sql: `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and ${tenantOwned('c.oid')}
        and not exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'p')`,
  },
  {
    rule: '主キーまたは一意制約・一意索引に tenant_id が含まれていません',
    sql: `select c.relname || ' (' || i.relname || ')' as name
      from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and x.indisunique and ${tenantOwned('c.oid')}
        and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                        and a.attnum = any (x.indkey))`,
  },
  {
    rule: '外部キーの両側に tenant_id が含まれていません',
    sql: `select c.relname || ' (' || k.conname || ')' as name
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype = 'f' and r.relname <> all ($1::text[])
        and (not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
                         and a.attnum = any (k.conkey))
          or not exists (select 1 from pg_attribute a where a.attrelid = r.oid and a.attname = 'tenant_id'
                         and a.attnum = any (k.confkey)))`,
  },
  {
    rule: '行レベルセキュリティ（FORCE）と app_tenant() のポリシーがありません',
    sql: `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and ${tenantOwned('c.oid')}
        and not (c.relrowsecurity and c.relforcerowsecurity
          and exists (select 1 from pg_policy p where p.polrelid = c.oid
                      and pg_get_expr(p.polqual, p.polrelid) like '%app_tenant()%'
                      and pg_get_expr(p.polwithcheck, p.polrelid) like '%app_tenant()%'))`,
  },
];

/** Returns one line per violation ("table: rule"); empty when the schema can be distributed by tenant. */
export async function checkDistributionReadiness(pool: pg.Pool): Promise<string[]> {
  const violations: string[] = [];
  for (const check of checks) {
    const params = check.sql.includes('$1') ? [globalTables] : [];
    const { rows } = await pool.query<{ name: string }>(check.sql, params);
    for (const row of rows) violations.push(`${row.name}: ${check.rule}`);
  }
  return violations.sort();
}
