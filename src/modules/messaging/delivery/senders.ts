import type { ChannelResult } from '../channels/types.ts';

// What the delivery worker needs from each channel. The adapters in channels/ speak the real protocols
// (LINE Messaging API, SMTP, Web Push); tests may give stand-ins that speak the same protocols.

export type SendOutcome =
  | { status: 'sent' }
  /** LINE answered 409 for a retry key it already accepted: delivered before, not again. */
  | { status: 'duplicate' }
  /** The recipient blocked the account (LINE) or the subscription no longer exists (Web Push 404/410). */
  | { status: 'blocked' | 'gone' }
  | { status: 'failed'; permanent: boolean; error: string };

export interface ChannelSenders {
  line?: (input: { userIds: string[]; text: string; retryKey: string }) => Promise<SendOutcome>;
  email?: (input: { to: string; subject: string; text: string; unsubscribeUrl: string }) => Promise<SendOutcome>;
  webpush?: (input: {
    endpoint: string;
    keys: { p256dh: string; auth: string };
    payload: string;
    urgent: boolean;
  }) => Promise<SendOutcome>;
}

/** A channel adapter's answer as the queue reads it: retryable failures come back later, others end. */
export function toOutcome(result: ChannelResult): SendOutcome {
  if (result.status === 'sent' || result.status === 'duplicate') return { status: result.status };
  if (result.status === 'blocked' || result.status === 'gone') return { status: result.status };
  return {
    status: 'failed',
    permanent: result.retryable !== true,
    error: `${result.httpStatus ?? ''} ${result.error ?? ''}`.trim(),
  };
}

/** A limit or address refused before sending: no retry can fix it. */
export function refused(error: unknown): SendOutcome {
  return { status: 'failed', permanent: true, error: String((error as Error).message ?? error) };
}
