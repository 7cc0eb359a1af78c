// 妊娠届 on a real database: one 'pregnancy' event on the expectant mother (the expected delivery date in its
// details) and one `residents.life_event`, to which the eligibility module reacts (妊婦健康診査); the form sent
// again records nothing more; a second notification while the first is still expected, a man, a stranger to
// the household and impossible dates are refused.
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
import { registerBirth } from './register-birth.ts';
import { registerPregnancy } from './register-pregnancy.ts';
import { streamHouseholds } from './stream-households.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 300 });
});
after(async () => {
  await city?.close();
});

const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

test('a pregnancy notification is one event on the mother with the due date, one life_event, once however often sent', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb);
  const today = japanToday();
  const due = plusDays(today, 200);
  const input = {
    tenantId,
    actor,
    idempotencyKey: newKey(),
    householdId: h.householdId,
    residentId: h.womanId,
    notifiedOn: today,
    expectedDeliveryDate: due,
  };
  const first = await registerPregnancy(city.city.deps, input);
  const again = await registerPregnancy(city.city.deps, input);
  assert.equal(first.repeated, false);
  assert.equal(again.repeated, true);
  assert.deepEqual(again.eventIds, first.eventIds);

  const rows = await ownerDb
    .selectFrom('resident_events')
    .select(['type', 'details'])
    .where('tenant_id', '=', tenantId)
    .where('resident_id', '=', h.womanId)
    .execute();
  assert.deepEqual(rows, [{ type: 'pregnancy', details: { expectedDeliveryDate: due } }]);
  const events = await lifeEventsOf(ownerDb, h.householdId);
  assert.deepEqual(
    events.map((e) => e.data),
    [{ householdId: h.householdId, residentIds: [h.womanId], kind: 'pregnancy', date: today }],
  );

  // The whole-population read gives the mother her event, and no one else in the household any.
  let found: { id: string; events: readonly { type: string; date: string }[] }[] = [];
  for await (const page of streamHouseholds(city.city.deps, { tenantId, pageSize: 50 })) {
    const household = page.find((x) => x.id === h.householdId);
    if (household) found = household.members;
  }
  assert.deepEqual(found.find((m) => m.id === h.womanId)?.events, [{ type: 'pregnancy', date: today }]);
  assert.ok(found.filter((m) => m.id !== h.womanId).every((m) => m.events.length === 0));

  // The eligibility module, subscribed to the event, decides the household again: she is now eligible for
  // 妊婦健康診査 (the push-type service this notification exists for).
  let eligible: unknown;
  for (let i = 0; i < 300 && !eligible; i++) {
    eligible = await ownerDb
      .selectFrom('elig_results')
      .select('status')
      .where('tenant_id', '=', tenantId)
      .where('rule_id', '=', 'ninpu-kenshin')
      .where('person_id', '=', h.womanId)
      .executeTakeFirst();
    if (!eligible) await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(eligible, { status: 'eligible' }, 'the life_event reached the eligibility module');

  // A second notification while she is still expecting is a duplicate; after the birth, a new one is taken.
  await rejects(
    registerPregnancy(city.city.deps, { ...input, idempotencyKey: newKey() }),
    'conflict',
    undefined,
    /妊娠届は登録済みです/,
  );
  assert.equal(await countRows(ownerDb, 'resident_events', { resident_id: h.womanId }), 1);
  await registerBirth(city.city.deps, {
    tenantId,
    actor,
    idempotencyKey: newKey(),
    householdId: h.householdId,
    motherId: h.womanId,
    familyName: '試験',
    givenName: '花',
    familyNameKana: 'シケン',
    givenNameKana: 'ハナ',
    birthDate: today,
    sex: '2',
  });
  const next = await registerPregnancy(city.city.deps, { ...input, idempotencyKey: newKey() });
  assert.equal(next.repeated, false);
});

test('a man, someone outside the household and impossible dates are refused in Japanese, and nothing is written', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb, { skip: 1 });
  const today = japanToday();
  const input = (over: Record<string, string | undefined> = {}) => ({
    tenantId,
    actor,
    idempotencyKey: newKey(),
    householdId: h.householdId,
    residentId: h.womanId,
    notifiedOn: today,
    expectedDeliveryDate: plusDays(today, 150),
    ...over,
  });
  const before = await countRows(ownerDb, 'resident_events');
  if (h.manId) {
    await rejects(
      registerPregnancy(city.city.deps, input({ residentId: h.manId })),
      'validation_failed',
      'residentId',
      /性別が女性の世帯員/,
    );
  }
  await rejects(
    registerPregnancy(city.city.deps, input({ residentId: '999999999' })),
    'validation_failed',
    'residentId',
    /この世帯の世帯員ではありません/,
  );
  await rejects(
    registerPregnancy(city.city.deps, input({ notifiedOn: plusDays(today, 3) })),
    'validation_failed',
    'notifiedOn',
    /未来の日付です/,
  );
  await rejects(
    registerPregnancy(city.city.deps, input({ expectedDeliveryDate: plusDays(today, -1) })),
    'validation_failed',
    'expectedDeliveryDate',
    /届出日.*より後の日付/,
  );
  await rejects(
    registerPregnancy(city.city.deps, input({ expectedDeliveryDate: plusDays(today, 400) })),
    'validation_failed',
    'expectedDeliveryDate',
    /300日より先/,
  );
  await rejects(
    registerPregnancy(city.city.deps, input({ householdId: '987654321' })),
    'not_found',
    undefined,
    /住民記録にありません/,
  );
  await rejects(
    registerPregnancy(city.city.deps, input({ idempotencyKey: 'x' })),
    'bad_request',
    undefined,
    /受付キーが正しくありません/,
  );
  assert.equal(await countRows(ownerDb, 'resident_events'), before);
});
