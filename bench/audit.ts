// `npm run bench -- audit`: audited writes per second from 16 concurrent request-like transactions (each
// withTenant + one audit INSERT as the app role) while the sealer runs, next to plain INSERTs of the same
// rows in the same run; then the time to seal and to verify one million entries.
import pg from 'pg';
import pino from 'pino';
import { appendAudit, recordAudit } from '../src/platform/audit/audit.ts';
import { sealAuditLog } from '../src/platform/audit/seal.ts';
import { verifyAuditChain } from '../src/platform/audit/verify.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { withTenant } from '../src/platform/db/tenant.ts';
import { startCityHall } from '../src/platform/runtime.ts';
import { benchServer, scratchDatabase } from './lib/database.ts';

const clients = 16;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const million = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000);

const entry = (i: number) => ({
  tenantId: 'kawasaki',
  actor: `staff-${i % 50}`,
  actorKind: 'staff' as const,
  action: 'resident.read',
  resourceType: 'resident',
  resourceId: String(i),
  department: 'ward-141313.kumin',
  dataClass: 'personal' as const,
  decision: 'allow' as const,
  zone: 'lgwan',
  ip: '10.1.2.3',
  requestId: `bench-${i}`,
  details: { query: '川崎' },
});

async function during(fn: (i: number) => Promise<void>): Promise<number> {
  let done = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) await fn(done++);
    }),
  );
  return Math.round(done / seconds);
}

export async function run() {
  const server = await benchServer();
  const scratch = await scratchDatabase(server.url, 'bench_audit');
  const config = loadConfig({ DATABASE_URL: scratch.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const city = await startCityHall({
    config,
    log: pino({ level: 'silent' }),
    demo: true,
    demoResidents: 0,
    listen: false,
  });
  await city.ready;
  const { db } = city.deps;

  // A staff read: its own audit entry, one round trip (recordAudit).
  const appends = await during((i) => recordAudit(city.deps, entry(i)));
  // A change: the entry inside the request's transaction (BEGIN, change, audit, COMMIT).
  const inTransaction = await during((i) => withTenant(db, 'kawasaki', (trx) => appendAudit(trx, entry(i))));
  const sealStarted = performance.now();
  const key = city.deps.secrets.derive('audit-chain');
  for (;;) {
    await sealAuditLog(city.deps.ownerDb, key);
    const left = await city.deps.ownerPool.query(`select count(*)::int as n from audit_log where chain_seq is null`);
    if (left.rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const sealLagMs = Math.round(performance.now() - sealStarted);

  const raw = new pg.Pool({ connectionString: scratch.url, max: clients });
  const rawInserts = await during(async (i) => {
    const e = entry(i);
    await raw.query(
      `insert into audit_log (tenant_id, actor, actor_kind, action, resource_type, resource_id, department, data_class, decision, zone, ip, request_id, details)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [
        e.tenantId,
        e.actor,
        e.actorKind,
        e.action,
        e.resourceType,
        e.resourceId,
        e.department,
        e.dataClass,
        e.decision,
        e.zone,
        e.ip,
        e.requestId,
        JSON.stringify(e.details),
      ],
    );
  });

  // One million entries for a second tenant, written in bulk, then sealed and verified.
  await raw.query(
    `insert into tenants (id, lg_code, name_ja, name_en) values ('bench', '999999', 'ベンチ', 'Bench') on conflict do nothing`,
  );
  await raw.query(
    `insert into audit_log (tenant_id, actor, actor_kind, action, resource_type, resource_id, data_class, decision, zone, details)
     select 'bench', 'staff-' || (g % 50), 'staff', 'resident.read', 'resident', g::text, 'personal', 'allow', 'lgwan', '{"query":"川崎"}'
     from generate_series(1, $1) g`,
    [million],
  );
  // Autovacuum analyses a table after such a change; a bulk load this fast outruns it, so do it here.
  await raw.query('analyze audit_log');
  // The city's own sealer runs too; whichever holds the tenant's lock seals. Wait until nothing is left.
  const sealMillionStarted = performance.now();
  for (;;) {
    await sealAuditLog(city.deps.ownerDb, key);
    const left = await raw.query(`select count(*)::int as n from audit_log where chain_seq is null`);
    if (left.rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seal1m = (performance.now() - sealMillionStarted) / 1000;
  const verifyStarted = performance.now();
  const verified = await verifyAuditChain(city.deps.ownerDb, key, 'bench');
  const verify1m = (performance.now() - verifyStarted) / 1000;
  if (!verified.ok || verified.checked !== million) throw new Error(`verify failed: ${JSON.stringify(verified)}`);

  await raw.end();
  await city.stop();
  await scratch.drop();
  await server.stop();
  return {
    appends_per_s: appends,
    raw_inserts_per_s: rawInserts,
    share_of_raw: Number((appends / rawInserts).toFixed(3)),
    appends_in_request_transaction_per_s: inTransaction,
    target_appends_per_s: 5000,
    clients,
    seal_after_load_ms: sealLagMs,
    seal_1m_s: Number(seal1m.toFixed(2)),
    verify_1m_s: Number(verify1m.toFixed(2)),
    target_verify_1m_s: 10,
    rows_verified: verified.checked,
  };
}
