// The city's LINE account over the real webhook protocol (signed by the stand-in as LINE signs): follows
// become subscribers, a block stops messages, a resident's one-time code links their LINE account — once,
// only while fresh, never by a guess — and a bad signature changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { issueLineLinkCode } from '../use-cases/issue-line-link-code.ts';

let city: TestCityHall;
let line: LineStandIn;
let hook = '';
const tenantId = 'kawasaki';
const secret = 'line-secret-for-tests';

async function subscriber(userId: string) {
  return withTenant(city.city.deps.db, tenantId, (trx) =>
    trx.selectFrom('msg_subscribers').select(['status', 'account_id']).where('address', '=', userId).executeTakeFirst(),
  );
}

before(async () => {
  line = await startLineStandIn({ channelAccessToken: 'token', channelSecret: secret });
  city = await startTestCityHall({
    listen: true,
    demoResidents: 20,
    env: { LINE_CHANNEL_ACCESS_TOKEN: 'token', LINE_CHANNEL_SECRET: secret, LINE_API_BASE_URL: line.url },
  });
  hook = `${city.url}/webhooks/line`;
});

after(async () => {
  await city?.close();
  await line?.close();
});

test('a follow subscribes, a block stops, a redelivered event is acted on once', async () => {
  const user = lineUserId();
  const follow = line.events.follow(user);
  assert.equal(await line.sendWebhook(hook, [follow]), 200);
  assert.equal((await subscriber(user))?.status, 'active');
  assert.equal(await line.sendWebhook(hook, [line.events.unfollow(user)]), 200);
  assert.equal((await subscriber(user))?.status, 'blocked');
  // LINE redelivers the old follow: it must not undo the block.
  assert.equal(await line.sendWebhook(hook, [follow]), 200);
  assert.equal((await subscriber(user))?.status, 'blocked');
});

test('a one-time code links the LINE user to the resident who asked; used, expired or guessed codes do not', async () => {
  const accountId = '00000000-0000-4000-8000-000000000001';
  const { code } = await issueLineLinkCode(city.city.deps, { tenantId, accountId });
  const user = lineUserId();
  await line.sendWebhook(hook, [line.events.follow(user)]);
  assert.equal(await line.sendWebhook(hook, [line.events.text(user, 'ZZZZ-ZZZZ')]), 200);
  assert.equal((await subscriber(user))?.account_id, null, 'a guess links nothing');
  await line.sendWebhook(hook, [line.events.text(user, code.toLowerCase().replace('-', ''))]);
  assert.equal((await subscriber(user))?.account_id, accountId);
  const other = lineUserId();
  await line.sendWebhook(hook, [line.events.text(other, code)]);
  assert.equal(await subscriber(other), undefined, 'a used code links nobody else');

  const late = await issueLineLinkCode(city.city.deps, { tenantId, accountId });
  await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .updateTable('msg_link_codes')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('used_at', 'is', null)
      .execute(),
  );
  const third = lineUserId();
  await line.sendWebhook(hook, [line.events.text(third, late.code)]);
  assert.equal(await subscriber(third), undefined, 'an expired code links nobody');
});

test('a linked LINE user gets the topics, ward, language and year the resident chose on the settings page', async () => {
  const accountId = '00000000-0000-4000-8000-000000000002';
  await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .insertInto('msg_subscribers')
      .values({
        tenant_id: tenantId,
        channel: 'inbox',
        address: accountId,
        account_id: accountId,
        topics: ['kosodate', 'bosai'],
        ward_code: '141313',
        language: 'ja-easy',
        birth_year: 1990,
      })
      .execute(),
  );
  const user = lineUserId();
  await line.sendWebhook(hook, [line.events.follow(user)]);
  const { code } = await issueLineLinkCode(city.city.deps, { tenantId, accountId });
  await line.sendWebhook(hook, [line.events.text(user, code)]);
  const row = await withTenant(city.city.deps.db, tenantId, (trx) =>
    trx
      .selectFrom('msg_subscribers')
      .select(['account_id', 'topics', 'ward_code', 'language', 'birth_year'])
      .where('address', '=', user)
      .executeTakeFirstOrThrow(),
  );
  assert.deepEqual(row, {
    account_id: accountId,
    topics: ['kosodate', 'bosai'],
    ward_code: '141313',
    language: 'ja-easy',
    birth_year: 1990,
  });
});

test('a webhook with a bad signature is refused and changes nothing', async () => {
  const user = lineUserId();
  assert.equal(await line.sendWebhook(hook, [line.events.follow(user)], { signature: 'AAAA' }), 401);
  assert.equal(await subscriber(user), undefined);
  const unsigned = await fetch(hook, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"events":[]}',
  });
  assert.equal(unsigned.status, 401);
});

test('「配信停止」 in LINE stops that user in one step (once, whatever the redelivery); a new follow starts again', async () => {
  const user = lineUserId();
  await line.sendWebhook(hook, [line.events.follow(user)]);
  const stop = line.events.text(user, '　配信停止 ');
  assert.equal(await line.sendWebhook(hook, [stop]), 200);
  assert.equal((await subscriber(user))?.status, 'unsubscribed');
  assert.equal(await line.sendWebhook(hook, [stop]), 200);
  assert.equal((await subscriber(user))?.status, 'unsubscribed');
  const other = lineUserId();
  await line.sendWebhook(hook, [line.events.follow(other), line.events.text(other, '配信停止してほしい？')]);
  assert.equal((await subscriber(other))?.status, 'active', 'only the words themselves stop');
  await line.sendWebhook(hook, [line.events.unfollow(user), line.events.follow(user)]);
  assert.equal((await subscriber(user))?.status, 'active');
});
