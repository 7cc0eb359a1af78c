// The push-type service pages over HTTP as the DX office meets them: every rule with its figures, a counter
// clerk refused with the policy's reason, the run over everyone started once however often the button is
// pressed, a rule's waiting people and notice, an approval sent twice telling each person once, the standing
// approval withdrawn, a version refused before its difference was checked, a comparison shown running (and
// not started twice) or failed, and スマホ教室 version 2 compared by the job (the people it adds shown once it
// is done) and then activated.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Agent } from '../../../../test/helpers/agent.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { findRule } from '../registry.ts';
import { type StaffCity, startStaffCity, tenantId, until, waitingIds } from '../use-cases/staff-city.test-support.ts';

let s: StaffCity;
let dx: Agent;
let counter: Agent;

before(async () => {
  s = await startStaffCity({ env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' } });
  dx = await staffSignIn(s.city.app, 'dx@kawasaki.example');
  // A registered device, so the pages open outside office hours too (personal data after 22:00 needs one).
  await dx.get('/staff/devices');
  assert.equal((await dx.post('/staff/devices', { label: 'DX推進 端末1' })).statusCode, 303);
  counter = await staffSignIn(s.city.app, 'counter@kawasaki.example');
  counter.cookies.set('device', dx.cookies.get('device')!);
});

after(async () => {
  await s?.city.close();
});

const rows = (body: string, attr: string) =>
  [...body.matchAll(new RegExp(`<tr ${attr}="([^"]+)"`, 'g'))].map((m) => m[1]);

test('the DX office sees every rule with its figures; a counter clerk is refused with the policy’s reason', async () => {
  const page = await dx.get('/staff/eligibility');
  assert.equal(page.statusCode, 200);
  assert.equal(rows(page.body, 'data-rule').length, 35);
  const sumaho = /<tr data-rule="sumaho-kyoshitsu">[\s\S]*?<\/tr>/.exec(page.body)![0];
  assert.match(sumaho, /href="\/staff\/eligibility\/rules\/sumaho-kyoshitsu">高齢者向けスマホ教室</);
  assert.match(sumaho, /新しい版の案あり（第2版）/);
  const waiting = (await waitingIds(s.city.city.deps.ownerDb, 'sumaho-kyoshitsu')).length;
  assert.match(sumaho, new RegExp(`<td data-col="waiting">${waiting}</td>`));
  assert.match(page.body, /<button class="button button--primary" type="submit">全員の判定を実行<\/button>/);
  assert.deepEqual(rows(page.body, 'data-run'), ['population', 'population']);

  for (const lang of ['ja-easy', 'en']) {
    const other = await dx.get(`/staff/eligibility?lang=${lang}`);
    assert.equal(other.statusCode, 200, lang);
  }
  assert.match((await dx.get('/staff/eligibility?lang=en')).body, /<h1>Push-type services<\/h1>/);
  await dx.get('/staff/eligibility?lang=ja');

  const refused = await counter.get('/staff/eligibility');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /所属する部署・区の担当範囲外の情報です/);
  assert.equal((await counter.get('/staff/eligibility/rules/sumaho-kyoshitsu')).statusCode, 403);
  const denied = await s.city.city.deps.ownerDb
    .selectFrom('audit_log')
    .select('reason')
    .where('action', '=', 'eligibility.overview')
    .where('decision', '=', 'deny')
    .execute();
  assert.deepEqual(
    denied.map((d) => d.reason),
    ['out_of_scope'],
  );
  assert.equal((await dx.get('/staff/eligibility/rules/no-such-rule')).statusCode, 404);
});

test('「全員の判定を実行」 queues one run; pressed again while it waits or runs, it says so', async () => {
  await dx.get('/staff/eligibility');
  const first = await dx.post('/staff/eligibility/population-runs', {});
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/staff/eligibility?notice=runRequested');
  const again = await dx.post('/staff/eligibility/population-runs', {});
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /全員の判定はすでに(実行中です|受け付けています)/);
  assert.match(again.body, /class="error-summary"/);
  await until(async () => {
    const page = await dx.get('/staff/eligibility');
    return rows(page.body, 'data-run').length === 3 && !page.body.includes('data-run-busy') ? true : undefined;
  }, 'the run done');
});

