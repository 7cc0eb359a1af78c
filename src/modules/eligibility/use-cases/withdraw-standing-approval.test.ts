// Withdrawing a standing approval: with BCG's standing approval on, a birth tells the parents at once; once it
// is withdrawn (audited), the next birth's child is found and left waiting for staff to approve. Withdrawing
// again, when there is none, changes nothing and writes no audit row.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../../platform/http/errors.ts';
import { approveOutreach } from './approve-outreach.ts';
import { runForHouseholds } from './run-for-households.ts';
import { type StaffCity, startStaffCity, tenantId, until, waitingIds } from './staff-city.test-support.ts';
import { withdrawStandingApproval } from './withdraw-standing-approval.ts';

let s: StaffCity;
const ruleId = 'yobo-bcg';

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

/** Households of two adults in their twenties to forties and no children: where a birth is plausible. */
async function couples(): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select h.id::text as id from households h
    join residents r on r.tenant_id = h.tenant_id and r.household_id = h.id
    where h.tenant_id = ${tenantId}
    group by h.id
    having bool_and(r.relationship <> '子') and count(*) = 2
      and bool_and(r.birth_date between ${s.today}::date - interval '45 years' and ${s.today}::date - interval '20 years')
    order by h.id limit 2`.execute(s.city.city.deps.ownerDb);
  return rows.map((r) => r.id);
}

/** A child born today into `householdId`, then the life event's run (as the birth registration triggers it). */
async function birth(householdId: string, id: number): Promise<{ told: number; byPost: number }> {
  const deps = s.city.city.deps;
  await deps.ownerDb
    .insertInto('residents')
    .values({
      tenant_id: tenantId,
      id,
      household_id: householdId,
      relationship: '子',
      family_name: '試験',
      given_name: '花子',
      family_name_kana: 'シケン',
      given_name_kana: 'ハナコ',
      birth_date: s.today,
      sex: '2',
      ward_code: sql`(select ward_code from households where tenant_id = ${tenantId} and id = ${householdId})`,
    })
    .execute();
  const run = await runForHouseholds(deps, {
    tenantId,
    householdIds: [householdId],
    on: s.today,
    origin: 'https://city.example',
    triggeredBy: `event:birth:test-${id}`,
  });
  return { told: run.told, byPost: run.byPost };
}

async function bcgOf(personId: number) {
  return s.city.city.deps.ownerDb
    .selectFrom('elig_results')
    .select(['status', 'baseline', 'notified_at'])
    .where('rule_id', '=', ruleId)
    .where('person_id', '=', String(personId))
    .executeTakeFirstOrThrow();
}

const withdrawals = async () =>
  (
    await sql<{ n: number }>`
      select count(*)::int as n from audit_log
      where action = 'eligibility.outreach.withdraw_standing' and resource_id = ${ruleId} and actor = ${s.actor.accountId}`.execute(
      s.city.city.deps.ownerDb,
    )
  ).rows[0]!.n;

test('after the standing approval is withdrawn, a birth leaves the child waiting instead of telling them', async () => {
  const deps = s.city.city.deps;
  const [first, second] = await couples();
  assert.ok(first && second, 'two childless couples in the synthetic city');

  // The approval with 「今後…すぐ案内する」 ticked; its job tells the people waiting now.
  await approveOutreach(deps, { tenantId, ruleId, actor: s.actor, standing: true });
  await until(async () => ((await waitingIds(deps.ownerDb, ruleId)).length === 0 ? true : undefined), 'told');

  const before = await birth(first, 9_000_001);
  assert.equal(before.told + before.byPost, 1, 'the child is told about at once (by post: no account here)');
  assert.ok((await bcgOf(9_000_001)).notified_at, 'marked told');

  assert.deepEqual(await withdrawStandingApproval(deps, { tenantId, ruleId, actor: s.actor }), { withdrawn: true });
  const settings = await deps.ownerDb
    .selectFrom('elig_rule_settings')
    .select(['auto_notify', 'active_version'])
    .where('rule_id', '=', ruleId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(settings, { auto_notify: false, active_version: 1 });
  assert.equal(await withdrawals(), 1);

  const afterwards = await birth(second, 9_000_002);
  assert.deepEqual(afterwards, { told: 0, byPost: 0 }, 'nobody told');
  assert.deepEqual(await bcgOf(9_000_002), { status: 'eligible', baseline: false, notified_at: null });
  assert.deepEqual(await waitingIds(deps.ownerDb, ruleId), ['9000002'], 'waiting for staff to approve');
});

test('withdrawing when there is no standing approval changes nothing and is not audited', async () => {
  const deps = s.city.city.deps;
  assert.deepEqual(await withdrawStandingApproval(deps, { tenantId, ruleId, actor: s.actor }), { withdrawn: false });
  // A rule that never had settings of its own.
  assert.deepEqual(await withdrawStandingApproval(deps, { tenantId, ruleId: 'keiro-pass', actor: s.actor }), {
    withdrawn: false,
  });
  assert.equal(await withdrawals(), 1, 'only the withdrawal of the test before');
  await assert.rejects(
    withdrawStandingApproval(deps, { tenantId, ruleId: 'no-such-rule', actor: s.actor }),
    (error: AppError) => error instanceof AppError && error.code === 'not_found',
  );
});
