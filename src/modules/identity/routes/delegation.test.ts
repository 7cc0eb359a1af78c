import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { isValidCorporateNumber } from '../use-cases/create-business.ts';
import { grantProxy } from '../use-cases/grant-proxy.ts';
import { resolveActingParty } from '../use-cases/resolve-acting-party.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall({ demoResidents: 0 });
});
after(async () => {
  await city.close();
});

async function signedIn(email: string): Promise<Agent> {
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  const response = await agent.post('/sign-in', { email, password: 'kawasaki-demo-2026' });
  assert.equal(response.statusCode, 303);
  return agent;
}

const nextYear = `${new Date().getFullYear() + 1}-03-31`;
const meta = { ip: '127.0.0.1', requestId: 'test' };

test('a resident grants a proxy; the proxy acts for them within the grant; revoking stops it at once', async () => {
  const hanako = await signedIn('hanako@example.jp');
  await hanako.get('/account/proxies');
  const invalid = await hanako.post('/account/proxies', {
    proxyEmail: 'nobody@example.jp',
    relationship: 'family',
    procedures: '',
    validUntil: '2020-01-01',
  });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /今日以降の日付/);
  assert.match(invalid.body, /href="#valid-until"/);

  await hanako.get('/account/proxies');
  const granted = await hanako.post('/account/proxies', {
    proxyEmail: 'taro@example.jp',
    relationship: 'family',
    procedures: 'juminhyo-copy\ninkan-certificate',
    validUntil: nextYear,
  });
  assert.equal(granted.statusCode, 303);
  // The same form sent again (a retry): still one grant.
  await hanako.get('/account/proxies');
  const retried = await hanako.post('/account/proxies', {
    proxyEmail: 'taro@example.jp',
    relationship: 'family',
    procedures: 'juminhyo-copy\ninkan-certificate',
    validUntil: nextYear,
  });
  assert.equal(retried.statusCode, 303);
  const grants = await city.database.ownerDb
    .selectFrom('proxy_grants')
    .select('id')
    .where('revoked_at', 'is', null)
    .execute();
  assert.equal(grants.length, 1);
  const list = await hanako.get('/account/proxies?notice=proxyGranted');
  assert.match(list.body, /川崎 太郎/);
  assert.match(list.body, /juminhyo-copy、inkan-certificate/);

  const taro = await signedIn('taro@example.jp');
  const received = await taro.get('/account/proxies');
  assert.match(received.body, /川崎 花子/);
  const principal = /name="principal" value="([0-9a-f-]{36})"/.exec(received.body)![1]!;
  assert.equal((await taro.post('/account/acting-for', { principal })).statusCode, 303);
  const header = await taro.get('/account/proxies');
  assert.match(header.body, /川崎 花子 さんの代理で操作中/);

  const who = await taro.json('GET', '/api/auth/session');
  assert.equal(who.json().actingFor, principal);

  // The same proxy is checked per procedure: covered, not covered, not allowed to proxies.
  const { loadSession } = await import('../sessions.ts');
  const taroSession = (await loadSession(city.city.deps, 'kawasaki', taro.cookies.get('sid')!, 30))!;
  const party = await resolveActingParty(city.city.deps, {
    tenantId: 'kawasaki',
    session: taroSession,
    procedureCode: 'juminhyo-copy',
    procedureAllowsProxy: true,
  });
  assert.equal(party.actor, taroSession.accountId);
  assert.equal(party.onBehalfOf, principal);
  await assert.rejects(
    resolveActingParty(city.city.deps, {
      tenantId: 'kawasaki',
      session: taroSession,
      procedureCode: 'dog-registration',
      procedureAllowsProxy: true,
    }),
    /代理を任されていません/,
  );
  await assert.rejects(
    resolveActingParty(city.city.deps, {
      tenantId: 'kawasaki',
      session: taroSession,
      procedureCode: 'juminhyo-copy',
      procedureAllowsProxy: false,
    }),
    /代理人による申請ができません/,
  );

  // The principal revokes: the proxy's session stops acting for her immediately.
  const page = await hanako.get('/account/proxies');
  const grantId = /\/account\/proxies\/([0-9a-f-]{36})\/revoke/.exec(page.body)![1]!;
  assert.equal((await hanako.post(`/account/proxies/${grantId}/revoke`, {})).statusCode, 303);
  const after = await taro.get('/account/proxies');
  assert.doesNotMatch(after.body, /代理で操作中/);
  assert.doesNotMatch(after.body, /川崎 花子/);
  const again = await taro.post('/account/acting-for', { principal });
  assert.equal(again.statusCode, 403);

  // Both the actor and the person acted for are in the audit log.
  const rows = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'actor', 'on_behalf_of'])
    .where('action', 'in', ['proxy.grant', 'proxy.act_for', 'proxy.revoke'])
    .execute();
  assert.ok(
    rows.some((r) => r.action === 'proxy.act_for' && r.actor === taroSession.accountId && r.on_behalf_of === principal),
  );
  assert.ok(rows.some((r) => r.action === 'proxy.revoke' && r.on_behalf_of === principal));
});

