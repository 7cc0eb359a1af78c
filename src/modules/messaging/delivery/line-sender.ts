// The delivery worker's LINE sender: one multicast per batch through the Messaging API client, its result
// read as the queue needs it. A 409 for the batch's retry key means LINE accepted it before (a worker
// killed after sending): delivered, not again.
import { createLineClient, type LineClient } from '../channels/line.ts';
import type { ChannelSenders, SendOutcome } from './senders.ts';

export function lineSender(client: LineClient): NonNullable<ChannelSenders['line']> {
  return async ({ userIds, text, retryKey }): Promise<SendOutcome> => {
    let result: Awaited<ReturnType<LineClient['multicast']>>;
    try {
      result = await client.multicast(userIds, [{ type: 'text', text }], { retryKey });
    } catch (error) {
      // Over a LINE limit (checked before sending): no retry can fix it.
      return { status: 'failed', permanent: true, error: String((error as Error).message ?? error) };
    }
    if (result.status === 'sent' || result.status === 'duplicate') return { status: result.status };
    if (result.status === 'blocked' || result.status === 'gone') return { status: result.status };
    return {
      status: 'failed',
      permanent: result.retryable !== true,
      error: `${result.httpStatus ?? ''} ${result.error ?? ''}`.trim(),
    };
  };
}

export function lineSenderFor(options: { baseUrl?: string; channelAccessToken: string }) {
  return lineSender(createLineClient(options));
}
