// A rule as staff see it before approving: some of its waiting people with the reason decided again today,
// the notice exactly as noticeFor writes it for one of them, its versions with what keeps them from being
// activated and their last comparison (and a later one still running, failed or stopped); and after telling
// people, the outreach with who then applied (conversion: only applications made after the notice count).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publicOrigin } from '../../../platform/config/config.ts';
import { noticeFor, procedureOf } from '../outreach/notice.ts';
import { findRule } from '../registry.ts';
import { ruleDetail } from './rule-detail.ts';
import {
  linkAccount,
  previewNow,
  type StaffCity,
  startStaffCity,
  tenantId,
  waitingIds,
} from './staff-city.test-support.ts';
import { tellWaiting } from './tell-waiting.ts';

let s: StaffCity;

before(async () => {
  s = await startStaffCity();
});

after(async () => {
  await s?.city.close();
});

const detail = (ruleId: string) =>
  ruleDetail(s.city.city.deps, { tenantId, ruleId, on: s.today, origin: publicOrigin(s.city.city.deps.config) });

test('waiting people with today’s reason, the notice as a resident reads it, and the versions', async () => {
  const v = await detail('sumaho-kyoshitsu');
  const waiting = await waitingIds(s.city.city.deps.ownerDb, 'sumaho-kyoshitsu');
  assert.equal(v.rule.version, 1);
  assert.equal(v.counts.waiting, waiting.length);
  assert.equal(v.sample.length, Math.min(5, waiting.length));
  for (const p of v.sample) {
    assert.ok(waiting.includes(p.personId), p.personId);
    assert.equal(p.eligible, true);
    assert.match(p.reason, /^65歳以上のため、.+区で開く高齢者向けスマホ教室のご案内の対象です。$/);
    assert.equal(p.since, s.today);
  }
  const first = v.sample[0]!;
  assert.equal(v.notice?.personId, first.personId);
  assert.deepEqual(
    v.notice?.text,
    noticeFor(findRule('sumaho-kyoshitsu', 1)!, first, publicOrigin(s.city.city.deps.config)),
  );
  assert.match(v.notice!.text.bodyEasy, /スマートフォンの 使い方/);
  assert.deepEqual(
    v.versions.map((x) => [x.rule.version, x.state, x.problems, x.preview, x.attempt]),
    [
      [1, 'active', [], undefined, undefined],
      [2, 'proposed', [], undefined, undefined],
    ],
  );
  assert.equal(v.outreach.length, 0);
  assert.equal(v.conversion.procedureCode, undefined, 'スマホ教室 has no application procedure');

  await previewNow(s.city.city.deps, { ruleId: 'sumaho-kyoshitsu', version: 2, on: s.today });
  const previewed = (await detail('sumaho-kyoshitsu')).versions[1]!;
  assert.ok(previewed.preview && previewed.preview.difference.gained > 0);
  assert.equal(previewed.preview.kind, 'preview');
  assert.equal(previewed.attempt, undefined, 'the latest comparison gave its difference');
});

