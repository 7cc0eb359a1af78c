// The demo tenant's push-type services: a baseline two months ago, today's run with people waiting for staff
// to approve telling them, standing approvals for the life-event rules; seeding again adds nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../test/helpers/app.ts';
import { demoStandingApprovals, seedEligibilityDemo } from './demo.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 3000, demoEligibility: true });
});

after(async () => {
  await city?.close();
});

test('the demo has a baseline, people waiting for approval, and standing approvals; seeding again adds nothing', async () => {
  const { ownerDb } = city.city.deps;
  const runs = await ownerDb
    .selectFrom('elig_runs')
    .select(['kind', 'status', 'newly_eligible'])
    .orderBy('started_at')
    .execute();
  assert.deepEqual(
    runs.map((r) => [r.kind, r.status]),
    [
      ['population', 'done'],
      ['population', 'done'],
    ],
  );
  assert.equal(runs[0]!.newly_eligible, 0, 'the first run is the baseline');
  assert.ok(runs[1]!.newly_eligible > 0, 'people crossed an age in two months');
  const waiting = await ownerDb
    .selectFrom('elig_results')
    .select('rule_id')
    .where('status', '=', 'eligible')
    .where('baseline', '=', false)
    .where('notified_at', 'is', null)
    .execute();
  assert.ok(waiting.length > 0);
  assert.ok(
    waiting.every((w) => !demoStandingApprovals.includes(w.rule_id)),
    'rules with a standing approval have told (or counted for a letter) everyone they found',
  );
  const settings = await ownerDb
    .selectFrom('elig_rule_settings')
    .select('rule_id')
    .where('auto_notify', '=', true)
    .execute();
  assert.deepEqual(settings.map((s) => s.rule_id).sort(), [...demoStandingApprovals].sort());

  await seedEligibilityDemo(city.city.deps, { tenantId: 'kawasaki', residents: 3000, seed: 1 });
  const after = await ownerDb.selectFrom('elig_runs').select('id').execute();
  assert.equal(after.length, 2);
});
