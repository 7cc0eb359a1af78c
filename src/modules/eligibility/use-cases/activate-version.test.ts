// Activating a version of a rule: refused for a version whose examples fail (each problem named), refused
// before its difference was checked, and once previewed: the city uses it, the standing approval ends, a run
// over everyone follows and finds the people it adds as newly eligible (waiting for a new approval). Retrying
// changes nothing more.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../../platform/http/errors.ts';
import { versionsOf } from '../registry.ts';
import { sumahoKyoshitsuV2 } from '../rules/proposed/sumaho-kyoshitsu-v2.ts';
import { activateVersion } from './activate-version.ts';
import { previewNow, type StaffCity, startStaffCity, tenantId, until, waitingIds } from './staff-city.test-support.ts';

let s: StaffCity;
const ruleId = 'sumaho-kyoshitsu';

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

test('a version whose examples fail cannot be activated, and every problem is named', async () => {
  // A version 3 written carelessly: 55 and over in the code, while its examples still say 60.
  const broken = {
    ...sumahoKyoshitsuV2,
    version: 3,
    evaluate: (
      h: Parameters<typeof sumahoKyoshitsuV2.evaluate>[0],
      p: Parameters<typeof sumahoKyoshitsuV2.evaluate>[1],
      on: Parameters<typeof sumahoKyoshitsuV2.evaluate>[2],
    ) => sumahoKyoshitsuV2.evaluate(h, { ...p, age: p.age + 5 }, on),
  };
  const deps = { ...s.city.city.deps, versionsOf: (id: string) => [...versionsOf(id), broken] };
  await assert.rejects(activateVersion(deps, { tenantId, ruleId, version: 3, actor: s.actor }), (error: AppError) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'validation_failed');
    assert.match(error.message, /第3版には問題があるため、有効にできません/);
    assert.ok(
      error.errors.some((e) => e.message.includes('例「60歳の誕生日の前日」')),
      error.errors.map((e) => e.message).join('\n'),
    );
    assert.ok(error.errors.every((e) => e.field === '#version-3-problems'));
    return true;
  });
  const settings = await s.city.city.deps.ownerDb.selectFrom('elig_rule_settings').selectAll().execute();
  assert.equal(settings.length, 0, 'nothing changed');
});

test('a version is activated only after its difference was checked; then a run finds the people it adds', async () => {
  const deps = s.city.city.deps;
  // A standing approval given for version 1 ends with the change.
  await deps.ownerDb
    .insertInto('elig_rule_settings')
    .values({ tenant_id: tenantId, rule_id: ruleId, active_version: 1, auto_notify: true, activated_by: 'test' })
    .execute();
  await assert.rejects(
    activateVersion(deps, { tenantId, ruleId, version: 2, actor: s.actor }),
    (error: AppError) =>
      error instanceof AppError && error.code === 'conflict' && /差分をまだ確認していません/.test(error.message),
  );
  const { difference } = await previewNow(deps, { ruleId, version: 2, on: s.today });
  const waitingBefore = await waitingIds(deps.ownerDb, ruleId);
  const runsBefore = await deps.ownerDb
    .selectFrom('elig_runs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('kind', '=', 'population')
    .where('status', '=', 'done')
    .executeTakeFirstOrThrow();

  const done = await activateVersion(deps, { tenantId, ruleId, version: 2, actor: s.actor });
  assert.deepEqual(done, { changed: true, from: 1, to: 2 });
  const settings = await deps.ownerDb
    .selectFrom('elig_rule_settings')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .executeTakeFirstOrThrow();
  assert.equal(settings.active_version, 2);
  assert.equal(settings.auto_notify, false, 'a changed rule needs a new approval');
  assert.equal(settings.activated_by, s.actor.accountId);
  const audit = await deps.ownerDb
    .selectFrom('audit_log')
    .select(['details', 'department', 'data_class'])
    .where('action', '=', 'eligibility.version.activate')
    .executeTakeFirstOrThrow();
  assert.deepEqual([audit.details.from, audit.details.to], [1, 2]);
  assert.equal(audit.department, 'somu-kikaku.digital');

  // The queued run over everyone uses version 2: the people aged 60 to 64 become newly eligible.
  await until(async () => {
    const r = await deps.ownerDb
      .selectFrom('elig_runs')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('kind', '=', 'population')
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    return r.n > runsBefore.n ? true : undefined;
  }, 'the run after activation');
  const waitingAfter = await waitingIds(deps.ownerDb, ruleId);
  assert.equal(waitingAfter.length, waitingBefore.length + difference.gained);
  const versions = await sql<{ version: number }>`
    select distinct version from elig_results where tenant_id = ${tenantId} and rule_id = ${ruleId} and status = 'eligible'`.execute(
    deps.ownerDb,
  );
  assert.deepEqual(
    versions.rows.map((r) => r.version),
    [2],
  );

  const again = await activateVersion(deps, { tenantId, ruleId, version: 2, actor: s.actor });
  assert.equal(again.changed, false, 'a retried activation changes nothing');
});