test('staff register a guardian from documents; the basis is required', async () => {
  const staffId = (
    await city.database.ownerDb
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', 'counter@kawasaki.example')
      .executeTakeFirstOrThrow()
  ).id;
  const base = {
    tenantId: 'kawasaki',
    principal: { email: 'hanako@example.jp' },
    proxyEmail: 'taro@example.jp',
    relationship: 'guardian',
    procedures: '',
    validUntil: nextYear,
    grantedBy: { kind: 'staff' as const, accountId: staffId },
    meta,
  };
  await assert.rejects(grantProxy(city.city.deps, base), (e: { errors: { field: string }[] }) =>
    e.errors.some((x) => x.field === 'basis'),
  );
  const { grantId } = await grantProxy(city.city.deps, {
    ...base,
    basis: '登記事項証明書（成年後見）令和8年10月1日発行',
  });
  const row = await city.database.ownerDb
    .selectFrom('proxy_grants')
    .selectAll()
    .where('id', '=', grantId)
    .executeTakeFirstOrThrow();
  assert.equal(row.granted_by_kind, 'staff');
  assert.deepEqual(row.procedures, []);
});

test('corporate numbers are checked by their check digit', () => {
  assert.equal(isValidCorporateNumber('7000012050002'), true); // 国税庁
  assert.equal(isValidCorporateNumber('8000012050002'), false);
  assert.equal(isValidCorporateNumber('700001205000'), false);
});

test('a business is registered with a valid corporate number and its owner adds members; a member cannot add an owner', async () => {
  const hanako = await signedIn('hanako@example.jp');
  await hanako.get('/account/businesses');
  const bad = await hanako.post('/account/businesses', {
    name: '川崎工務店',
    corporateNumber: '1234567890123',
    address: '川崎区宮本町1',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /検査用数字が一致しません/);
  await hanako.get('/account/businesses');
  const ok = await hanako.post('/account/businesses', {
    name: '川崎工務店',
    corporateNumber: '７０００－０１２０５０００２',
    address: '川崎区宮本町1',
  });
  assert.equal(ok.statusCode, 303);
  await hanako.get('/account/businesses');
  const retried = await hanako.post('/account/businesses', {
    name: '川崎工務店',
    corporateNumber: '７０００－０１２０５０００２',
    address: '川崎区宮本町1',
  });
  assert.equal(retried.statusCode, 303, 'a retried request lands on the same business');
  assert.equal((await city.database.ownerDb.selectFrom('businesses').select('id').execute()).length, 1);
  const page = await hanako.get('/account/businesses');
  assert.match(page.body, /川崎工務店/);
  assert.match(page.body, /7000012050002/);
  const businessId = /\/account\/businesses\/([0-9a-f-]{36})\/members/.exec(page.body)![1]!;
  assert.equal(
    (await hanako.post(`/account/businesses/${businessId}/members`, { email: 'taro@example.jp', role: 'member' }))
      .statusCode,
    303,
  );

  const taro = await signedIn('taro@example.jp');
  const taroPage = await taro.get('/account/businesses');
  assert.match(taroPage.body, /川崎工務店/);
  assert.match(taroPage.body, /担当者/);
  const denied = await taro.post(`/account/businesses/${businessId}/members`, {
    email: 'hanako@example.jp',
    role: 'owner',
  });
  assert.equal(denied.statusCode, 403);

  await hanako.get('/account/businesses');
  const again = await hanako.post('/account/businesses', {
    name: '別会社',
    corporateNumber: '7000012050002',
    address: '幸区',
  });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /すでに登録されています/);
});
