// Messaging (C7): subscribers on LINE, e-mail, Web Push and the in-app inbox with their topics, ward,
// language and age band; messages staff compose for a segment; delivery exactly once per recipient and
// channel with a report; personal notices to residents (eligibility, application status). Owns the msg_*
// tables.
import type { CityModule, PlatformDeps } from '../../platform/module.ts';
import { createEmailChannel } from './channels/email.ts';
import { sendWebPush } from './channels/web-push.ts';
import { emailSender, lineSenderFor } from './delivery/channel-senders.ts';
import { sendBatch } from './delivery/send-batch.ts';
import type { ChannelSenders } from './delivery/senders.ts';
import { toOutcome } from './delivery/senders.ts';
import { lineWebhookRoutes } from './routes/line-webhook.ts';
import { residentMessagingRoutes } from './routes/resident.ts';
import { staffMessagingRoutes } from './routes/staff.ts';
import { unsubscribeUrl } from './unsubscribe-link.ts';
import { sendBatchQueue, sendUrgentQueue, startDelivery, startQueue } from './use-cases/start-delivery.ts';
import { vapidFor } from './vapid.ts';

export { type PersonalNotice, sendPersonalNotice } from './use-cases/send-personal-notice.ts';

// One set of senders per process: the LINE client paces its requests to LINE's rate limits across all jobs.
const built = new WeakMap<PlatformDeps, ChannelSenders>();

function senders(deps: PlatformDeps): ChannelSenders {
  const found = built.get(deps);
  if (found) return found;
  const made = buildSenders(deps);
  built.set(deps, made);
  return made;
}

function buildSenders(deps: PlatformDeps): ChannelSenders {
  const line = deps.config.line;
  return {
    ...(line ? { line: lineSenderFor({ baseUrl: line.apiBaseUrl, channelAccessToken: line.channelAccessToken }) } : {}),
    email: emailSender(createEmailChannel(deps.mail)),
    webpush: async ({ endpoint, keys, payload, urgent }) =>
      toOutcome(
        await sendWebPush({ endpoint, keys }, payload, {
          vapid: vapidFor(deps),
          // A day for an offline phone; an urgent alert is worth less after a few hours, but still worth it.
          ttl: urgent ? 6 * 60 * 60 : 24 * 60 * 60,
          urgency: urgent ? 'high' : 'normal',
        }),
      ),
  };
}

const batchJob = {
  async handler(data: unknown, _job: unknown, deps: PlatformDeps) {
    const { tenantId, batchId } = data as { tenantId: string; batchId: string };
    const origin = deps.config.publicUrl ?? `http://localhost:${deps.config.port || 3000}`;
    await sendBatch(
      {
        db: deps.db,
        senders: senders(deps),
        unsubscribeUrl: (subscriberId) => unsubscribeUrl(deps, origin, tenantId, subscriberId),
      },
      { tenantId, batchId },
    );
  },
  // LINE and SMTP outages of an hour must not lose a message; each retry resends only what is pending.
  retryLimit: 12,
};

export const messaging: CityModule = {
  name: 'messaging',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await lineWebhookRoutes(app, deps);
    await residentMessagingRoutes(app, deps);
    await staffMessagingRoutes(app, deps);
  },
  jobs: {
    [sendBatchQueue]: batchJob,
    [sendUrgentQueue]: batchJob,
    [startQueue]: {
      async handler(data, _job, deps) {
        const { tenantId, messageId } = data as { tenantId: string; messageId: string };
        await startDelivery(deps, { tenantId, actor: { accountId: 'scheduler' }, messageId });
      },
    },
  },
};
