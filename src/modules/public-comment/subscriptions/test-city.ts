// Tests of the notices and the feed start the product with the public comment tables and only this part's
// routes, event handler and jobs, wired as the module's index.ts wires them, so the rest of the module,
// built at the same time, cannot stop these tests. Mail goes to an SMTP stand-in the test reads back.
import pino from 'pino';
import { testConfig } from '../../../../test/helpers/app.ts';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { type SmtpStandIn, startSmtpStandIn } from '../../../../test/helpers/smtp.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { CityModule } from '../../../platform/module.ts';
import { startCityHall } from '../../../platform/runtime.ts';
import { ensureTenant } from '../../../platform/tenancy/tenants.ts';
import { identity } from '../../identity/index.ts';
import { organisation } from '../../organisation/index.ts';
import { portal } from '../../portal/index.ts';
import { residents } from '../../residents/index.ts';
import { feedRoutes } from '../feed/routes.ts';
import { subscriptionRoutes } from './routes.ts';
import { enqueueOpenNotices, type OpenNoticeJob, sendOpenNotice, sendOpenNoticeJob } from './send-open-notices.ts';
import { type SubscriptionMailJob, sendSubscriptionMail, sendSubscriptionMailJob } from './send-subscription-mail.ts';

/** The slice of the public comment module this part owns, as the module's index.ts registers it. */
export const publicCommentPart: CityModule = {
  name: 'public-comment',
  migrations: new URL('../migrations/', import.meta.url),
  async routes(app, deps) {
    await subscriptionRoutes(app, deps);
    await feedRoutes(app, deps);
  },
  events: {
    'public_comment.opened': async (event, deps) => {
      await enqueueOpenNotices(deps, event);
    },
  },
  jobs: {
    [sendOpenNoticeJob]: {
      async handler(data, _job, deps) {
        await sendOpenNotice(deps, data as OpenNoticeJob);
      },
    },
    [sendSubscriptionMailJob]: {
      async handler(data, _job, deps) {
        await sendSubscriptionMail(deps, data as SubscriptionMailJob);
      },
    },
  },
};

export async function startNoticeCity(env: Record<string, string> = {}, options: { listen?: boolean } = {}) {
  const smtp: SmtpStandIn = await startSmtpStandIn();
  const database = await createTestDatabase();
  // A second city, reached by its own host name, to prove each sees only its own rows.
  await ensureTenant(database.ownerDb, {
    id: 'yokohama',
    lgCode: '141003',
    name: '横浜市',
    nameEn: 'Yokohama',
    hostnames: ['yokohama.localhost'],
  });
  const config = testConfig(database, {
    SMTP_URL: smtp.url,
    PUBLIC_URL: 'https://city.example.jp',
    ...env,
  });
  const city = await startCityHall({
    config,
    log: pino({ level: config.logLevel }),
    demo: false,
    listen: options.listen ?? false,
    modules: [organisation, residents, identity, portal, publicCommentPart],
  });
  await city.ready;
  return {
    app: city.app!,
    /** Base URL when started with listen: true. */
    url: city.url,
    city,
    deps: city.deps,
    database,
    smtp,
    async close() {
      await city.stop();
      await database.close();
      await smtp.close();
    },
  };
}

export type NoticeCity = Awaited<ReturnType<typeof startNoticeCity>>;

let nextNumber = 1;

/** A consultation as staff would leave it (written directly: opening one is another part's use case). */
export async function addConsultation(
  city: NoticeCity,
  tenantId: string,
  c: { status: string; opensOn: string; closesOn: string; title?: string; updatedAt?: Date; number?: number },
): Promise<{ id: string; number: number; title: string }> {
  const number = c.number ?? nextNumber++;
  const title = c.title ?? `テスト用の案 第${number}号`;
  return withTenant(city.deps.db, tenantId, async (trx) => {
    const row = await trx
      .insertInto('pc_consultations')
      .values({
        tenant_id: tenantId,
        number,
        department: 'soumu.dx',
        title,
        subject: `「${title}」`,
        status: c.status,
        opens_on: c.opensOn,
        closes_on: c.closesOn,
        methods: ['web'],
        classes: JSON.stringify([]),
        created_by: 'test-staff',
        ...(c.updatedAt ? { updated_at: c.updatedAt } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id as string, number, title };
  });
}
