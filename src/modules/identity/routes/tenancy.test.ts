// Two cities on one deployment: nothing of one is reachable from the other's host name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { base32Decode, totpCode, totpStep } from '../totp.ts';
import { createStaffMember } from '../use-cases/create-staff-member.ts';

let city: TestCityHall;
const kawasaki = { host: 'localhost' };
const yokohama = { host: 'yokohama.localhost' };

before(async () => {
  city = await startTestCityHall({ demoResidents: 20, env: { NETWORK_ZONES: 'lgwan=127.0.0.0/8' } });
  // Added before the first request, so the tenant directory reads it on its first load.
  await city.database.ownerDb
    .insertInto('tenants')
    .values({
      id: 'yokohama',
      lg_code: '141003',
      name_ja: '横浜市',
      name_en: 'Yokohama',
      hostnames: ['yokohama.localhost'],
    })
    .execute();
  await createStaffMember(city.city.deps, {
    tenantId: 'yokohama',
    email: 'auditor@yokohama.example',
    displayName: '横浜 監査',
    password: 'cityhall-staff-demo',
    staffNumber: 'Y0001',
    roles: ['auditor'],
    departments: [],
    wards: [],
  });
});
after(async () => {
  await city.close();
});

test("a session of one city is no session at another city's address", async () => {
  const agent = new Agent(city.app, kawasaki);
  await agent.get('/sign-in');
  assert.equal(
    (await agent.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' })).statusCode,
    303,
  );
  assert.equal((await agent.json('GET', '/api/auth/session')).statusCode, 200);
  const elsewhere = new Agent(city.app, yokohama);
  for (const [k, v] of agent.cookies) elsewhere.cookies.set(k, v);
  assert.equal((await elsewhere.json('GET', '/api/auth/session')).statusCode, 401);
  assert.equal((await elsewhere.get('/account')).statusCode, 303);
  const page = await elsewhere.get('/sign-in');
  assert.match(page.body, /横浜市/);
});

test("one city's accounts cannot sign in at another city", async () => {
  const agent = new Agent(city.app, yokohama);
  const api = await agent.json('POST', '/api/auth/sign-in', {
    email: 'hanako@example.jp',
    password: 'kawasaki-demo-2026',
  });
  assert.equal(api.statusCode, 401);
  await agent.get('/staff/sign-in');
  const staff = await agent.post('/staff/sign-in', {
    email: 'counter@kawasaki.example',
    password: 'cityhall-staff-demo',
  });
  assert.equal(staff.statusCode, 401);
});

test("a proxy cannot be granted to another city's account", async () => {
  // A Yokohama resident exists only in Yokohama.
  await city.database.ownerDb
    .insertInto('accounts')
    .values({
      tenant_id: 'yokohama',
      kind: 'resident',
      email: 'minato@example.jp',
      display_name: '港 みなと',
      email_verified_at: new Date(),
    })
    .execute();
  const kawasakiAgent = new Agent(city.app, kawasaki);
  await kawasakiAgent.get('/sign-in');
  await kawasakiAgent.post('/sign-in', { email: 'taro@example.jp', password: 'kawasaki-demo-2026' });
  await kawasakiAgent.get('/account/proxies');
  const refused = await kawasakiAgent.post('/account/proxies', {
    proxyEmail: 'minato@example.jp',
    relationship: 'family',
    procedures: '',
    validUntil: `${new Date().getFullYear() + 1}-01-31`,
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /登録されていません/);
});

test("an auditor sees their own city's audit log only", async () => {
  const agent = new Agent(city.app, yokohama);
  await agent.get('/staff/sign-in');
  await agent.post('/staff/sign-in', { email: 'auditor@yokohama.example', password: 'cityhall-staff-demo' });
  const page = await agent.get('/staff/sign-in/totp');
  const secret = base32Decode(/data-totp-secret>([A-Z2-7 ]+)</.exec(page.body)![1]!);
  assert.equal((await agent.post('/staff/sign-in/totp', { code: totpCode(secret, totpStep()) })).statusCode, 303);
  const csv = await agent.get('/staff/audit.csv');
  assert.equal(csv.statusCode, 200);
  const kawasakiActors = await city.database.ownerDb
    .selectFrom('accounts')
    .select('id')
    .where('tenant_id', '=', 'kawasaki')
    .execute();
  assert.ok(kawasakiActors.length > 0);
  for (const { id } of kawasakiActors)
    assert.equal(csv.body.includes(id), false, "no Kawasaki actor in Yokohama's log");
  assert.match(csv.body, /auth\.sign_in\.staff/);
});
