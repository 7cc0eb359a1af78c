// Messaging (C7): subscribers on LINE, e-mail, Web Push and the in-app inbox with their topics, ward,
// language and age band; messages staff compose for a segment; delivery exactly once per recipient and
// channel with a report; personal notices to residents (eligibility, application status). Owns the msg_*
// tables.
import { AppError } from '../../platform/http/errors.ts';
import type { CityModule, PlatformDeps } from '../../platform/module.ts';
import { deliverBatch } from './delivery/deliver.ts';
import { maxSendAttempts } from './delivery/send-batch.ts';
import { seedMessagingDemo } from './demo.ts';
import { demoLineRoutes } from './demo-line/routes.ts';
import { lineWebhookRoutes } from './routes/line-webhook.ts';
import { residentMessagingRoutes } from './routes/resident.ts';
import { staffMessagingRoutes } from './routes/staff.ts';
import { batchQueues, legacyBatchQueues, startDelivery, startQueue } from './use-cases/start-delivery.ts';
import { emailConfirmationJob, sendEmailConfirmationJob } from './use-cases/subscribe-email.ts';

export { type PersonalNotice, sendPersonalNotice } from './use-cases/send-personal-notice.ts';

const batchJob = {
  async handler(data: unknown, _job: unknown, deps: PlatformDeps) {
    await deliverBatch(deps, data as { tenantId: string; batchId: string });
  },
  // LINE and SMTP outages of an hour must not lose a message; each retry resends only what is pending, and
  // the last try marks what is still failing as failed (send-batch.ts).
  retryLimit: maxSendAttempts - 1,
};

export const messaging: CityModule = {
  name: 'messaging',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await lineWebhookRoutes(app, deps);
    await residentMessagingRoutes(app, deps);
    await staffMessagingRoutes(app, deps);
    // /demo/line answers only in a demo process without LINE_* (404 elsewhere); stops the stand-in on close.
    await demoLineRoutes(app, deps);
  },
  seedDemo: seedMessagingDemo,
  homeLinks: [
    {
      href: '/notifications',
      titleKey: 'notifications.settingsTitle',
      descriptionKey: 'notifications.settingsHomeLead',
    },
    { href: '/my/inbox', titleKey: 'notifications.inboxTitle', descriptionKey: 'notifications.inboxHomeLead' },
  ],
  jobs: {
    [sendEmailConfirmationJob]: emailConfirmationJob,
    ...Object.fromEntries([...batchQueues, ...legacyBatchQueues].map((name) => [name, batchJob])),
    [startQueue]: {
      async handler(data, _job, deps) {
        const { tenantId, messageId } = data as { tenantId: string; messageId: string };
        try {
          await startDelivery(deps, { tenantId, actor: { accountId: 'scheduler' }, messageId });
        } catch (error) {
          // Cancelled by staff before its time: nothing to start.
          if (error instanceof AppError && error.code === 'conflict') return;
          throw error;
        }
      },
    },
  },
};
