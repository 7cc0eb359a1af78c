// What every channel adapter answers, and the size limits of each channel in one table, so a message is
// refused with the limit named when it is composed, not half-way through a delivery.
import { AppError } from '../../../platform/http/errors.ts';

export type ChannelName = 'line' | 'web-push' | 'email' | 'in-app';

/**
 * sent: the provider accepted it. duplicate: the provider had already accepted this very send (LINE's
 * retry key answered 409), so it counts as delivered once. blocked: the person blocked the LINE account
 * (known from the unfollow webhook; LINE itself answers 200 and drops the message). gone: the Web Push
 * subscription no longer exists (404/410), so the caller deletes it. failed: not delivered.
 */
export type DeliveryStatus = 'sent' | 'duplicate' | 'failed' | 'blocked' | 'gone';

export interface ChannelResult {
  status: DeliveryStatus;
  /** Status of the provider's last HTTP answer, when the channel speaks HTTP. */
  httpStatus?: number;
  /** The provider's id for the request (LINE: x-line-request-id, or the accepted one on a duplicate; Web Push: Location). */
  requestId?: string;
  /** For failed: whether sending again later (same retry key) may succeed: rate limit, 5xx, network. */
  retryable?: boolean;
  /** For failed: how long the provider asked us to wait before trying again (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** For failed: what went wrong, in Japanese, for the delivery report. */
  error?: string;
  /** Requests made for this result (1 when the first try answered). */
  attempts?: number;
}

/** The channel-neutral message a limit is checked on: a subject (e-mail, push title, inbox) and a text. */
export interface ChannelMessage {
  subject?: string;
  text: string;
  /** Where a push notification or in-app notice leads when opened. */
  url?: string;
}

/**
 * RFC 8291 §4: a push service need not take more than 4096 octets of body; less the aes128gcm header of
 * 86 octets (salt 16, rs 4, idlen 1, key 65), the padding delimiter (1) and the AEAD tag (16), that leaves
 * 3993 octets of plaintext in the single record a push message must be.
 */
export const webPushMaxPlaintextBytes = 4096 - 86 - 1 - 16;

/**
 * The limits, each with where it comes from. LINE counts text in UTF-16 code units (an emoji is 2),
 * which is JavaScript's String length. The e-mail and in-app limits are the city's own rules.
 */
export const channelLimits = {
  line: {
    /** LINE Messaging API, text message object: max 5000 characters. */
    textChars: 5000,
    /** Push and multicast: 1 to 5 message objects per request. */
    messagesPerRequest: 5,
    /** Multicast: 1 to 500 user IDs per request. */
    multicastRecipients: 500,
  },
  'web-push': { plaintextBytes: webPushMaxPlaintextBytes },
  email: {
    /** Our rule: longer subjects are cut off on phones, and a subject must stay one header line's worth. */
    subjectChars: 100,
    textChars: 100_000,
  },
  'in-app': { subjectChars: 100, textChars: 10_000 },
} as const;

export type LimitCheck = { ok: true } | { ok: false; limit: string; max: number; actual: number; message: string };

/** The JSON a Web Push notification carries (what the service worker shows): title, body, where it leads. */
export function notificationPayload(message: ChannelMessage): string {
  return JSON.stringify({
    title: message.subject ?? '',
    body: message.text,
    ...(message.url ? { url: message.url } : {}),
  });
}

const n = (value: number) => value.toLocaleString('ja-JP');
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
/** What a reader counts as characters (code points), for our own limits. */
const chars = (text: string) => [...text].length;

function over(limit: string, max: number, actual: number, message: string): LimitCheck {
  return { ok: false, limit, max, actual, message };
}

export function checkMessageLimits(channel: ChannelName, message: ChannelMessage): LimitCheck {
  if (message.text.trim() === '') return over(`${channel}.text`, 1, 0, '本文が空です。本文を入力してください。');
  switch (channel) {
    case 'line': {
      const max = channelLimits.line.textChars;
      const actual = message.text.length;
      if (actual > max) {
        return over(
          'line.textChars',
          max,
          actual,
          `LINE のテキストメッセージは${n(max)}文字までです（LINE の数え方で${n(actual)}文字。絵文字や一部の漢字は2文字と数えます）。`,
        );
      }
      return { ok: true };
    }
    case 'web-push': {
      const max = channelLimits['web-push'].plaintextBytes;
      const actual = utf8Bytes(notificationPayload(message));
      if (actual > max) {
        return over(
          'web-push.plaintextBytes',
          max,
          actual,
          `Web プッシュ通知は件名・本文・リンクを合わせて${n(max)}バイトまでです（この通知は${n(actual)}バイト。日本語は1文字3バイトです）。`,
        );
      }
      return { ok: true };
    }
    case 'email':
    case 'in-app': {
      const limits = channelLimits[channel];
      const label = channel === 'email' ? 'メール' : 'お知らせ（アプリ内）';
      const subject = message.subject ?? '';
      if (/[\r\n]/.test(subject)) {
        return over(
          `${channel}.subjectLine`,
          1,
          subject.split(/\r\n|\r|\n/).length,
          `${label}の件名に改行は使えません。`,
        );
      }
      if (chars(subject) > limits.subjectChars) {
        return over(
          `${channel}.subjectChars`,
          limits.subjectChars,
          chars(subject),
          `${label}の件名は${n(limits.subjectChars)}文字までです（いま${n(chars(subject))}文字）。`,
        );
      }
      if (chars(message.text) > limits.textChars) {
        return over(
          `${channel}.textChars`,
          limits.textChars,
          chars(message.text),
          `${label}の本文は${n(limits.textChars)}文字までです（いま${n(chars(message.text))}文字）。`,
        );
      }
      return { ok: true };
    }
  }
}

/** A message refused before sending because it is over a channel's limit; `limit` names which. */
export class MessageLimitError extends AppError {
  readonly limit: string;
  readonly max: number;
  readonly actual: number;

  constructor(check: Extract<LimitCheck, { ok: false }>) {
    super('validation_failed', check.message);
    this.limit = check.limit;
    this.max = check.max;
    this.actual = check.actual;
  }
}

export function assertWithinLimits(channel: ChannelName, message: ChannelMessage): void {
  const check = checkMessageLimits(channel, message);
  if (!check.ok) throw new MessageLimitError(check);
}
