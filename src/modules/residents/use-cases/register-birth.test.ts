// 出生届 on a real database: the child joins the household as 子 with one 'birth' event and one
// `residents.life_event` (the contract eligibility subscribes to), audited; the same form sent again — one
// after the other or both at once — records once; every mistake is named in Japanese and writes nothing.
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
import { readHousehold } from './read-household.ts';
import { registerBirth } from './register-birth.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 300 });
});
after(async () => {
  await city?.close();
});

const child = (over: Partial<Parameters<typeof registerBirth>[1]> = {}) => ({
  tenantId,
  actor,
  idempotencyKey: newKey(),
  householdId: '0',
  motherId: null,
  familyName: '試験',
  givenName: '一郎',
  familyNameKana: 'しけん',
  givenNameKana: 'ｲﾁﾛｳ',
  birthDate: japanToday(),
  sex: '1',
  ...over,
});

test('a birth adds the child as 子 with one birth event and one life_event for the household, audited', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb);
  const today = japanToday();
  const result = await registerBirth(
    city.city.deps,
    child({ householdId: h.householdId, motherId: h.womanId, birthDate: today }),
  );
  assert.equal(result.repeated, false);
  assert.equal(result.kind, 'birth');
  assert.equal(result.householdId, h.householdId);
  assert.equal(result.residentIds.length, 1);
  const [childId] = result.residentIds;

  const row = await ownerDb
    .selectFrom('residents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', childId!)
    .executeTakeFirstOrThrow();
  assert.equal(row.relationship, '子');
  assert.equal(String(row.household_id), h.householdId);
  assert.equal(row.family_name_kana, 'シケン', 'hiragana reading kept as katakana');
  assert.equal(row.given_name_kana, 'イチロウ', 'half-width reading made full-width');
  assert.equal(row.nationality, 'JP');

  assert.equal(await countRows(ownerDb, 'resident_events', { resident_id: childId!, type: 'birth' }), 1);
  const events = await lifeEventsOf(ownerDb, h.householdId);
  assert.equal(events.length, 1, 'one domain event');
  assert.equal(events[0]!.subject_type, 'household');
  assert.equal(events[0]!.department, 'ward-141313.kumin');
  assert.deepEqual(events[0]!.data, { householdId: h.householdId, residentIds: [childId], kind: 'birth', date: today });
  assert.equal(
    await countRows(ownerDb, 'audit_log', { action: 'residents.life_event.birth', resource_id: h.householdId }),
    1,
  );

  // What eligibility rules and prefill read now holds the child with its event.
  const household = await readHousehold(city.city.deps, { tenantId, residentId: childId! });
  const member = household?.members.find((m) => m.id === childId);
  assert.deepEqual(member?.events, [{ type: 'birth', date: today }]);
});

test('the same form sent again, or twice at once, records the child once and answers the same', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb, { skip: 1 });
  const input = child({ householdId: h.householdId, motherId: h.womanId, givenName: '二郎' });
  const before = await countRows(ownerDb, 'residents');
  const [a, b] = await Promise.all([registerBirth(city.city.deps, input), registerBirth(city.city.deps, input)]);
  const again = await registerBirth(city.city.deps, input);
  assert.deepEqual(a.residentIds, b.residentIds);
  assert.deepEqual(again.residentIds, a.residentIds);
  assert.deepEqual(again.eventIds, a.eventIds);
  assert.equal([a, b].filter((r) => r.repeated).length, 1, 'one of the two at once recorded, the other found it');
  assert.equal(again.repeated, true);
  assert.equal(await countRows(ownerDb, 'residents'), before + 1);
  assert.equal(await countRows(ownerDb, 'resident_events', { household_id: h.householdId }), 1);
  assert.equal((await lifeEventsOf(ownerDb, h.householdId)).length, 1, 'no second domain event');
});

test('mistakes are named in Japanese on their fields, and nothing is written', async () => {
  const { ownerDb } = city.city.deps;
  const h = await householdWithWoman(ownerDb, { skip: 2 });
  const base = { householdId: h.householdId, motherId: h.womanId };
  const residents = await countRows(ownerDb, 'residents');
  const events = await countRows(ownerDb, 'domain_events', { type: 'residents.life_event' });

  const tomorrow = new Date(Date.now() + 9 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  await rejects(
    registerBirth(city.city.deps, child({ ...base, birthDate: tomorrow })),
    'validation_failed',
    'birthDate',
    /未来の日付です/,
  );
  await rejects(
    registerBirth(city.city.deps, child({ ...base, birthDate: '2026-02-30' })),
    'validation_failed',
    'birthDate',
    /存在しない日付/,
  );
  const [y, m, d] = h.womanBirthDate.split('-');
  await rejects(
    registerBirth(city.city.deps, child({ ...base, birthDate: `${Number(y) - 1}-${m}-${d === '29' ? '28' : d}` })),
    'validation_failed',
    'birthDate',
    /母の生年月日.*より前です/,
  );
  if (h.manId) {
    await rejects(
      registerBirth(city.city.deps, child({ ...base, motherId: h.manId })),
      'validation_failed',
      'motherId',
      /女性の世帯員/,
    );
  }
  await rejects(
    registerBirth(city.city.deps, child({ ...base, motherId: '999999999' })),
    'validation_failed',
    'motherId',
    /この世帯の世帯員ではありません/,
  );
  await rejects(
    registerBirth(city.city.deps, child({ ...base, motherId: undefined })),
    'validation_failed',
    'motherId',
    /母を世帯員から選んでください/,
  );
  await rejects(
    registerBirth(city.city.deps, child({ ...base, givenNameKana: 'Ichiro', familyName: '' })),
    'validation_failed',
    'givenNameKana',
    /全角カタカナ/,
  );
  await rejects(
    registerBirth(city.city.deps, child({ ...base, sex: '9' })),
    'validation_failed',
    'sex',
    /性別を選んでください/,
  );
  await rejects(
    registerBirth(city.city.deps, child({ householdId: '987654321' })),
    'not_found',
    undefined,
    /世帯番号 987654321 の世帯は住民記録にありません/,
  );
  assert.equal(await countRows(ownerDb, 'residents'), residents, 'no resident added');
  assert.equal(await countRows(ownerDb, 'domain_events', { type: 'residents.life_event' }), events, 'no event');

  // The same child under a new form (a second window): refused as a duplicate, not added twice.
  const first = child({ ...base, givenName: '三郎' });
  await registerBirth(city.city.deps, first);
  await rejects(
    registerBirth(city.city.deps, { ...first, idempotencyKey: newKey() }),
    'conflict',
    undefined,
    /同じ名前と生年月日のお子さん.*すでに登録されています/,
  );
  assert.equal(await countRows(ownerDb, 'residents'), residents + 1);

  // A key already used is never someone else's record handed back: another household's form is refused.
  const other = await householdWithWoman(ownerDb, { skip: 3 });
  await rejects(
    registerBirth(city.city.deps, { ...first, householdId: other.householdId, motherId: other.womanId }),
    'conflict',
    undefined,
    new RegExp(`別の世帯（世帯番号 ${h.householdId}）の登録に使われています`),
  );
  assert.equal(await countRows(ownerDb, 'residents'), residents + 1);
});