test('a rule’s page shows waiting people and the notice; approving twice tells each person once', async () => {
  const ruleId = 'kaigo-hoken-1go';
  const { ownerDb } = s.city.city.deps;
  const waiting = await waitingIds(ownerDb, ruleId);
  assert.ok(waiting.length > 0);
  const page = await dx.get(`/staff/eligibility/rules/${ruleId}`);
  assert.equal(page.statusCode, 200);
  const shown = rows(page.body, 'data-person');
  assert.equal(shown.length, Math.min(5, waiting.length));
  assert.ok(shown.every((id) => waiting.includes(id!)));
  assert.match(page.body, /<summary>案内文を確認する（住民ID \d+ の方の場合）<\/summary>/);
  assert.ok(page.body.includes(`<strong>${findRule(ruleId)!.title}のご案内</strong>`), 'the notice’s title');
  assert.match(page.body, /data-notice="notice-easy"/);
  assert.match(
    page.body,
    /The city’s records show you may be eligible|The city&#39;s records show you may be eligible/,
  );
  assert.match(page.body, /この制度には申請の手続が結びついていない/);

  const first = await dx.post(`/staff/eligibility/rules/${ruleId}/approve`, { standing: 'on' });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, `/staff/eligibility/rules/${ruleId}?notice=approvedStanding`);
  const second = await dx.post(`/staff/eligibility/rules/${ruleId}/approve`, { standing: 'on' });
  assert.equal(second.statusCode, 303);
  assert.match(second.headers.location as string, /notice=(alreadyQueued|nobodyWaiting)$/);
  await until(async () => ((await waitingIds(ownerDb, ruleId)).length === 0 ? true : undefined), 'everyone told');
  const outreach = await ownerDb
    .selectFrom('elig_outreach')
    .select(['people', 'kind'])
    .where('rule_id', '=', ruleId)
    .execute();
  assert.deepEqual(outreach, [{ people: waiting.length, kind: 'staff' }], 'one outreach, each person once');
  const after = await dx.get(`/staff/eligibility/rules/${ruleId}?notice=approvedStanding`);
  assert.match(after.body, /案内を承認しました。今後、新たに対象になった方にもすぐ案内します。/);
  assert.deepEqual(rows(after.body, 'data-outreach-row'), ['staff']);
  assert.match(after.body, /<dd data-count="standing">あり<\/dd>/);
  assert.match(after.body, /<dd data-count="waiting">0人<\/dd>/);
  const third = await dx.post(`/staff/eligibility/rules/${ruleId}/approve`, {});
  assert.equal(third.headers.location, `/staff/eligibility/rules/${ruleId}?notice=nobodyWaiting`);
});

test('a standing approval is withdrawn from the rule’s page; withdrawing again says there is none', async () => {
  const ruleId = 'kaigo-hoken-1go';
  const { ownerDb } = s.city.city.deps;
  const path = `/staff/eligibility/rules/${ruleId}/standing/withdraw`;
  const page = await dx.get(`/staff/eligibility/rules/${ruleId}`);
  assert.match(page.body, /<p data-standing>常時承認があります。/, 'approved with the standing approval before');
  assert.match(
    page.body,
    /<form method="post" action="\/staff\/eligibility\/rules\/kaigo-hoken-1go\/standing\/withdraw" id="withdraw-standing">[\s\S]*?<button class="button button--secondary" type="submit">今後の自動案内をやめる<\/button>/,
  );
  const standing = async () =>
    (
      await ownerDb
        .selectFrom('elig_rule_settings')
        .select('auto_notify')
        .where('rule_id', '=', ruleId)
        .executeTakeFirstOrThrow()
    ).auto_notify;

  await counter.get(`/staff/eligibility/rules/${ruleId}`);
  assert.equal((await counter.post(path, {})).statusCode, 403, 'a counter clerk may not');
  assert.equal(await standing(), true);

  const withdrawn = await dx.post(path, {});
  assert.equal(withdrawn.statusCode, 303);
  assert.equal(withdrawn.headers.location, `/staff/eligibility/rules/${ruleId}?notice=standingWithdrawn`);
  assert.equal(await standing(), false);
  const after = await dx.get(withdrawn.headers.location as string);
  assert.match(after.body, /今後の自動案内をやめました。新たに対象になった方は、承認するまで案内されません。/);
  assert.match(after.body, /<dd data-count="standing">なし<\/dd>/);
  assert.ok(!after.body.includes('data-standing'), 'no longer said to be on');
  assert.match(after.body, /今後、出生・転入などで新たに対象になった方にもすぐ案内する/, 'it may be given again');
  const audit = await ownerDb
    .selectFrom('audit_log')
    .select(['decision', 'details'])
    .where('action', '=', 'eligibility.outreach.withdraw_standing')
    .where('resource_id', '=', ruleId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.decision),
    ['deny', 'allow', 'allow'],
    'the clerk refused; the DX office allowed, and the change',
  );
  assert.ok(audit.some((a) => a.details?.version === 1));

  const again = await dx.post(path, {});
  assert.equal(again.headers.location, `/staff/eligibility/rules/${ruleId}?notice=standingNone`);
  assert.match((await dx.get(again.headers.location as string)).body, /常時承認はすでにありません。/);
});

