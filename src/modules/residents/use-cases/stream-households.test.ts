// Whole-population reads: every resident exactly once, grouped in their households, in pages, with the
// facts rules need (their recent life events included, read once per page however many households it
// holds) and nothing of another city.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { yearsBefore } from '../life-events/validate.ts';
import { readEligibilityHouseholds, streamHouseholds } from './stream-households.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoResidents: 300 });
});

after(async () => {
  await city?.close();
});

test('pages of households carry every resident once, with ages, relationships, ward and income band', async () => {
  const seen = new Set<string>();
  let pages = 0;
  let previous = '0';
  for await (const page of streamHouseholds(city.city.deps, { tenantId: 'kawasaki', pageSize: 17 })) {
    pages++;
    for (const h of page) {
      assert.ok(BigInt(h.id) > BigInt(previous), 'households come in id order');
      previous = h.id;
      assert.match(h.wardCode, /^14\d{4}$/);
      assert.ok(h.incomeBand >= 1 && h.incomeBand <= 10);
      for (const m of h.members) {
        assert.ok(!seen.has(m.id), `resident ${m.id} once`);
        seen.add(m.id);
        assert.match(m.birthDate, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(['1', '2'].includes(m.sex));
        assert.ok(!('familyName' in m), 'no names');
        assert.deepEqual(m.events, [], 'no life events recorded yet');
      }
    }
  }
  const total = await city.city.deps.ownerDb
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', 'kawasaki')
    .executeTakeFirstOrThrow();
  assert.equal(seen.size, Number(total.n));
  assert.ok(pages > 1);
});

test('another city’s run reads none of this register', async () => {
  await addTenants(city.city.deps.ownerDb, 'yokohama');
  let count = 0;
  for await (const page of streamHouseholds(city.city.deps, { tenantId: 'yokohama' })) count += page.length;
  assert.equal(count, 0);
});

test('members carry their life events of the last two years, read with one statement per page', async () => {
  const { ownerDb } = city.city.deps;
  const today = japanToday();
  const old = yearsBefore(today, 3);
  // Events on every fifth resident, so they fall on households at the start, middle and end of pages.
  const people = await sql<{ id: string; household_id: string }>`
    select id::text, household_id::text from residents where tenant_id = 'kawasaki' and id % 5 = 0 order by id`.execute(
    ownerDb,
  );
  const expected = new Map<string, { type: string; date: string }[]>();
  let n = 0;
  for (const p of people.rows) {
    const kind = ['move_in', 'pregnancy', 'certificate_issued'][n % 3]!;
    const rows = [
      { type: kind, date: today, position: 0 },
      { type: 'move_in', date: old, position: 1 },
    ];
    await ownerDb
      .insertInto('resident_events')
      .values(
        rows.map((r) => ({
          tenant_id: 'kawasaki',
          resident_id: p.id,
          household_id: p.household_id,
          type: r.type,
          date: r.date,
          idempotency_key: `stream-test-${n}`,
          position: r.position,
          recorded_by: 'test',
        })),
      )
      .execute();
    expected.set(p.id, [{ type: kind, date: today }]);
    n++;
  }
  assert.ok(expected.size > 20);

  // The app's own pool, with a log of every statement sent.
  const statements: string[] = [];
  const db = new Kysely<any>({
    dialect: new PostgresDialect({ pool: city.city.deps.pool }),
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  let pages = 0;
  let seen = 0;
  for await (const page of streamHouseholds({ db }, { tenantId: 'kawasaki', pageSize: 13 })) {
    pages++;
    for (const h of page) {
      for (const m of h.members) {
        seen++;
        assert.deepEqual(m.events, expected.get(m.id) ?? [], `resident ${m.id}`);
      }
    }
  }
  assert.ok(seen > 250);
  assert.equal(
    statements.filter((s) => s.includes('resident_events')).length,
    pages,
    'one read of events per page, not one per household',
  );
  await ownerDb.deleteFrom('resident_events').where('idempotency_key', 'like', 'stream-test-%').execute();
});

test('households read by id are those a page gives, unknown and repeated ids left out', async () => {
  const all = [];
  for await (const page of streamHouseholds(city.city.deps, { tenantId: 'kawasaki', pageSize: 50 })) all.push(...page);
  const picked = [all[40]!, all[3]!, all[all.length - 1]!];
  const read = await readEligibilityHouseholds(city.city.deps, {
    tenantId: 'kawasaki',
    householdIds: [...picked.map((h) => h.id), picked[0]!.id, '999999999'],
  });
  assert.deepEqual(
    read,
    [...picked].sort((a, b) => Number(a.id) - Number(b.id)),
  );
});
