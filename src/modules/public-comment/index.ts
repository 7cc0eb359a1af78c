// Public comment (パブリックコメント): consultations on draft plans and rules, the opinions residents send
// (web form, post, fax, in person), staff analysis into opinions with the city's view and a response
// class, and the published result report (HTML, PDF, CSV, JSON). Owns the pc_* tables.
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { seedPublicComments } from './demo/seed.ts';
import { feedRoutes } from './feed/routes.ts';
import { messages } from './messages.ts';
import { apiRoutes } from './routes/api.ts';
import { publicRoutes } from './routes/public.ts';
import { staffRoutes } from './routes/staff.ts';
import { subscriptionRoutes } from './subscriptions/routes.ts';
import { enqueueOpenNotices, sendOpenNotice, sendOpenNoticeJob } from './subscriptions/send-open-notices.ts';
import {
  type SubscriptionMailJob,
  sendSubscriptionMail,
  sendSubscriptionMailJob,
} from './subscriptions/send-subscription-mail.ts';
import { openedEvent } from './use-cases/open-consultation.ts';

registerMessages('publicComment', messages);

export const publicComment: CityModule = {
  name: 'public-comment',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    // Fixed paths (feed, subscribe) before /public-comments/:number, though Fastify prefers them anyway.
    await feedRoutes(app, deps);
    await subscriptionRoutes(app, deps);
    await publicRoutes(app, deps);
    await apiRoutes(app, deps);
    await staffRoutes(app, deps);
  },
  events: {
    [openedEvent]: async (event, deps) => {
      await enqueueOpenNotices(deps, event);
    },
  },
  jobs: {
    [sendOpenNoticeJob]: {
      async handler(data, _job, deps) {
        await sendOpenNotice(deps, data as Parameters<typeof sendOpenNotice>[1]);
      },
      // An SMTP outage of a few hours must not lose notices; each retry sends at most once (pc_notices).
      retryLimit: 10,
    },
    [sendSubscriptionMailJob]: {
      async handler(data, _job, deps) {
        await sendSubscriptionMail(deps, data as SubscriptionMailJob);
      },
    },
  },
  homeLinks: [
    { href: '/public-comments', titleKey: 'publicComment.title', descriptionKey: 'publicComment.homeDescription' },
  ],
  seedDemo: seedPublicComments,
};
