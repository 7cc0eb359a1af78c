// The delivery worker's senders over the channel adapters, each answer read as the queue needs it. LINE:
// one multicast per batch; a 409 for the batch's retry key means LINE accepted it before (a worker killed
// after sending): delivered, not again.
import type { EmailChannel } from '../channels/email.ts';
import { createLineClient, type LineClient } from '../channels/line.ts';
import { type ChannelSenders, refused, type SendOutcome, toOutcome } from './senders.ts';

export function lineSender(client: LineClient): NonNullable<ChannelSenders['line']> {
  return async ({ userIds, text, retryKey }): Promise<SendOutcome> => {
    try {
      return toOutcome(await client.multicast(userIds, [{ type: 'text', text }], { retryKey }));
    } catch (error) {
      return refused(error);
    }
  };
}

export function lineSenderFor(options: { baseUrl?: string; channelAccessToken: string }) {
  return lineSender(createLineClient(options));
}

/**
 * E-mail through the channel adapter, which puts one-click unsubscribe (RFC 8058) on every message: a
 * delivery without an unsubscribe address is refused, never sent without one.
 */
export function emailSender(channel: EmailChannel): NonNullable<ChannelSenders['email']> {
  return async (message): Promise<SendOutcome> => {
    try {
      return toOutcome(await channel.send(message));
    } catch (error) {
      return refused(error);
    }
  };
}
