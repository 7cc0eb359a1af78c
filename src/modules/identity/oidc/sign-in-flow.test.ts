// My Number Card sign-in through the app's routes (routes/oidc.ts) against the local provider: the
// browser's round trip, driven by HTTP. The client's own checks are tested in client.test.ts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import {
  cancelAtStandIn,
  type OidcStandIn,
  signInThroughStandIn,
  startOidcStandIn,
} from '../../../../test/helpers/oidc-provider.ts';
import { readResident } from '../../residents/index.ts';

const callback = 'http://localhost/auth/oidc/callback';
let provider: OidcStandIn;
let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 30 });
  const resident = (await readResident(city.city.deps, { tenantId: 'kawasaki', id: '1' }))!;
  await city.close();
  provider = await startOidcStandIn({
    clientId: 'cityhall',
    clientSecret: 'stand-in-secret',
    redirectUris: [callback],
    accounts: [
      {
        sub: 'jpki-subject-1',
        name: `${resident.familyName} ${resident.givenName}`,
        address: resident.address,
        birthdate: resident.birthDate,
        gender: resident.sex === '1' ? 'male' : 'female',
      },
      { sub: 'jpki-subject-2', name: '市外 在住', address: '東京都千代田区', birthdate: '1980-01-01', gender: 'male' },
    ],
  });
  city = await startTestCityHall({
    demoResidents: 30,
    env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'cityhall', OIDC_CLIENT_SECRET: 'stand-in-secret' },
  });
});
after(async () => {
  await city?.close();
  await provider?.close();
});

async function startAt(agent: Agent): Promise<URL> {
  await agent.get('/sign-in');
  const start = await agent.post('/sign-in/mynumber', { next: '/account' });
  assert.equal(start.statusCode, 303);
  const url = new URL(String(start.headers.location));
  assert.equal(url.origin, provider.issuer);
  assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(url.searchParams.get('scope'), 'openid name address birthdate gender');
  return url;
}

test('the full flow: a newcomer signs in with the card, gets an account at the jpki_identity level, linked to the register', async () => {
  const agent = new Agent(city.app, { host: 'localhost' });
  const back = await signInThroughStandIn(await startAt(agent), 'jpki-subject-1');
  const landed = await agent.get(`${back.pathname}${back.search}`);
  assert.equal(landed.statusCode, 303, landed.body.slice(0, 300));
  assert.equal(landed.headers.location, '/account');
  const session = (await agent.json('GET', '/api/auth/session')).json();
  assert.equal(session.assurance, 'jpki_identity');
  const account = await city.database.ownerDb
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', session.accountId)
    .executeTakeFirstOrThrow();
  assert.equal(String(account.resident_id), '1');
  assert.equal(account.email, null);

  // The same card again: the same account.
  const again = new Agent(city.app, { host: 'localhost' });
  const back2 = await signInThroughStandIn(await startAt(again), 'jpki-subject-1');
  await again.get(`${back2.pathname}${back2.search}`);
  assert.equal((await again.json('GET', '/api/auth/session')).json().accountId, session.accountId);

  // The callback cannot be replayed.
  const replay = await again.get(`${back2.pathname}${back2.search}`);
  assert.equal(replay.statusCode, 400);
  assert.match(replay.body, /有効期限が切れました/);
});

test('a signed-in resident links the card to their own account', async () => {
  const agent = new Agent(city.app, { host: 'localhost' });
  await agent.get('/sign-in');
  await agent.post('/sign-in', { email: 'taro@example.jp', password: 'kawasaki-demo-2026' });
  const accountId = (await agent.json('GET', '/api/auth/session')).json().accountId;
  await agent.get('/account');
  const start = await agent.post('/sign-in/mynumber', { next: '/account' });
  const back = await signInThroughStandIn(new URL(String(start.headers.location)), 'jpki-subject-2');
  await agent.get(`${back.pathname}${back.search}`);
  const session = (await agent.json('GET', '/api/auth/session')).json();
  assert.equal(session.accountId, accountId);
  assert.equal(session.assurance, 'jpki_identity');
});

test('a tampered state and a cancelled sign-in are clear error pages, never a crash', async () => {
  const agent = new Agent(city.app, { host: 'localhost' });
  const back = await signInThroughStandIn(await startAt(agent), 'jpki-subject-1');
  back.searchParams.set('state', 'forged');
  const forged = await agent.get(`${back.pathname}${back.search}`);
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /本人確認の結果を確かめられませんでした/);

  const denied = new Agent(city.app, { host: 'localhost' });
  const cancelled = await cancelAtStandIn(await startAt(denied));
  const deniedBack = await denied.get(`${cancelled.pathname}${cancelled.search}`);
  assert.equal(deniedBack.statusCode, 400);
  assert.match(deniedBack.body, /中止されました/);
});
