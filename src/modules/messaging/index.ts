// Messaging (C7): subscribers on LINE, e-mail, Web Push and the in-app inbox with their topics, ward,
// language and age band; messages staff compose for a segment; delivery exactly once per recipient and
// channel with a report. Owns the msg_* tables. (Pages, subscription and the LINE/Web Push adapters are
// being built: issue 7.)
import type { CityModule, PlatformDeps } from '../../platform/module.ts';
import { createEmailChannel } from './channels/email.ts';
import { emailSender, lineSenderFor } from './delivery/channel-senders.ts';
import { sendBatch } from './delivery/send-batch.ts';
import type { ChannelSenders } from './delivery/senders.ts';
import { lineWebhookRoutes } from './routes/line-webhook.ts';
import { sendBatchQueue, sendUrgentQueue, startDelivery, startQueue } from './use-cases/start-delivery.ts';

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
  };
}

const batchJob = {
  async handler(data: unknown, _job: unknown, deps: PlatformDeps) {
    const { tenantId, batchId } = data as { tenantId: string; batchId: string };
    await sendBatch({ db: deps.db, senders: senders(deps) }, { tenantId, batchId });
  },
  // LINE and SMTP outages of an hour must not lose a message; each retry resends only what is pending.
  retryLimit: 12,
};

export const messaging: CityModule = {
  name: 'messaging',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await lineWebhookRoutes(app, deps);
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