const versionSection = (body: string, version: number) =>
  new RegExp(`<section class="card" aria-labelledby="version-${version}"[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';

test('activation is refused before a preview; a comparison already running is not started twice, one that failed may be tried again', async () => {
  const ruleId = 'sumaho-kyoshitsu';
  const { ownerDb } = s.city.city.deps;
  await dx.get(`/staff/eligibility/rules/${ruleId}`);
  const refused = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/activate`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /<a href="#version-2-section">第2版の差分をまだ確認していません/);
  assert.equal(
    (await ownerDb.selectFrom('elig_rule_settings').select('rule_id').where('rule_id', '=', ruleId).execute()).length,
    0,
    'nothing changed',
  );

  // A colleague's comparison, started a moment ago and still running.
  const colleague = await ownerDb
    .insertInto('elig_runs')
    .values({
      tenant_id: tenantId,
      kind: 'preview',
      evaluated_on: s.today,
      rules: JSON.stringify({ [ruleId]: 2 }),
      triggered_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let page = await dx.get(`/staff/eligibility/rules/${ruleId}`);
  let v2 = versionSection(page.body, 2);
  assert.match(v2, /<p data-preview-running>差分を確認しています（\d\d:\d\d に開始）<\/p>/);
  assert.match(
    v2,
    /<a href="\/staff\/eligibility\/rules\/sumaho-kyoshitsu\?at=\d+#version-2-section">最新の状態を見る<\/a>/,
  );
  assert.ok(!v2.includes('/versions/2/preview'), 'not offered again while it runs');
  assert.ok(v2.includes('/versions/2/activate'));
  const overview = await dx.get('/staff/eligibility');
  const row = /<tr data-run="preview">[\s\S]*?<\/tr>/.exec(overview.body)?.[0] ?? '';
  assert.match(row, /差分の確認（sumaho-kyoshitsu 第2版）/);
  assert.match(row, /<td>実行中<\/td>\s*<td>—<\/td><td>—<\/td><td>—<\/td><td>—<\/td>/, 'no figures before it is done');
  await dx.get(`/staff/eligibility/rules/${ruleId}`);
  const twice = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/preview`, {});
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /<a href="#version-2-section">この規則の差分の確認はすでに実行中です（\d\d:\d\dに開始）/);
  const stillActivate = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/activate`, {});
  assert.equal(stillActivate.statusCode, 409, 'a comparison not yet done does not allow activating');

  // It failed: the page says so and why, and offers the button again.
  await ownerDb
    .updateTable('elig_runs')
    .set({ status: 'failed', error: '住民記録を読めませんでした。', finished_at: new Date() })
    .where('id', '=', colleague.id)
    .execute();
  page = await dx.get(`/staff/eligibility/rules/${ruleId}`);
  v2 = versionSection(page.body, 2);
  assert.match(
    v2,
    /差分の確認に失敗しました（\d\d:\d\d に開始）。もう一度「差分を確認する」を押してください。<\/p>\s*<p>理由: 住民記録を読めませんでした。<\/p>/,
  );
  assert.ok(v2.includes('action="/staff/eligibility/rules/sumaho-kyoshitsu/versions/2/preview"'));
  assert.ok(!v2.includes('data-preview-running'));
});

