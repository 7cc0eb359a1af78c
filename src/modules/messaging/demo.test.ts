// The demo tenant's messaging: 花子 finds the 防災 notice in her inbox, the e-mail subscribers of 防災 get it
// once, the draft waits for staff; seeding again adds nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../test/helpers/app.ts';
import { demoResident } from '../identity/demo.ts';
import { seedMessagingDemo } from './demo.ts';

let city: TestCityHall;

before(async () => {
  city = await startTestCityHall({ demoMessaging: true });
});

after(async () => {
  await city?.close();
});

test('花子 has the drill notice in her inbox, 防災 e-mail subscribers are sent it once, the draft waits', async () => {
  const { ownerDb } = city.city.deps;
  const hanako = await ownerDb
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', demoResident.email)
    .executeTakeFirstOrThrow();
  let inbox: { title: string }[] = [];
  for (let i = 0; i < 100 && inbox.length === 0; i++) {
    inbox = await ownerDb.selectFrom('msg_inbox').select('title').where('account_id', '=', hanako.id).execute();
    if (inbox.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(
    inbox.map((m) => m.title),
    ['総合防災訓練のお知らせ'],
  );
  const bosaiEmail = await ownerDb
    .selectFrom('msg_subscribers')
    .select('id')
    .where('channel', '=', 'email')
    .where(sql<boolean>`topics @> array['bosai']`)
    .execute();
  const deliveries = await ownerDb
    .selectFrom('msg_deliveries')
    .select('subscriber_id')
    .where('channel', '=', 'email')
    .execute();
  assert.equal(deliveries.length, bosaiEmail.length);
  const messages = await ownerDb.selectFrom('msg_messages').select(['title', 'status']).orderBy('created_at').execute();
  assert.equal(messages[1]!.status, 'draft');
  await seedMessagingDemo(city.city.deps, { tenantId: 'kawasaki', residents: 200, seed: 1 });
  assert.equal((await ownerDb.selectFrom('msg_messages').select('id').execute()).length, 2);
});
