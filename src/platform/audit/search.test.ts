import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { addTenants } from '../../../test/helpers/tenants.ts';
import { withTenant } from '../db/tenant.ts';
import { type AuditEntry, appendAuditBatch } from './audit.ts';
import { exportAuditCsv, searchAudit } from './search.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await addTenants(database.ownerDb, 'kawasaki', 'yokohama');
  const entries = (tenantId: string, n: number): AuditEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      tenantId,
      actor: i % 2 === 0 ? 'staff-even' : 'staff-odd',
      actorKind: 'staff',
      action: i % 5 === 0 ? 'auth.sign_in.staff' : 'resident.read',
      resourceType: 'resident',
      resourceId: `r${i % 10}`,
      department: 'ward-141313.kumin',
      dataClass: 'personal',
      decision: i % 7 === 0 ? 'deny' : 'allow',
      requestId: `req-${i}`,
      reason: i === 3 ? '=HYPERLINK("http://x")' : null,
      details: { i, note: i === 3 ? '=cmd|calc, "quoted"' : '閲覧' },
    }));
  // One batch: many entries share a millisecond of occurred_at, which the cursor has to cope with.
  await withTenant(database.db, 'kawasaki', (trx) => appendAuditBatch(trx, entries('kawasaki', 250)));
  await withTenant(database.db, 'yokohama', (trx) => appendAuditBatch(trx, entries('yokohama', 20)));
});
after(async () => {
  await database.close();
});

test('filters combine, newest first', async () => {
  const found = await searchAudit(database.db, 'kawasaki', {
    actor: 'staff-even',
    action: 'resident',
    resourceType: 'resident',
    resourceId: 'r4',
    decision: 'allow',
  });
  assert.ok(found.length > 0);
  for (const r of found) {
    assert.deepEqual([r.actor, r.action, r.resourceId, r.decision], ['staff-even', 'resident.read', 'r4', 'allow']);
  }
  const ids = found.map((r) => Number(r.id));
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => b - a),
  );
  assert.equal((await searchAudit(database.db, 'kawasaki', { action: 'auth.sign_in' })).length, 50);
  assert.equal((await searchAudit(database.db, 'kawasaki', { action: 'auth.sign_in_%' })).length, 0, 'no wildcards');
  const future = new Date(Date.now() + 60_000);
  assert.equal((await searchAudit(database.db, 'kawasaki', { from: future })).length, 0);
  assert.equal((await searchAudit(database.db, 'kawasaki', { to: future, limit: 5 })).length, 5);
});

test('pages by cursor cover every entry exactly once, even within one millisecond', async () => {
  const seen: string[] = [];
  const millis = new Set<number>();
  let before: string | undefined;
  for (;;) {
    const page = await searchAudit(database.db, 'kawasaki', { limit: 7, ...(before ? { before } : {}) });
    seen.push(...page.map((r) => r.id));
    for (const r of page) millis.add(r.occurredAt.getTime());
    if (page.length < 7) break;
    before = page.at(-1)!.cursor;
  }
  assert.equal(seen.length, 250);
  assert.equal(new Set(seen).size, 250);
  assert.ok(millis.size < 250, 'some entries share a millisecond');
  await assert.rejects(searchAudit(database.db, 'kawasaki', { before: '2026-01-01~1' }), /before/);
});

test("a tenant's search never shows another tenant's entries", async () => {
  const found = await searchAudit(database.db, 'yokohama', { limit: 10_000 });
  assert.equal(found.length, 20);
  const shown = await sql<{ n: number }>`select count(*)::int as n from audit_log where tenant_id = 'yokohama'`.execute(
    database.ownerDb,
  );
  assert.equal(shown.rows[0]!.n, 20);
});

test('the CSV export streams every match as lines, quoted and guarded against formulas', async () => {
  const lines: string[] = [];
  for await (const line of exportAuditCsv(database.db, 'kawasaki', { actor: 'staff-odd' }, 30)) lines.push(line);
  assert.equal(lines.length, 1 + 125);
  assert.match(lines[0]!, /^連番,日時,操作者,操作者の種別,代理の相手,操作,対象の種類,対象ID,情報の区分,結果/);
  for (const line of lines) assert.ok(line.endsWith('\r\n') && !line.slice(0, -2).includes('\n'));
  const quoted = lines.find((l) => l.includes('req-3,'))!;
  assert.ok(quoted.includes('"{""i"":3,""note"":""=cmd|calc, \\""quoted\\""""}"'), quoted);
  assert.ok(quoted.includes(`"'=HYPERLINK(""http://x"")"`), 'a formula is defused');
  const empty: string[] = [];
  for await (const line of exportAuditCsv(database.db, 'kawasaki', { actor: 'nobody' })) empty.push(line);
  assert.equal(empty.length, 1, 'the header alone');
});
