// 障害者手帳の交付 on a real database: the resident's disability record becomes the certificate (what rules
// read), one 'certificate_issued' event keeps what it replaced, one `residents.life_event`; sent again it
// changes nothing more; a wrong grade, a date before birth or a stranger to the household are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import {
  actor,
  countRows,
  householdWithWoman,
  lifeEventsOf,
  newKey,
  rejects,
  tenantId,
} from '../life-events/test-support.ts';
import { recordCertificate } from './record-certificate.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 300 });
});
after(async () => {
  await city?.close();
});

const disabilityOf = async (id: string) =>
  city.city.deps.ownerDb
    .selectFrom('residents')
    .select(['disability_type', 'disability_grade'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

test('a certificate sets the register’s disability record, with one event and one life_event, once', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb);
  const previous = await disabilityOf(h.womanId);
  const today = japanToday();
  const input = {
    tenantId,
    actor,
    idempotencyKey: newKey(),
    householdId: h.householdId,
    residentId: h.womanId,
    certificate: 'shintai',
    grade: '２級',
    issuedOn: today,
  };
  const first = await recordCertificate(city.city.deps, input);
  assert.deepEqual(await disabilityOf(h.womanId), { disability_type: 'physical', disability_grade: '2' });
  const again = await recordCertificate(city.city.deps, { ...input, grade: '1' });
  assert.equal(again.repeated, true, 'the key decides: a retried form changes nothing, whatever it holds');
  assert.deepEqual(await disabilityOf(h.womanId), { disability_type: 'physical', disability_grade: '2' });

  const rows = await ownerDb
    .selectFrom('resident_events')
    .select(['type', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('resident_id', '=', h.womanId)
    .execute();
  assert.deepEqual(rows, [
    {
      type: 'certificate_issued',
      details: {
        certificate: 'shintai',
        grade: '2',
        previous: previous.disability_type
          ? { type: previous.disability_type, grade: previous.disability_grade }
          : null,
      },
    },
  ]);
  assert.deepEqual(
    (await lifeEventsOf(ownerDb, h.householdId)).map((e) => e.data),
    [{ householdId: h.householdId, residentIds: [h.womanId], kind: 'certificate_issued', date: today }],
  );
  assert.equal(first.eventIds.length, 1);

  // A 療育手帳 later replaces it in the register (one record per person); both events remain.
  await recordCertificate(city.city.deps, { ...input, idempotencyKey: newKey(), certificate: 'ryoiku', grade: 'a1' });
  assert.deepEqual(await disabilityOf(h.womanId), { disability_type: 'intellectual', disability_grade: 'A1' });
  assert.equal(await countRows(ownerDb, 'resident_events', { resident_id: h.womanId }), 2);
});

test('a wrong kind or grade, a date before birth and a stranger are refused, and nothing changes', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb, { skip: 1 });
  const before = await disabilityOf(h.womanId);
  const input = (over: Record<string, string | undefined> = {}) => ({
    tenantId,
    actor,
    idempotencyKey: newKey(),
    householdId: h.householdId,
    residentId: h.womanId,
    certificate: 'seishin',
    grade: '1',
    issuedOn: japanToday(),
    ...over,
  });
  await rejects(
    recordCertificate(city.city.deps, input({ grade: '4' })),
    'validation_failed',
    'grade',
    /1・2・3 のどれか/,
  );
  await rejects(
    recordCertificate(city.city.deps, input({ certificate: 'other' })),
    'validation_failed',
    'certificate',
    /手帳の種類/,
  );
  await rejects(
    recordCertificate(city.city.deps, input({ issuedOn: '1900-01-01' })),
    'validation_failed',
    'issuedOn',
    /生年月日.*より前です/,
  );
  await rejects(
    recordCertificate(city.city.deps, input({ residentId: '999999999' })),
    'validation_failed',
    'residentId',
    /この世帯の世帯員ではありません/,
  );
  assert.deepEqual(await disabilityOf(h.womanId), before);
  assert.equal(await countRows(ownerDb, 'resident_events', { household_id: h.householdId }), 0);
});
