// The overview's figures are the register's: per rule, the eligible and the newly eligible waiting to be told
// match SQL written apart from the use case; the proposed 2nd version of スマホ教室 is flagged; the last run
// over everyone is today's with its newly eligible.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { catalogue } from '../rules/index.ts';
import { ruleOverview } from './rule-overview.ts';
import { type StaffCity, startStaffCity, tenantId, waitingIds } from './staff-city.test-support.ts';

let s: StaffCity;

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

test('every rule the city uses with its eligible and waiting people, the last run and the recent runs', async () => {
  const { ownerDb } = s.city.city.deps;
  const v = await ruleOverview(s.city.city.deps, { tenantId });
  assert.deepEqual(
    v.rules.map((r) => r.id),
    catalogue.map((r) => r.id),
  );
  const eligible = await sql<{ rule_id: string; n: number }>`
    select rule_id, count(*)::int as n from elig_results where tenant_id = ${tenantId} and status = 'eligible'
    group by rule_id`.execute(ownerDb);
  for (const r of v.rules) {
    assert.equal(r.eligible, eligible.rows.find((e) => e.rule_id === r.id)?.n ?? 0, `${r.id} eligible`);
    assert.equal(r.waiting, (await waitingIds(ownerDb, r.id)).length, `${r.id} waiting`);
    assert.equal(r.told, 0);
    assert.equal(r.standing, false);
  }
  const sumaho = v.rules.find((r) => r.id === 'sumaho-kyoshitsu')!;
  assert.equal(sumaho.activeVersion, 1);
  assert.deepEqual(sumaho.newerVersions, [2]);
  assert.ok(sumaho.waiting > 0, 'people turned 65 in the year: newly eligible');
  assert.equal(v.rules.find((r) => r.id === 'kaigo-hoken-1go')!.conversion.procedureCode, undefined);
  assert.equal(v.rules.find((r) => r.id === 'jido-teate')!.conversion.procedureCode, 'jido-teate');

  assert.equal(v.lastPopulationRun?.evaluatedOn, s.today);
  assert.equal(v.lastPopulationRun?.status, 'done');
  assert.equal(
    v.lastPopulationRun?.newlyEligible,
    v.rules.reduce((n, r) => n + r.waiting, 0),
    'nobody told yet: every newly eligible person still waits',
  );
  assert.ok((v.lastPopulationRun?.residents ?? 0) >= 2000);
  assert.ok((v.lastPopulationRun?.seconds ?? -1) >= 0);
  assert.deepEqual(
    v.recentRuns.map((r) => [r.kind, r.evaluatedOn]),
    [
      ['population', s.today],
      ['population', s.yearAgo],
    ],
  );
  assert.equal(v.busy, undefined);
});
