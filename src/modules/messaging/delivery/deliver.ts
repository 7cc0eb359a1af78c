// This process's channel senders and the delivery of one batch with them: what the batch jobs run, and what
// the demo seed runs directly (it loads before the job queue starts).
import { publicOrigin } from '../../../platform/config/config.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { createEmailChannel } from '../channels/email.ts';
import { sendWebPush } from '../channels/web-push.ts';
import { lineChannelFor } from '../demo-line/channel.ts';
import { unsubscribeUrl } from '../unsubscribe-link.ts';
import { vapidFor } from '../vapid.ts';
import { emailSender, lineSenderFor } from './channel-senders.ts';
import { sendBatch } from './send-batch.ts';
import { type ChannelSenders, refused, toOutcome } from './senders.ts';

// One set of senders per process: the LINE client paces its requests to LINE's rate limits across all jobs.
const built = new WeakMap<PlatformDeps, Promise<ChannelSenders>>();

function senders(deps: PlatformDeps): Promise<ChannelSenders> {
  const found = built.get(deps);
  if (found) return found;
  const made = buildSenders(deps);
  built.set(deps, made);
  return made;
}

async function buildSenders(deps: PlatformDeps): Promise<ChannelSenders> {
  // The configured channel, or the demo's stand-in (demo-line/channel.ts), or none.
  const line = await lineChannelFor(deps);
  return {
    ...(line ? { line: lineSenderFor({ baseUrl: line.apiBaseUrl, channelAccessToken: line.channelAccessToken }) } : {}),
    email: emailSender(createEmailChannel(deps.mail)),
    async webpush({ endpoint, keys, payload, urgent }) {
      try {
        return toOutcome(
          await sendWebPush({ endpoint, keys }, payload, {
            vapid: vapidFor(deps),
            // A day for an offline phone; an urgent alert is worth less after a few hours, but still worth it.
            ttl: urgent ? 6 * 60 * 60 : 24 * 60 * 60,
            urgency: urgent ? 'high' : 'normal',
          }),
        );
      } catch (error) {
        // A subscription with unusable keys fails alone; the rest of its batch goes on.
        return refused(error);
      }
    },
  };
}

export async function deliverBatch(deps: PlatformDeps, input: { tenantId: string; batchId: string }): Promise<void> {
  const origin = publicOrigin(deps.config);
  await sendBatch(
    {
      db: deps.db,
      senders: await senders(deps),
      unsubscribeUrl: (subscriberId) => unsubscribeUrl(deps, origin, input.tenantId, subscriberId),
    },
    input,
  );
}