test('a later comparison of a version shows as running, failed with why, or stopped; the last difference stays', async () => {
  const { ownerDb } = s.city.city.deps;
  const version2 = async () => (await detail('sumaho-kyoshitsu')).versions.find((x) => x.rule.version === 2)!;
  const done = (await version2()).preview;
  assert.ok(done, 'compared in the test before');
  const later = async (values: { status?: string; error?: string; started_at: Date }) => {
    const row = await ownerDb
      .insertInto('elig_runs')
      .values({
        tenant_id: tenantId,
        kind: 'preview',
        evaluated_on: s.today,
        rules: JSON.stringify({ 'sumaho-kyoshitsu': 2 }),
        triggered_by: 'test',
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id as string;
  };

  // The comparison of the test before, as if made three hours ago.
  await ownerDb
    .updateTable('elig_runs')
    .set({ started_at: new Date(Date.now() - 3 * 3600_000), finished_at: new Date(Date.now() - 3 * 3600_000 + 5000) })
    .where('id', '=', done.id)
    .execute();

  const failedAt = new Date(Date.now() - 60_000);
  const failed = await later({ status: 'failed', error: '住民記録を読めませんでした。', started_at: failedAt });
  let v = await version2();
  assert.deepEqual(v.attempt, { status: 'failed', startedAt: failedAt, error: '住民記録を読めませんでした。' });
  assert.equal(v.preview?.id, done.id, 'the last difference is still shown');
  await ownerDb.deleteFrom('elig_runs').where('id', '=', failed).execute();

  // Left 'running' two hours ago and no job for it: its worker stopped.
  const stoppedAt = new Date(Date.now() - 2 * 3600_000);
  await later({ started_at: stoppedAt });
  v = await version2();
  assert.deepEqual(v.attempt, { status: 'interrupted', startedAt: stoppedAt, error: null });

  const runningAt = new Date();
  await later({ started_at: runningAt });
  v = await version2();
  assert.deepEqual(v.attempt, { status: 'running', startedAt: runningAt, error: null });
  assert.equal(v.preview?.id, done.id);
  await ownerDb.deleteFrom('elig_runs').where('kind', '=', 'preview').where('status', '<>', 'done').execute();
  assert.equal((await version2()).attempt, undefined);
});

test('the outreach history counts who was told and who applied after being told', async () => {
  const { ownerDb } = s.city.city.deps;
  // A rule with an application procedure and people waiting in this synthetic city.
  let ruleId = '';
  let waiting: string[] = [];
  for (const id of Object.keys(procedureOf)) {
    waiting = await waitingIds(ownerDb, id);
    ruleId = id;
    if (waiting.length > 0) break;
  }
  assert.ok(waiting.length > 0, 'some rule with a procedure has people waiting');
  const account = await linkAccount(ownerDb, waiting[0]!);
  const dx = await ownerDb
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', 'dx@kawasaki.example')
    .executeTakeFirstOrThrow();
  const told = await tellWaiting(s.city.city.deps, {
    tenantId,
    on: s.today,
    origin: 'https://city.example',
    approvedBy: dx.id,
    kind: 'staff',
    ruleId,
  });
  assert.equal(told.told, 1);

  const apply = (createdAt: Date) =>
    ownerDb
      .insertInto('applications')
      .values({
        tenant_id: tenantId,
        procedure_code: procedureOf[ruleId],
        procedure_name: '試験',
        department: 'kenko-fukushi',
        status: 'submitted',
        channel: 'online',
        actor_id: account,
        on_behalf_of: account,
        created_at: createdAt,
      })
      .execute();
  await apply(new Date(Date.now() - 86_400_000));
  let v = await detail(ruleId);
  assert.deepEqual(v.conversion, { procedureCode: procedureOf[ruleId], accounts: 1, applied: 0 }, 'applied before');
  await apply(new Date(Date.now() + 1000));
  v = await detail(ruleId);
  assert.deepEqual(v.conversion, { procedureCode: procedureOf[ruleId], accounts: 1, applied: 1 });
  assert.equal(v.outreach.length, 1);
  assert.deepEqual(
    [v.outreach[0]!.kind, v.outreach[0]!.people, v.outreach[0]!.told, v.outreach[0]!.byPost],
    ['staff', waiting.length, 1, waiting.length - 1],
  );
  assert.equal(v.staffNames.get(v.outreach[0]!.approvedBy), 'DX 四郎（デジタル化施策推進室）', 'who approved, by name');
  assert.equal(v.counts.told, 1);
  assert.equal(v.counts.byPost, waiting.length - 1);
  assert.equal(v.counts.waiting, 0);
  assert.equal(v.sample.length, 0, 'nobody waits now');
  assert.ok(v.notice, 'the notice is still shown, for someone the rule finds');
});
