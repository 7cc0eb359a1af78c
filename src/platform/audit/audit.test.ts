import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { addTenants } from '../../../test/helpers/tenants.ts';
import { withTenant } from '../db/tenant.ts';
import { type AuditEntry, appendAudit } from './audit.ts';
import { sealAuditLog } from './seal.ts';
import { verifyAuditChain } from './verify.ts';

let database: TestDatabase;
const key = randomBytes(32);

before(async () => {
  database = await createTestDatabase();
  await addTenants(database.ownerDb, 'kawasaki', 'yokohama');
});
after(async () => {
  await database.close();
});

function entry(tenantId: string, i: number): AuditEntry {
  return {
    tenantId,
    actor: `staff-${i % 7}`,
    actorKind: 'staff',
    action: 'resident.read',
    resourceType: 'resident',
    resourceId: String(i),
    dataClass: 'personal',
    decision: 'allow',
    zone: 'lgwan',
    details: { i, note: '閲覧' },
  };
}

async function append(tenantId: string, count: number, offset = 0): Promise<void> {
  // Many small transactions at once, as concurrent requests would write them.
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      withTenant(database.db, tenantId, (trx) => appendAudit(trx, entry(tenantId, offset + i))),
    ),
  );
}

async function resetChain(): Promise<void> {
  await sql`truncate audit_log`.execute(database.ownerDb);
}

test('concurrent appends are sealed into one unbroken chain per tenant, and verify finds no tampering', async () => {
  await resetChain();
  await append('kawasaki', 200);
  await append('yokohama', 50);
  // A rolled-back request leaves no entry behind.
  await assert.rejects(
    withTenant(database.db, 'kawasaki', async (trx) => {
      await appendAudit(trx, entry('kawasaki', 9999));
      throw new Error('request failed');
    }),
  );
  assert.equal(await sealAuditLog(database.ownerDb, key), 250);
  const result = await verifyAuditChain(database.ownerDb, key);
  assert.equal(result.ok, true);
  assert.equal(result.checked, 250);
  const seqs = await database.ownerDb
    .selectFrom('audit_log')
    .select(sql<string>`max(chain_seq)::text`.as('max'))
    .where('tenant_id', '=', 'kawasaki')
    .executeTakeFirstOrThrow();
  assert.equal(seqs.max, '200');
  const rolledBack = await database.ownerDb
    .selectFrom('audit_log')
    .select('id')
    .where('resource_id', '=', '9999')
    .execute();
  assert.equal(rolledBack.length, 0);
});

test('an entry still being written is sealed after it commits, behind entries sealed meanwhile', async () => {
  await resetChain();
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  const slow = withTenant(database.db, 'kawasaki', async (trx) => {
    await appendAudit(trx, entry('kawasaki', 1));
    await held;
  });
  await new Promise((r) => setTimeout(r, 100));
  await append('kawasaki', 3, 10);
  assert.equal(await sealAuditLog(database.ownerDb, key), 3, 'committed entries do not wait for a slow request');
  release();
  await slow;
  assert.equal(await sealAuditLog(database.ownerDb, key), 1);
  assert.equal((await verifyAuditChain(database.ownerDb, key)).checked, 4);
  const late = await database.ownerDb
    .selectFrom('audit_log')
    .select(sql<string>`chain_seq::text`.as('seq'))
    .where('resource_id', '=', '1')
    .executeTakeFirstOrThrow();
  assert.equal(late.seq, '4', 'the slow request came first by id but is sealed last');
});

async function sealed(n: number): Promise<void> {
  await resetChain();
  await append('kawasaki', n);
  await sealAuditLog(database.ownerDb, key);
}

test('altering an entry is found and named', async () => {
  await sealed(20);
  await sql`update audit_log set actor = 'someone-else' where chain_seq = 7`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.equal(result.ok, false);
  assert.equal(result.firstBad?.seq, '7');
  assert.equal(result.firstBad?.problem, 'altered');
});

test('deleting an entry is found and named', async () => {
  await sealed(20);
  await sql`delete from audit_log where chain_seq = 12`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.equal(result.firstBad?.problem, 'deleted');
  assert.equal(result.firstBad?.seq, '13');
});

test('reordering entries is found and named', async () => {
  await sealed(20);
  await sql`update audit_log set chain_seq = case chain_seq when 5 then -6 when 6 then -5 end where chain_seq in (5, 6)`.execute(
    database.ownerDb,
  );
  await sql`update audit_log set chain_seq = -chain_seq where chain_seq < 0`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.equal(result.ok, false);
  assert.equal(result.firstBad?.seq, '5');
  assert.equal(result.firstBad?.problem, 'reordered');
});

test('moving an entry far along the chain is named a reordering at the first place it disturbs', async () => {
  await sealed(30);
  await sql`update audit_log set chain_seq = case chain_seq when 4 then -25 when 25 then -4 end where chain_seq in (4, 25)`.execute(
    database.ownerDb,
  );
  await sql`update audit_log set chain_seq = -chain_seq where chain_seq < 0`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.deepEqual([result.firstBad?.seq, result.firstBad?.problem], ['4', 'reordered']);
});

test('deleting an entry and renumbering the rest to close the gap is still named a deletion', async () => {
  await sealed(20);
  await sql`delete from audit_log where chain_seq = 12`.execute(database.ownerDb);
  await sql`update audit_log set chain_seq = -(chain_seq - 1) where chain_seq > 12`.execute(database.ownerDb);
  await sql`update audit_log set chain_seq = -chain_seq where chain_seq < 0`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.deepEqual([result.firstBad?.seq, result.firstBad?.problem], ['12', 'deleted']);
});

