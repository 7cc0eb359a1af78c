// 転入届 on a real database: a new household in the chosen ward with its members (blank rows skipped), one
// 'move_in' event per member dated by the moving-in day and one `residents.life_event` naming them all; the
// same form sent again adds no second household; the address, ward, members and dates are checked first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { actor, countRows, lifeEventsOf, newKey, rejects, tenantId } from '../life-events/test-support.ts';
import { listLifeEvents } from './list-life-events.ts';
import { type MoveInMember, registerMoveIn } from './register-move-in.ts';
import { streamHouseholds } from './stream-households.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 300 });
});
after(async () => {
  await city?.close();
});

const empty: MoveInMember = {
  relationship: '',
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  birthDate: '',
  sex: undefined,
  nationality: '',
};

const family = (movedInOn: string): MoveInMember[] => [
  {
    ...empty,
    relationship: '世帯主',
    familyName: '転入',
    givenName: '太郎',
    familyNameKana: 'テンニュウ',
    givenNameKana: 'タロウ',
    birthDate: '1988-05-01',
    sex: '1',
  },
  {
    ...empty,
    relationship: '妻',
    familyName: '転入',
    givenName: '花子',
    familyNameKana: 'テンニュウ',
    givenNameKana: 'ハナコ',
    birthDate: '平成2年7月3日',
    sex: '2',
    nationality: 'vn',
  },
  empty,
  {
    ...empty,
    relationship: '子',
    familyName: '転入',
    givenName: '陽',
    familyNameKana: 'テンニュウ',
    givenNameKana: 'ヒナタ',
    birthDate: movedInOn,
    sex: '1',
  },
];

const moveIn = (over: Partial<Parameters<typeof registerMoveIn>[1]> = {}) => {
  const movedInOn = over.movedInOn ?? japanToday();
  return {
    tenantId,
    actor,
    idempotencyKey: newKey(),
    wardCode: '141313',
    postalCode: '２１０－０００４',
    address: '神奈川県川崎市川崎区宮本町1-2-3',
    incomeBand: '4',
    movedInOn,
    members: family(movedInOn),
    ...over,
  };
};

test('a move-in adds the household and its members, one move_in each, one life_event for them all, once', async () => {
  const { ownerDb } = city.city.deps;
  const today = japanToday();
  const input = moveIn();
  const households = await countRows(ownerDb, 'households');
  const first = await registerMoveIn(city.city.deps, input);
  const again = await registerMoveIn(city.city.deps, input);
  assert.equal(again.repeated, true);
  assert.equal(again.householdId, first.householdId);
  assert.deepEqual(again.residentIds, first.residentIds);
  assert.equal(await countRows(ownerDb, 'households'), households + 1, 'one household');
  assert.equal(first.residentIds.length, 3, 'the blank row is skipped');

  const household = await ownerDb
    .selectFrom('households')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', first.householdId)
    .executeTakeFirstOrThrow();
  assert.equal(household.ward_code, '141313');
  assert.equal(household.postal_code, '2100004', 'full-width digits and the hyphen are read');
  assert.equal(household.income_band, 4);
  const members = await ownerDb
    .selectFrom('residents')
    .select(['relationship', 'given_name', 'birth_date', 'nationality', 'ward_code'])
    .where('tenant_id', '=', tenantId)
    .where('household_id', '=', first.householdId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    members.map((m) => [m.relationship, m.given_name, m.nationality, m.ward_code]),
    [
      ['世帯主', '太郎', 'JP', '141313'],
      ['妻', '花子', 'VN', '141313'],
      ['子', '陽', 'JP', '141313'],
    ],
  );

  const events = await lifeEventsOf(ownerDb, first.householdId);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]!.data, {
    householdId: first.householdId,
    residentIds: first.residentIds,
    kind: 'move_in',
    date: today,
  });
  const listed = await listLifeEvents(city.city.deps, { tenantId, idempotencyKey: input.idempotencyKey });
  assert.deepEqual(
    listed.map((e) => [e.kind, e.residentId, e.givenName, e.date]),
    first.residentIds.map((id, i) => ['move_in', id, ['太郎', '花子', '陽'][i], today]),
  );
  assert.deepEqual(await listLifeEvents(city.city.deps, { tenantId, wards: ['141321'] }), [], 'another ward sees none');

  // The population read: the new household, each member with a move_in on the day.
  let found: { members: { events: readonly { type: string; date: string }[] }[] } | undefined;
  for await (const page of streamHouseholds(city.city.deps, { tenantId, pageSize: 40 })) {
    found ??= page.find((h) => h.id === first.householdId);
  }
  assert.deepEqual(
    found?.members.map((m) => m.events),
    [1, 2, 3].map(() => [{ type: 'move_in', date: today }]),
  );
  const later = await streamHouseholds(city.city.deps, {
    tenantId,
    afterId: String(BigInt(first.householdId) - 1n),
    pageSize: 1,
    eventsSince: '2099-01-01',
  }).next();
  assert.deepEqual(
    (later.value as { members: { events: unknown[] }[] }[])[0]!.members.map((m) => m.events),
    [[], [], []],
    'events before eventsSince are left out',
  );
});

test('the ward, postal code, address, members and dates are checked, and nothing is written on a mistake', async () => {
  const { ownerDb } = city.city.deps;
  const households = await countRows(ownerDb, 'households');
  const today = japanToday();
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ wardCode: '999999' })),
    'validation_failed',
    'wardCode',
    /区を選んで/,
  );
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ wardCode: '141321' })),
    'validation_failed',
    'postalCode',
    /幸区の郵便番号ではありません/,
  );
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ postalCode: '21000' })),
    'validation_failed',
    'postalCode',
    /7桁/,
  );
  await rejects(registerMoveIn(city.city.deps, moveIn({ address: '' })), 'validation_failed', 'address', /住所を入力/);
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ incomeBand: '11' })),
    'validation_failed',
    'incomeBand',
    /1から10/,
  );
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ movedInOn: '2999-01-01' })),
    'validation_failed',
    'movedInOn',
    /未来の日付/,
  );
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await rejects(
    registerMoveIn(city.city.deps, { ...moveIn(), movedInOn: yesterday }),
    'validation_failed',
    'members.3.birthDate',
    /4人目の生年月日.*転入日.*より後です。転入後に生まれた方は出生届/,
  );
  const [head, wife] = family(today);
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ members: [wife!, { ...head!, relationship: '妻' }] })),
    'validation_failed',
    'members.0.relationship',
    /世帯主を1人選んでください/,
  );
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ members: [head!, head!] })),
    'validation_failed',
    'members.1.relationship',
    /世帯主は1人だけ/,
  );
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ members: [empty, empty] })),
    'validation_failed',
    'members.0.familyName',
    /1人以上/,
  );
  await rejects(
    registerMoveIn(city.city.deps, moveIn({ members: [{ ...head!, givenNameKana: 'たろう　じろう' }] })),
    'validation_failed',
    'members.0.givenNameKana',
    /空白を入れずに/,
  );
  assert.equal(await countRows(ownerDb, 'households'), households);
});
