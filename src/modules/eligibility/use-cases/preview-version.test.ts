// Comparing a proposed version with the rule in use (the job 「差分を確認する」 queues): スマホ教室 version 2 (60
// and over) adds exactly the people aged 60 to 64 by the register (SQL written apart from the rules), drops
// nobody, shows a few of them with the new version's reason, writes nothing per person and fills in its preview
// run; the other way, going back to version 1 would drop them, each with version 1's reason. A run already
// done (a retried job) is left alone, and one whose version this installation lacks fails saying so.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { findRule } from '../registry.ts';
import { previewVersion } from './preview-version.ts';
import { runPopulation, startRun } from './run-population.ts';
import { previewNow, type StaffCity, startStaffCity, tenantId } from './staff-city.test-support.ts';

let s: StaffCity;

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

/** Residents aged 60 to 64 on `on` (a birthday counts from the day before, as the law reckons age). */
async function aged60to64(on: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select id::text as id from residents where tenant_id = ${tenantId}
      and birth_date + interval '60 years' - interval '1 day' <= ${on}::date
      and birth_date + interval '65 years' - interval '1 day' > ${on}::date
    order by id`.execute(s.city.city.deps.ownerDb);
  return rows.rows.map((r) => r.id);
}

test('version 2 of スマホ教室 gains the people aged 60 to 64 and loses nobody, stored as a preview only', async () => {
  const deps = s.city.city.deps;
  const results = async () =>
    (
      await sql<{ n: number; v: number }>`
        select count(*)::int as n, coalesce(max(version), 0)::int as v from elig_results
        where tenant_id = ${tenantId} and rule_id = 'sumaho-kyoshitsu'`.execute(deps.ownerDb)
    ).rows[0]!;
  const before = await results();
  const expected = await aged60to64(s.today);
  assert.ok(expected.length > 20, `${expected.length} people aged 60 to 64`);

  const { runId, difference } = await previewNow(deps, {
    ruleId: 'sumaho-kyoshitsu',
    version: 2,
    on: s.today,
    pageSize: 150,
  });
  assert.equal(difference.comparedWith, 1);
  assert.equal(difference.gained, expected.length);
  assert.equal(difference.lost, 0);
  assert.equal(difference.unchanged, before.n, 'everyone 65 and over stays');
  assert.equal(difference.current, before.n);
  assert.equal(difference.eligible, before.n + expected.length);
  assert.equal(difference.examples.gained.length, 5);
  for (const e of difference.examples.gained) {
    assert.ok(expected.includes(e.personId), `${e.personId} is 60 to 64`);
    assert.match(e.reason, /60歳以上のため、.+区で開く高齢者向けスマホ教室/);
    assert.match(e.wardCode, /^1413\d\d$/);
  }
  assert.deepEqual(await results(), before, 'no result written or changed');

  const run = await deps.ownerDb.selectFrom('elig_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  assert.equal(run.kind, 'preview');
  assert.equal(run.status, 'done');
  assert.deepEqual(run.rules, { 'sumaho-kyoshitsu': 2 });
  assert.equal(run.newly_eligible, expected.length);
  assert.deepEqual(run.difference, difference);
  assert.ok(run.residents >= 2000);
  assert.ok(run.finished_at);

  // The same run again (a job retried after its worker stopped): left as it is.
  assert.equal(await previewVersion(deps, { tenantId, runId }), undefined);
  const again = await deps.ownerDb
    .selectFrom('elig_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(again.finished_at, run.finished_at);
});

test('back from version 2 to version 1: the people aged 60 to 64 would be dropped, with version 1’s reason', async () => {
  const deps = s.city.city.deps;
  await deps.ownerDb
    .insertInto('elig_rule_settings')
    .values({ tenant_id: tenantId, rule_id: 'sumaho-kyoshitsu', active_version: 2, activated_by: 'test' })
    .execute();
  await runPopulation(deps, { tenantId, on: s.today, triggeredBy: 'test' });
  const expected = await aged60to64(s.today);
  const { difference } = await previewNow(deps, { ruleId: 'sumaho-kyoshitsu', version: 1, on: s.today });
  assert.equal(difference.comparedWith, 2);
  assert.equal(difference.gained, 0);
  assert.equal(difference.lost, expected.length);
  assert.equal(difference.examples.lost.length, 5);
  for (const e of difference.examples.lost) {
    assert.ok(expected.includes(e.personId));
    assert.match(e.reason, /^65歳未満のため/);
  }
});

test('a run of a version this installation does not know fails, with the reason kept for staff', async () => {
  const deps = s.city.city.deps;
  // A run started by a newer release (which had version 9), computed by this one.
  const runId = await withTenant(deps.db, tenantId, (trx) =>
    startRun(trx, {
      tenantId,
      kind: 'preview',
      on: s.today,
      rules: [{ ...findRule('sumaho-kyoshitsu', 2)!, version: 9 }],
      triggeredBy: 'test',
    }),
  );
  await assert.rejects(previewVersion(deps, { tenantId, runId }), /sumaho-kyoshitsu の第9版が見つかりません/);
  const run = await deps.ownerDb
    .selectFrom('elig_runs')
    .select(['status', 'error', 'difference'])
    .where('id', '=', runId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(run, {
    status: 'failed',
    error: '規則 sumaho-kyoshitsu の第9版が見つかりません。',
    difference: null,
  });
});