test('a forged entry slipped into the chain is named an insertion', async () => {
  await sealed(20);
  // The forger makes room at 8, copies the links of the entry that was there and invents a hash.
  await sql`update audit_log set chain_seq = -(chain_seq + 1) where chain_seq >= 8`.execute(database.ownerDb);
  await sql`update audit_log set chain_seq = -chain_seq where chain_seq < 0`.execute(database.ownerDb);
  await sql`insert into audit_log (tenant_id, actor, actor_kind, action, resource_type, data_class, decision,
      chain_seq, prev_hash, hash)
    select tenant_id, 'staff-forged', 'staff', 'resident.read', 'resident', 'personal', 'allow', 8, prev_hash,
      sha256(prev_hash)
    from audit_log where tenant_id = 'kawasaki' and chain_seq = 9`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.deepEqual([result.firstBad?.seq, result.firstBad?.problem], ['8', 'inserted']);
});

test('a forged entry added after the last one cannot pass as sealed', async () => {
  await sealed(5);
  await sql`insert into audit_log (tenant_id, actor, actor_kind, action, resource_type, data_class, decision,
      chain_seq, prev_hash, hash)
    select tenant_id, 'staff-forged', 'staff', 'resident.read', 'resident', 'personal', 'allow', 6, hash, sha256(hash)
    from audit_log where tenant_id = 'kawasaki' and chain_seq = 5`.execute(database.ownerDb);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.equal(result.ok, false);
  assert.equal(result.firstBad?.seq, '6');
});

test('a forged entry with a recomputed plain hash is found: the key is not in the database', async () => {
  await sealed(10);
  const forgedKey = randomBytes(32);
  await sql`update audit_log set decision = 'deny' where chain_seq = 3`.execute(database.ownerDb);
  // The forger rebuilds the whole chain with a key of their own.
  await sql`update audit_log set chain_seq = null, prev_hash = null, hash = null`.execute(database.ownerDb);
  await sealAuditLog(database.ownerDb, forgedKey);
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki');
  assert.equal(result.ok, false);
  assert.equal(result.firstBad?.seq, '1');
  assert.equal(result.firstBad?.problem, 'altered');
});

test('the app role may add and read entries of its own tenant only, never change or delete them', async () => {
  await sealed(5);
  await append('yokohama', 2);
  await assert.rejects(
    withTenant(database.db, 'kawasaki', (trx) => sql`update audit_log set actor = 'x'`.execute(trx)),
    /permission denied/,
  );
  await assert.rejects(
    withTenant(database.db, 'kawasaki', (trx) => sql`delete from audit_log`.execute(trx)),
    /permission denied/,
  );
  const visible = await withTenant(database.db, 'kawasaki', (trx) =>
    trx.selectFrom('audit_log').select('tenant_id').distinct().execute(),
  );
  assert.deepEqual(
    visible.map((r) => r.tenant_id),
    ['kawasaki'],
  );
  await assert.rejects(
    withTenant(database.db, 'kawasaki', (trx) => appendAudit(trx, entry('yokohama', 1))),
    /row-level security/,
  );
});

test('an empty log verifies', async () => {
  await resetChain();
  const result = await verifyAuditChain(database.ownerDb, key);
  assert.deepEqual(result, { ok: true, checked: 0, unsealed: 0 });
});

test('the chain HMAC equals node:crypto createHmac byte for byte', async () => {
  const { createHmac } = await import('node:crypto');
  const { hmacSha256 } = await import('./chain.ts');
  for (const k of [randomBytes(32), randomBytes(80), Buffer.alloc(0)]) {
    for (const m of [Buffer.alloc(0), Buffer.from('監査ログ'), randomBytes(1000)]) {
      assert.deepEqual(hmacSha256(k, m), createHmac('sha256', k).update(m).digest());
    }
  }
});

test('the per-entry hash is HMAC-SHA256 of previous hash, position and canonical text', async () => {
  const { createHmac } = await import('node:crypto');
  const { entryHash } = await import('./chain.ts');
  const key = randomBytes(32);
  const prev = randomBytes(32);
  const row = { id: '1', chain_seq: '7', canon: '["kawasaki","1","監査"]', prev_hash: prev, hash: null };
  const expected = createHmac('sha256', key).update(prev).update('7\n["kawasaki","1","監査"]').digest();
  assert.deepEqual(entryHash(key, prev, '7', row), expected);
  assert.deepEqual(
    entryHash(key, prev.subarray(0, 5), '7', row),
    createHmac('sha256', key).update(prev.subarray(0, 5)).update('7\n["kawasaki","1","監査"]').digest(),
  );
});

test('cutting entries off the end is found against a head recorded outside the database', async () => {
  await resetChain();
  await append('kawasaki', 10);
  const heads: { tenantId: string; seq: string; hash: string }[] = [];
  await sealAuditLog(database.ownerDb, key, (h) => heads.push(h));
  const head = heads.at(-1)!;
  assert.equal(head.seq, '10');
  const { parseHead } = await import('./verify.ts');
  const expected = new Map([['kawasaki', parseHead(`kawasaki:${head.seq}:${head.hash}`).head]]);
  assert.equal((await verifyAuditChain(database.ownerDb, key, 'kawasaki', expected)).ok, true);
  await sql`delete from audit_log where chain_seq > 7`.execute(database.ownerDb);
  assert.equal((await verifyAuditChain(database.ownerDb, key, 'kawasaki')).ok, true, 'the chain alone cannot tell');
  const result = await verifyAuditChain(database.ownerDb, key, 'kawasaki', expected);
  assert.equal(result.firstBad?.problem, 'truncated');
  assert.equal(result.firstBad?.seq, '8');
});
