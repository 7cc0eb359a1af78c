// The demo tenant's messaging: 花子 and 太郎 receive the city's notices in their in-app inbox (防災, 子育て,
// ごみ, イベント in 川崎区), twenty synthetic e-mail subscribers across the wards (their mail lands in the demo
// mailbox), two demo LINE users following the city (their messages appear on /demo/line), one 防災 notice
// already sent through the real delivery path (batches sent in the seed: it runs before the job queue
// starts), and a draft for staff to send. Marks the process as a demo: without LINE_* its LINE is the
// in-process stand-in (demo-line/channel.ts).
// Idempotent: skips a tenant that has messages (the LINE followers are added to an older demo as well).
import { withTenant } from '../../platform/db/tenant.ts';
import type { Jobs } from '../../platform/jobs/queue.ts';
import type { PlatformDeps, SeedOptions } from '../../platform/module.ts';
import { demoProxy, demoResident } from '../identity/demo.ts';
import { findResidentAccount } from '../identity/index.ts';
import { deliverBatch } from './delivery/deliver.ts';
import { topics } from './delivery/segment.ts';
import { markLineDemo, usesDemoLine } from './demo-line/channel.ts';
import { seedDemoLineFollowers } from './demo-line/seed-followers.ts';
import { createMessage } from './use-cases/create-message.ts';
import { startDelivery } from './use-cases/start-delivery.ts';

const wards = ['141313', '141321', '141330', '141348', '141356', '141364', '141372'];
const actor = { accountId: 'demo-seed' };

export async function seedMessagingDemo(deps: PlatformDeps, options: SeedOptions): Promise<void> {
  const { tenantId } = options;
  markLineDemo(deps);
  if (usesDemoLine(deps)) await seedDemoLineFollowers(deps, { tenantId });
  const seeded = await withTenant(deps.db, tenantId, async (trx) => {
    if (await trx.selectFrom('msg_messages').select('id').limit(1).executeTakeFirst()) return true;
    for (const [email, birthYear] of [
      [demoResident.email, 1988],
      [demoProxy.email, 1986],
    ] as const) {
      const accountId = await findResidentAccount(trx, email);
      if (!accountId) continue;
      await trx
        .insertInto('msg_subscribers')
        .values({
          tenant_id: tenantId,
          channel: 'inbox',
          address: accountId,
          account_id: accountId,
          topics: ['bosai', 'kosodate', 'gomi', 'event'],
          ward_code: '141313',
          birth_year: birthYear,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .insertInto('msg_subscribers')
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          tenant_id: tenantId,
          channel: 'email',
          address: `subscriber${String(i + 1).padStart(2, '0')}@example.jp`,
          topics: [topics[i % topics.length]!, topics[(i * 3 + 1) % topics.length]!],
          ward_code: wards[i % wards.length]!,
          language: i % 5 === 4 ? 'en' : i % 5 === 3 ? 'ja-easy' : 'ja',
          birth_year: 1950 + ((i * 7) % 50),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    return false;
  });
  if (seeded) return;
  const drill = await createMessage(deps, {
    tenantId,
    actor,
    fields: {
      title: '総合防災訓練のお知らせ',
      bodyJa:
        '今週の日曜日、各区で総合防災訓練を行います。避難場所までの道を、家族で確かめておきましょう。当日は防災行政無線で訓練放送を流します。',
      bodyEasy:
        '日曜日（にちようび）に 防災（ぼうさい）の 練習（れんしゅう）を します。逃げる（にげる）場所（ばしょ）を 家族（かぞく）で 見て（みて）おきましょう。',
      bodyEn:
        'This Sunday each ward holds a disaster drill. Please check the way to your evacuation site with your family. Test broadcasts will be made on the day.',
      segment: { topics: ['bosai'] },
    },
  });
  // `cityhall seed` loads data with no mailer: the notice stays a draft for staff to send.
  if (!deps.mail) return;
  // The demo loads before the job queue starts: plan through the real path, then send each batch here.
  const batches: { tenantId: string; batchId: string }[] = [];
  const collect: Pick<Jobs, 'enqueue' | 'enqueueMany'> = {
    async enqueue() {
      return null;
    },
    async enqueueMany(_trx, _name, data) {
      batches.push(...(data as { tenantId: string; batchId: string }[]));
    },
  };
  await startDelivery({ db: deps.db, jobs: collect as Jobs }, { tenantId, actor, messageId: drill.id });
  for (const batch of batches) await deliverBatch(deps, batch);
  await createMessage(deps, {
    tenantId,
    actor,
    fields: {
      title: '年末年始の粗大ごみ受付について',
      bodyJa: '12月29日から1月3日まで、粗大ごみ受付センターはお休みです。インターネットでの申込みは受け付けています。',
      segment: { topics: ['gomi'] },
    },
  });
}