test('差分を確認する starts a job; the page shows it running, then the people version 2 adds; then it is activated', async () => {
  const ruleId = 'sumaho-kyoshitsu';
  const { ownerDb } = s.city.city.deps;
  await dx.get(`/staff/eligibility/rules/${ruleId}`);
  const previewed = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/preview`, {});
  assert.equal(previewed.statusCode, 303);
  assert.equal(
    previewed.headers.location,
    `/staff/eligibility/rules/${ruleId}?notice=previewStarted#version-2-section`,
  );
  // Pressed again at once: refused while the first is still going (harmless, and said, if it just finished).
  const again = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/preview`, {});
  const first = await ownerDb
    .selectFrom('elig_runs')
    .select('status')
    .where('kind', '=', 'preview')
    .where('triggered_by', '<>', 'test')
    .orderBy('started_at')
    .executeTakeFirstOrThrow();
  if (first.status === 'running') assert.equal(again.statusCode, 409, 'the first is still running');
  else assert.ok([303, 409].includes(again.statusCode));

  let page = await dx.get(`/staff/eligibility/rules/${ruleId}?notice=previewStarted`);
  assert.match(page.body, /差分の確認を始めました。終わるとこのページに結果が出ます。/);
  assert.ok(
    page.body.includes('data-preview-running') || page.body.includes('<dd data-gained>'),
    'running, or already done',
  );
  // As staff do: 「最新の状態を見る」 until the difference is there.
  page = await until(async () => {
    const link = /<a href="([^"]+)">最新の状態を見る<\/a>/.exec(page.body)?.[1];
    const next = await dx.get(
      link ? link.replace(/#.*$/, '').replaceAll('&amp;', '&') : `/staff/eligibility/rules/${ruleId}`,
    );
    page = next;
    return next.body.includes('<dd data-gained>') && !next.body.includes('data-preview-running') ? next : undefined;
  }, 'the difference');
  const gained = await sql<{ n: number }>`
    select count(*)::int as n from residents where tenant_id = ${tenantId}
      and birth_date + interval '60 years' - interval '1 day' <= ${s.today}::date
      and birth_date + interval '65 years' - interval '1 day' > ${s.today}::date`.execute(ownerDb);
  assert.ok(gained.rows[0]!.n > 0);
  assert.match(page.body, new RegExp(`<dd data-gained>${gained.rows[0]!.n.toLocaleString('ja-JP')}人</dd>`));
  assert.match(page.body, /<dd data-lost>0人<\/dd>/);
  const examples = /<table class="table" data-examples="version-2-gained">[\s\S]*?<\/table>/.exec(page.body)![0];
  assert.equal((examples.match(/60歳以上のため/g) ?? []).length, 5);

  const activated = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/activate`, {});
  assert.equal(activated.statusCode, 303);
  assert.equal(activated.headers.location, `/staff/eligibility/rules/${ruleId}?notice=activated`);
  const now = await dx.get(`/staff/eligibility/rules/${ruleId}`);
  assert.match(now.body, /第2版を使用中/);
  const retried = await dx.post(`/staff/eligibility/rules/${ruleId}/versions/2/activate`, {});
  assert.equal(retried.headers.location, `/staff/eligibility/rules/${ruleId}?notice=alreadyActive`);
  const audit = await ownerDb
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'in', ['eligibility.version.preview', 'eligibility.version.activate'])
    .where('decision', '=', 'allow')
    .where('resource_type', '=', 'eligibility_rule')
    .where('details', '@>', sql<any>`'{"to": 2}'::jsonb`)
    .execute();
  assert.equal(audit.length, 1, 'the activation is audited once');
});

test('a staff member not signed in is sent to sign in', async () => {
  const { Agent } = await import('../../../../test/helpers/agent.ts');
  const anonymous = new Agent(s.city.app);
  const res = await anonymous.get('/staff/eligibility');
  assert.equal(res.statusCode, 303);
  assert.match(res.headers.location as string, /^\/staff\/sign-in\?next=/);
});
