import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { base32Decode, totpCode, totpStep } from '../totp.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall({
    demoResidents: 300,
    env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8;vpn=172.16.0.0/12' },
  });
});
after(async () => {
  await city.close();
});

const lgwan = '10.1.2.3';
const vpn = '172.16.5.5';
const internet = '203.0.113.50';
const secrets = new Map<string, Buffer>();
const lastStep = new Map<string, number>();

/**
 * The next TOTP step this staff member may use: never one already used, never outside the ±1 window. Never
 * the previous step either: a slow sign-in (argon2 on a loaded machine) can cross into the next step, and
 * then only the current one and later are still inside the window.
 */
async function nextStep(email: string): Promise<number> {
  for (;;) {
    const step = Math.max((lastStep.get(email) ?? -Infinity) + 1, totpStep());
    if (step <= totpStep() + 1) {
      lastStep.set(email, step);
      return step;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Password, then the TOTP code (enrolling on first use, reading the key from the page as a person would). */
async function staffSignIn(email: string, from = lgwan): Promise<Agent> {
  const step = await nextStep(email);
  const agent = new Agent(city.app);
  agent.remoteAddress = from;
  await agent.get('/staff/sign-in');
  const first = await agent.post('/staff/sign-in', { email, password: 'cityhall-staff-demo' });
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/staff/sign-in/totp');
  const pendingToken = agent.cookies.get('sid');
  assert.equal((await agent.get('/staff')).headers.location, '/staff/sign-in/totp', 'password alone opens nothing');
  const page = await agent.get('/staff/sign-in/totp');
  const shown = /data-totp-secret>([A-Z2-7 ]+)</.exec(page.body);
  if (shown) secrets.set(email, base32Decode(shown[1]!));
  const secret = secrets.get(email)!;
  const done = await agent.post('/staff/sign-in/totp', { code: totpCode(secret, step) });
  assert.equal(done.statusCode, 303, /<main[\s\S]*<\/main>/.exec(done.body)?.[0]);
  assert.notEqual(agent.cookies.get('sid'), pendingToken, 'a new session token after the second factor');
  return agent;
}

async function auditRows(action: string) {
  return city.database.ownerDb.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

test('staff sign in with password and a TOTP code; a wrong or replayed code is refused', async () => {
  const agent = await staffSignIn('counter@kawasaki.example');
  const home = await agent.get('/staff');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /counter_staff/);
  assert.match(home.body, /LGWAN 接続系/);

  const other = new Agent(city.app);
  other.remoteAddress = lgwan;
  await other.get('/staff/sign-in');
  await other.post('/staff/sign-in', { email: 'counter@kawasaki.example', password: 'cityhall-staff-demo' });
  await other.get('/staff/sign-in/totp');
  const secret = secrets.get('counter@kawasaki.example')!;
  const wrong = await other.post('/staff/sign-in/totp', {
    code: '000000' === totpCode(secret, totpStep()) ? '111111' : '000000',
  });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /確認コードが違います/);
  await other.get('/staff/sign-in/totp');
  const replay = await other.post('/staff/sign-in/totp', {
    code: totpCode(secret, lastStep.get('counter@kawasaki.example')!),
  });
  assert.equal(replay.statusCode, 401, 'the code used a moment ago is not accepted again');
  const denied = await auditRows('auth.mfa.totp');
  assert.ok(denied.some((r) => r.decision === 'deny'));
});

test('resident lookup: allowed from the LGWAN side and audited; refused from the internet with the reason', async () => {
  const inside = await staffSignIn('caseworker@kawasaki.example', lgwan);
  const someone = await city.database.ownerDb
    .selectFrom('residents')
    .select(['family_name', 'given_name'])
    .where('ward_code', '=', '141313')
    .executeTakeFirstOrThrow();
  const found = await inside.get(`/staff/residents?q=${encodeURIComponent(someone.family_name + someone.given_name)}`);
  assert.equal(found.statusCode, 200);
  assert.match(found.body, new RegExp(someone.given_name));
  const reads = await auditRows('resident.search');
  assert.ok(reads.some((r) => r.decision === 'allow' && r.zone === 'lgwan' && r.data_class === 'personal'));

  const outside = await staffSignIn('counter@kawasaki.example', internet);
  const refused = await outside.get('/staff/residents?q=a');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /LGWAN 接続系、または登録済み端末からの VPN 接続/);
  const denials = await auditRows('resident.search');
  assert.ok(denials.some((r) => r.decision === 'deny' && r.zone === 'internet' && r.reason === 'personal_zone'));
});

test('a device registered by the DX administrator lets staff work over VPN', async () => {
  const dx = await staffSignIn('dx@kawasaki.example', vpn);
  await dx.get('/staff/devices');
  const registered = await dx.post('/staff/devices', { label: '川崎区役所 窓口端末3' });
  assert.equal(registered.statusCode, 303);
  const device = dx.cookies.get('device');
  assert.ok(device);

  const counter = await staffSignIn('manager@kawasaki.example', vpn);
  const noDevice = await counter.get('/staff/residents');
  assert.equal(noDevice.statusCode, 403, `VPN without a registered device: ${noDevice.headers.location}`);
  counter.cookies.set('device', device);
  assert.equal((await counter.get('/staff/residents')).statusCode, 200, 'VPN from a registered device');

  await counter.get('/staff/devices');
  const notAdmin = await counter.post('/staff/devices', { label: 'x' });
  assert.equal(notAdmin.statusCode, 403);
});

test('auditors search and export the log from the LGWAN side; others may not', async () => {
  const auditor = await staffSignIn('auditor@kawasaki.example');
  const page = await auditor.get('/staff/audit?action=resident.search');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /resident\.search/);
  const csv = await auditor.get('/staff/audit.csv?action=auth.sign_in');
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
  assert.match(csv.body, /連番,日時,操作者/);
  assert.match(csv.body, /auth\.sign_in\.staff/);

  const counter = await staffSignIn('counter@kawasaki.example', lgwan);
  const refused = await counter.get('/staff/audit');
  assert.equal(refused.statusCode, 403);
});

