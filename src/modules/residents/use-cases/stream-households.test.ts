// Whole-population reads: every resident exactly once, grouped in their households, in pages, with the
// facts rules need and nothing of another city.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { addTenants } from '../../../../test/helpers/tenants.ts';
import { streamHouseholds } from './stream-households.ts';

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
