// Approving the outreach of a rule tells its newly eligible people once: the one with an account gets one
// notice in their inbox, the others are counted for a letter; approving again at once (a double click) queues
// nothing more, and afterwards finds nobody waiting. The standing approval is set on the rule's settings and
// the approval is audited.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AppError } from '../../../platform/http/errors.ts';
import { approveOutreach } from './approve-outreach.ts';
import { linkAccount, type StaffCity, startStaffCity, tenantId, until, waitingIds } from './staff-city.test-support.ts';

let s: StaffCity;
const ruleId = 'sumaho-kyoshitsu';

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

test('approving twice tells each waiting person once; the standing approval is recorded', async () => {
  const deps = s.city.city.deps;
  const waiting = await waitingIds(deps.ownerDb, ruleId);
  assert.ok(waiting.length >= 2, `${waiting.length} waiting`);
  const account = await linkAccount(deps.ownerDb, waiting[0]!);

  const first = await approveOutreach(deps, { tenantId, ruleId, actor: s.actor, standing: true });
  assert.deepEqual(first, { outcome: 'queued', waiting: waiting.length, standing: true });
  const second = await approveOutreach(deps, { tenantId, ruleId, actor: s.actor, standing: true });
  assert.ok(['alreadyQueued', 'nobodyWaiting'].includes(second.outcome), second.outcome);

  await until(async () => ((await waitingIds(deps.ownerDb, ruleId)).length === 0 ? true : undefined), 'everyone told');
  const outreach = await deps.ownerDb.selectFrom('elig_outreach').selectAll().where('rule_id', '=', ruleId).execute();
  assert.equal(outreach.length, 1, 'one outreach');
  assert.equal(outreach[0]!.kind, 'staff');
  assert.equal(outreach[0]!.people, waiting.length);
  assert.equal(outreach[0]!.by_post, waiting.length - 1, 'everyone but the one with an account gets a letter');
  assert.equal(outreach[0]!.approved_by, s.actor.accountId);
  const inbox = await until(async () => {
    const rows = await deps.ownerDb.selectFrom('msg_inbox').select('title').where('account_id', '=', account).execute();
    return rows.length > 0 ? rows : undefined;
  }, 'the inbox notice');
  assert.deepEqual(
    inbox.map((r) => r.title),
    ['高齢者向けスマホ教室のご案内'],
  );

  const third = await approveOutreach(deps, { tenantId, ruleId, actor: s.actor, standing: false });
  assert.deepEqual(third, { outcome: 'nobodyWaiting', waiting: 0, standing: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(
    (await deps.ownerDb.selectFrom('msg_inbox').select('title').where('account_id', '=', account).execute()).length,
    1,
    'told once',
  );

  const settings = await deps.ownerDb
    .selectFrom('elig_rule_settings')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .executeTakeFirstOrThrow();
  assert.equal(settings.auto_notify, true);
  assert.equal(settings.active_version, 1);
  assert.equal(settings.activated_by, s.actor.accountId);
  const audit = await deps.ownerDb
    .selectFrom('audit_log')
    .select(['resource_id', 'details'])
    .where('action', '=', 'eligibility.outreach.approve')
    .execute();
  assert.equal(audit.length, 1, 'only the approval that queued the notices is a change');
  assert.equal(audit[0]!.details.waiting, waiting.length);
});

test('a rule the city does not use is not found', async () => {
  await assert.rejects(
    approveOutreach(s.city.city.deps, { tenantId, ruleId: 'no-such-rule', actor: s.actor, standing: false }),
    (error: AppError) => error instanceof AppError && error.code === 'not_found',
  );
});
