// A birth in a household leads to the right notices on the right channels: the parent's in-app inbox and
// their LINE (linked to their account, personal notices allowed), nothing on a channel they closed to
// personal notices nor to anyone else; only rules with a standing approval are told at once, the rest wait
// for staff; running the event again tells nobody twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { type LineStandIn, lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { catalogue } from '../rules/index.ts';
import { runForHouseholds } from './run-for-households.ts';
import { runPopulation } from './run-population.ts';

let city: TestCityHall;
let line: LineStandIn;
const tenantId = 'kawasaki';

before(async () => {
  line = await startLineStandIn({ channelAccessToken: 'token-elig', channelSecret: 'secret-elig' });
  city = await startTestCityHall({
    demoResidents: 600,
    env: { LINE_CHANNEL_ACCESS_TOKEN: 'token-elig', LINE_CHANNEL_SECRET: 'secret-elig', LINE_API_BASE_URL: line.url },
  });
});

after(async () => {
  await city?.close();
  await line?.close();
});

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a birth tells the parent on their inbox and LINE, under standing approvals only, once', async () => {
  const { ownerDb } = city.city.deps;
  const today = japanToday();
  // A couple in their thirties with no children yet.
  const household = await sql<{ household_id: string; head: string }>`
    select h.id::text as household_id, min(r.id)::text as head from households h
    join residents r on r.tenant_id = h.tenant_id and r.household_id = h.id
    where h.tenant_id = ${tenantId}
    group by h.id
    having bool_and(r.relationship <> '子') and count(*) = 2
      and bool_and(r.birth_date between ${today}::date - interval '40 years' and ${today}::date - interval '25 years')
    order by h.id limit 1`.execute(ownerDb);
  const { household_id: householdId, head } = household.rows[0]!;
  const account = await ownerDb
    .insertInto('accounts')
    .values({
      tenant_id: tenantId,
      kind: 'resident',
      email: 'parent@example.jp',
      display_name: '親 一郎',
      resident_id: head,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parentLine = lineUserId();
  const strangerLine = lineUserId();
  await ownerDb
    .insertInto('msg_subscribers')
    .values([
      { tenant_id: tenantId, channel: 'line', address: parentLine, account_id: account.id },
      { tenant_id: tenantId, channel: 'line', address: strangerLine },
      { tenant_id: tenantId, channel: 'email', address: 'parent@example.jp', account_id: account.id, personal: false },
    ])
    .execute();
  const version = (id: string) => catalogue.find((r) => r.id === id)!.version;
  await ownerDb
    .insertInto('elig_rule_settings')
    .values(
      ['jido-teate', 'yobo-bcg'].map((id) => ({
        tenant_id: tenantId,
        rule_id: id,
        active_version: version(id),
        auto_notify: true,
        activated_by: 'test',
      })),
    )
    .execute();

  // The city's baseline, then the birth (as the register records it).
  await runPopulation(city.city.deps, { tenantId, on: today, triggeredBy: 'test' });
  const child = await ownerDb
    .insertInto('residents')
    .values({
      tenant_id: tenantId,
      id: 9_000_001,
      household_id: householdId,
      relationship: '子',
      family_name: '試験',
      given_name: '太郎',
      family_name_kana: 'シケン',
      given_name_kana: 'タロウ',
      birth_date: today,
      sex: '1',
      ward_code: sql`(select ward_code from households where tenant_id = ${tenantId} and id = ${householdId})`,
    })
    .returning(sql<string>`id::text`.as('id'))
    .executeTakeFirstOrThrow();

  const first = await runForHouseholds(city.city.deps, {
    tenantId,
    householdIds: [householdId],
    on: today,
    origin: 'https://city.example',
    triggeredBy: 'test',
  });
  assert.ok(first.newlyEligible >= 3, `newly eligible: ${first.newlyEligible}`);
  assert.equal(first.told, 2, '児童手当 (to the parent) and BCG (about the child) are told; the rest wait');

  const inbox = await until(async () => {
    const rows = await ownerDb
      .selectFrom('msg_inbox')
      .select(['title', 'body'])
      .where('account_id', '=', account.id)
      .orderBy('title')
      .execute();
    return rows.length === 2 ? rows : undefined;
  }, 'two inbox notices');
  assert.deepEqual(
    inbox.map((r) => r.title),
    ['予防接種（BCG）のご案内', '児童手当のご案内'].sort(),
  );
  assert.match(
    inbox.find((r) => r.title === '児童手当のご案内')!.body,
    /https:\/\/city\.example\/procedures\/jido-teate/,
  );
  await until(
    async () => (line.delivered.filter((d) => d.userId === parentLine).length === 2 ? true : undefined),
    'LINE',
  );
  assert.equal(line.delivered.filter((d) => d.userId === strangerLine).length, 0, 'nobody else');
  const email = await ownerDb
    .selectFrom('msg_deliveries as d')
    .innerJoin('msg_subscribers as s', 's.id', 'd.subscriber_id')
    .select('d.status')
    .where('s.channel', '=', 'email')
    .execute();
  assert.equal(email.length, 0, 'the e-mail channel was closed to personal notices');

  // 小児医療費助成 has no standing approval: found, waiting for staff.
  const waiting = await ownerDb
    .selectFrom('elig_results')
    .select(['rule_id', 'notified_at', 'baseline'])
    .where('person_id', '=', child.id)
    .where('rule_id', '=', 'shoni-iryo')
    .executeTakeFirstOrThrow();
  assert.equal(waiting.notified_at, null);
  assert.equal(waiting.baseline, false);

  // The same event again (a retried job): nobody told twice.
  const again = await runForHouseholds(city.city.deps, {
    tenantId,
    householdIds: [householdId],
    on: today,
    origin: 'https://city.example',
    triggeredBy: 'test',
  });
  assert.equal(again.newlyEligible, 0);
  assert.equal(again.told, 0);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(line.delivered.filter((d) => d.userId === parentLine).length, 2);
});