test('residents cannot reach staff pages, and staff cannot sign in on the residents page', async () => {
  const resident = new Agent(city.app);
  await resident.get('/sign-in');
  await resident.post('/sign-in', { email: 'hanako@example.jp', password: 'kawasaki-demo-2026' });
  const staffPage = await resident.get('/staff');
  assert.equal(staffPage.statusCode, 303);
  assert.match(String(staffPage.headers.location), /^\/staff\/sign-in/);
  const agent = new Agent(city.app);
  await agent.get('/sign-in');
  const wrongDoor = await agent.post('/sign-in', {
    email: 'counter@kawasaki.example',
    password: 'cityhall-staff-demo',
  });
  assert.equal(wrongDoor.statusCode, 401);
});

test('My Number lookup: LGWAN side and designated roles only; the number is stored encrypted and shown masked', async () => {
  const { demoMyNumber } = await import('../../residents/index.ts');
  const resident = await city.database.ownerDb
    .selectFrom('residents')
    .select(['id', 'given_name', 'my_number'])
    .where('ward_code', '=', '141313')
    .executeTakeFirstOrThrow();
  const number = demoMyNumber(Number(resident.id));
  assert.ok(resident.my_number, 'demo residents have an encrypted My Number');
  assert.equal(Buffer.from(resident.my_number).includes(Buffer.from(number)), false, 'never stored in clear');

  const counter = await staffSignIn('counter@kawasaki.example', lgwan);
  await counter.get('/staff/residents');
  const found = await counter.post('/staff/residents/by-my-number', { myNumber: number });
  assert.equal(found.statusCode, 200);
  assert.match(found.body, new RegExp(resident.given_name));
  assert.match(found.body, new RegExp(`\\*\\*\\*\\* \\*\\*\\*\\* ${number.slice(-4)}`));
  assert.doesNotMatch(found.body, new RegExp(number));
  const invalid = await counter.post('/staff/residents/by-my-number', { myNumber: '123456789012' });
  assert.equal(invalid.statusCode, 400);
  assert.match(invalid.body, /検査用数字/);

  const manager = await staffSignIn('manager@kawasaki.example', lgwan);
  await manager.get('/staff/residents');
  const notDesignated = await manager.post('/staff/residents/by-my-number', { myNumber: number });
  assert.equal(notDesignated.statusCode, 403, 'department administrators are not a designated My Number role');

  const overVpn = await staffSignIn('caseworker@kawasaki.example', vpn);
  const dx = await staffSignIn('dx@kawasaki.example', vpn);
  await dx.get('/staff/devices');
  await dx.post('/staff/devices', { label: 'VPN 端末' });
  overVpn.cookies.set('device', dx.cookies.get('device')!);
  await overVpn.get('/staff');
  const vpnRefused = await overVpn.post('/staff/residents/by-my-number', { myNumber: number });
  assert.equal(vpnRefused.statusCode, 403, 'even from a registered device, My Number stays on the LGWAN side');
  assert.match(vpnRefused.body, /LGWAN 接続系の端末からのみ/);
  const rows = await auditRows('resident.search_by_my_number');
  assert.deepEqual(
    rows.map((r) => [r.decision, r.reason]),
    [
      ['allow', 'counter_work'],
      ['allow', 'counter_work'],
      ['deny', 'no_rule'],
      ['deny', 'my_number_zone'],
    ],
  );
});

test('counter staff register a guardian from documents through the page; the basis is required; the internet is refused', async () => {
  const counter = await staffSignIn('counter@kawasaki.example', lgwan);
  await counter.get('/staff/proxies');
  const until = `${new Date().getFullYear() + 1}-12-31`;
  const missing = await counter.post('/staff/proxies', {
    principalEmail: 'hanako@example.jp',
    proxyEmail: 'taro@example.jp',
    validUntil: until,
    basis: '',
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /href="#basis"/);
  await counter.get('/staff/proxies');
  const done = await counter.post('/staff/proxies', {
    principalEmail: 'hanako@example.jp',
    proxyEmail: 'taro@example.jp',
    validUntil: until,
    basis: '登記事項証明書（成年後見）',
  });
  assert.equal(done.statusCode, 303);
  const grant = await city.database.ownerDb
    .selectFrom('proxy_grants')
    .select(['relationship', 'granted_by_kind', 'basis'])
    .executeTakeFirstOrThrow();
  assert.deepEqual(grant, { relationship: 'guardian', granted_by_kind: 'staff', basis: '登記事項証明書（成年後見）' });

  const outside = await staffSignIn('caseworker@kawasaki.example', internet);
  await outside.get('/staff');
  const refused = await outside.post('/staff/proxies', {
    principalEmail: 'hanako@example.jp',
    proxyEmail: 'taro@example.jp',
    validUntil: until,
    basis: 'x',
  });
  assert.equal(refused.statusCode, 403);
});
