// The off-hours rule through the product: a city whose off hours are now refuses staff on an unregistered
// device, with the reason on the page and in the audit log, and lets a registered device through.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';

let city: TestCityHall;
before(async () => {
  // Off hours from this hour (Japan time) for two hours, so the test is inside them whenever it runs.
  const hour = (new Date().getUTCHours() + 9) % 24;
  city = await startTestCityHall({
    demoResidents: 50,
    env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8', STAFF_OFF_HOURS: `${hour}-${(hour + 2) % 24}` },
  });
});
after(async () => {
  await city.close();
});

test('off hours: personal data only from a registered device, even on the LGWAN side; public pages stay open', async () => {
  const counter = await staffSignIn(city.app, 'counter@kawasaki.example');
  const refused = await counter.get('/staff/residents?q=a');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /業務時間外に個人情報を扱えるのは、登録済みの端末だけです。/);
  assert.equal((await counter.get('/staff')).statusCode, 200, 'the staff portal itself holds no personal data');

  const dx = await staffSignIn(city.app, 'dx@kawasaki.example');
  await dx.get('/staff/devices');
  assert.equal((await dx.post('/staff/devices', { label: '川崎区役所 夜間窓口端末' })).statusCode, 303);
  counter.cookies.set('device', dx.cookies.get('device')!);
  assert.equal((await counter.get('/staff/residents?q=a')).statusCode, 200, 'a registered device works at night');

  const { rows } = await city.database.ownerPool.query<{ decision: string; reason: string }>(
    `select decision, reason from audit_log where action = 'resident.search' order by id`,
  );
  assert.deepEqual(
    rows.map((r) => [r.decision, r.reason]),
    [
      ['deny', 'off_hours_device'],
      ['allow', 'counter_work'],
    ],
  );
});
