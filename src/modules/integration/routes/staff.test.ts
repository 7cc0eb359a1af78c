// The staff integration pages as a browser without JavaScript uses them: sign in with the second factor,
// issue, rotate and revoke tokens, register a webhook, see deliveries; the policy decides every step.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Agent } from '../../../../test/helpers/agent.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { type IntegrationCity, startIntegrationCity } from '../test-city.ts';

let city: IntegrationCity;
// Each staff member signs in once (a TOTP code is accepted only once), and the agents are reused.
const agents = new Map<string, Agent>();
before(async () => {
  city = await startIntegrationCity({ NETWORK_ZONES: 'lgwan=10.0.0.0/8' });
  for (const email of ['manager@kawasaki.example', 'counter@kawasaki.example', 'dx@kawasaki.example']) {
    agents.set(email, await signIn(email));
  }
});
after(async () => {
  await city.close();
});

function signIn(email: string): Promise<Agent> {
  return staffSignIn(city.app, email, '10.1.2.3');
}

const signedIn = async (email: string) => agents.get(email)!;

const shown = (body: string) => /data-shown-secret>([^<]+)</.exec(body)?.[1];
const feed = (token: string) =>
  city.app.inject({ method: 'GET', url: '/api/events', headers: { authorization: `Bearer ${token}` } });

test('a department administrator issues, rotates and revokes a token for their department', async () => {
  const manager = await signedIn('manager@kawasaki.example');
  const page = await manager.get('/staff/integration');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /value="ward-141313.kumin"/, 'their department is the default');

  const invalid = await manager.post('/staff/integration/tokens', { name: '', department: 'ward-141313.kumin' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /<a href="#token-name">名前を入力してください/);
  assert.match(invalid.body, /<a href="#scope-events-read">権限（スコープ）を1つ以上選んでください/);
  assert.match(invalid.body, /id="token-name"[^>]*aria-invalid="true"/);

  const created = await manager.post('/staff/integration/tokens', {
    name: '区民課 業務システム',
    department: 'ward-141313.kumin',
    scopes: 'events:read',
  });
  assert.equal(created.statusCode, 200);
  const token = shown(created.body);
  assert.match(token ?? '', /^chs_/);
  assert.equal((await feed(token!)).statusCode, 200);
  assert.equal(shown((await manager.get('/staff/integration')).body), undefined, 'shown once only');

  const id = /data-token="([0-9a-f-]{36})"/.exec(manager.lastPage)![1]!;
  const rotated = await manager.post(`/staff/integration/tokens/${id}/rotate`, {});
  assert.equal(rotated.statusCode, 200);
  assert.match(rotated.body, /古いトークンは .+ まで使えます/);
  const newToken = shown(rotated.body)!;
  assert.equal((await feed(token!)).statusCode, 200, 'old token in its grace period');
  assert.equal((await feed(newToken)).statusCode, 200);

  const newId = /data-token="([0-9a-f-]{36})"/.exec(rotated.body)![1]!;
  assert.notEqual(newId, id);
  const revoked = await manager.post(`/staff/integration/tokens/${newId}/revoke`, {});
  assert.equal(revoked.statusCode, 303);
  assert.equal((await feed(newToken)).statusCode, 401);

  const audit = await city.database.ownerDb
    .selectFrom('audit_log')
    .select(['action', 'decision'])
    .where('action', 'like', 'integration.token.%')
    .execute();
  for (const action of [
    'integration.token.create',
    'integration.token.created',
    'integration.token.rotated',
    'integration.token.revoked',
  ]) {
    assert.ok(
      audit.some((a) => a.action === action && a.decision === 'allow'),
      action,
    );
  }
});

test('city-wide tokens are the DX office’s; other roles and other departments are refused', async () => {
  const manager = await signedIn('manager@kawasaki.example');
  await manager.get('/staff/integration');
  const cityWide = await manager.post('/staff/integration/tokens', {
    name: '全庁',
    department: '',
    scopes: 'events:read',
  });
  assert.equal(cityWide.statusCode, 403);
  const otherDept = await manager.post('/staff/integration/tokens', {
    name: '他部署',
    department: 'kenko-fukushi.koreisha',
    scopes: 'events:read',
  });
  assert.equal(otherDept.statusCode, 403);
  assert.match(otherDept.body, /担当範囲外/);

  const counter = await signedIn('counter@kawasaki.example');
  assert.equal((await counter.get('/staff/integration')).statusCode, 403);

  const dx = await signedIn('dx@kawasaki.example');
  await dx.get('/staff/integration');
  const issued = await dx.post('/staff/integration/tokens', {
    name: '全庁データ連携基盤',
    department: '',
    scopes: ['events:read', 'cases:read'] as never,
  });
  assert.equal(issued.statusCode, 200);
  assert.match(issued.body, /<td>全庁<\/td>/);
});

test('a webhook endpoint is registered with its secret shown once, and its delivery log opens', async () => {
  const manager = await signedIn('manager@kawasaki.example');
  await manager.get('/staff/integration');
  const bad = await manager.post('/staff/integration/webhooks', {
    url: 'http://example.com/hook',
    department: 'ward-141313.kumin',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<a href="#webhook-url">送信先の URL は https:\/\/ で始めてください/);
  const created = await manager.post('/staff/integration/webhooks', {
    url: 'https://kumin-system.example.lg.jp/hooks',
    department: 'ward-141313.kumin',
    eventTypes: 'application.submitted',
  });
  assert.equal(created.statusCode, 200);
  assert.match(shown(created.body) ?? '', /^whsec_/);
  const endpointId = /data-endpoint="([0-9a-f-]{36})"/.exec(created.body)![1]!;
  const log = await manager.get(`/staff/integration/webhooks/${endpointId}`);
  assert.equal(log.statusCode, 200);
  assert.match(log.body, /配信記録はまだありません/);
  const unknownEvent = await manager.post(`/staff/integration/webhooks/${endpointId}/replay-event`, {
    eventId: '00000000-0000-4000-8000-000000000000',
  });
  assert.equal(unknownEvent.statusCode, 400);
  assert.match(unknownEvent.body, /<a href="#event-id">このイベント ID のイベントは見つかりません/);
  const disabled = await manager.post(`/staff/integration/webhooks/${endpointId}/disable`, {});
  assert.equal(disabled.statusCode, 303);
  assert.match((await manager.get('/staff/integration?notice=webhookDisabled')).body, /送信先を停止しました/);
});
