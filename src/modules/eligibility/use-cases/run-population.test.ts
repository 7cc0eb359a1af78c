// The whole-population run on a small synthetic city: exactly the people the register says (checked by SQL
// written independently of the rules), nothing twice, the first run a baseline, and a later day finding the
// people who crossed a threshold as newly eligible.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { runPopulation } from './run-population.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 3000 });
});

after(async () => {
  await city?.close();
});

async function eligibleIds(ruleId: string): Promise<string[]> {
  const rows = await city.city.deps.ownerDb
    .selectFrom('elig_results')
    .select(sql<string>`person_id::text`.as('id'))
    .where('tenant_id', '=', 'kawasaki')
    .where('rule_id', '=', ruleId)
    .where('status', '=', 'eligible')
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.id);
}

/** People aged 65 or more on `on` by the register's birth dates (a birthday counts from the day before, as the law reckons age). */
async function aged65On(on: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select r.id::text as id from residents r
    where r.tenant_id = 'kawasaki' and r.birth_date + interval '65 years' - interval '1 day' <= ${on}::date
    order by r.id`.execute(city.city.deps.ownerDb);
  return rows.rows.map((r) => r.id);
}

test('a run finds exactly the register’s people aged 65 for 介護保険, and the first run is the baseline', async () => {
  const deps = city.city.deps;
  const first = await runPopulation(deps, {
    tenantId: 'kawasaki',
    on: '2026-04-01',
    triggeredBy: 'test',
    pageSize: 97,
  });
  assert.ok(first.residents >= 3000, `${first.residents} residents`);
  assert.ok(first.rules >= 25);
  assert.equal(first.newlyEligible, 0, 'the first run tells nobody: they are the baseline');
  assert.deepEqual(await eligibleIds('kaigo-hoken-1go'), await aged65On('2026-04-01'));
  const stored = await deps.ownerDb
    .selectFrom('elig_results')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', 'kawasaki')
    .executeTakeFirstOrThrow();
  assert.equal(Number(stored.n), first.eligible);

  // Run again the same day: nothing changes, nobody new, nobody ended.
  const again = await runPopulation(deps, { tenantId: 'kawasaki', on: '2026-04-01', triggeredBy: 'test' });
  assert.equal(again.eligible, first.eligible);
  assert.equal(again.newlyEligible, 0);
  assert.equal(again.noLongerEligible, 0);

  // A year later: those who turned 65 in between are newly eligible, with the day they were found.
  const before65 = new Set(await aged65On('2026-04-01'));
  const turned = (await aged65On('2027-04-01')).filter((id) => !before65.has(id));
  assert.ok(turned.length > 0, 'the synthetic city has people turning 65 within a year');
  const later = await runPopulation(deps, { tenantId: 'kawasaki', on: '2027-04-01', triggeredBy: 'test' });
  assert.ok(later.newlyEligible >= turned.length);
  assert.ok(later.noLongerEligible > 0, 'children age out of child rules');
  const newly = await deps.ownerDb
    .selectFrom('elig_results')
    .select(sql<string>`person_id::text`.as('id'))
    .where('tenant_id', '=', 'kawasaki')
    .where('rule_id', '=', 'kaigo-hoken-1go')
    .where('since_run', '=', later.runId)
    .where('baseline', '=', false)
    .orderBy('person_id')
    .execute();
  assert.deepEqual(
    newly.map((r) => r.id),
    turned,
  );
  const run = await deps.ownerDb
    .selectFrom('elig_runs')
    .selectAll()
    .where('id', '=', later.runId)
    .executeTakeFirstOrThrow();
  assert.equal(run.status, 'done');
  assert.equal(run.newly_eligible, later.newlyEligible);
});
