// Webhooks from the LINE Platform: the x-line-signature header is base64(HMAC-SHA256(channel secret, raw
// body)) and is checked on the exact bytes received before anything is read. Of the events, messaging needs
// three: follow (a friend added, or unblocked), unfollow (blocked: stop sending), and a text message (the
// one-time code that links a LINE account to a resident account). Unknown event types are ignored, as LINE
// adds new ones without notice.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const lineSignatureHeader = 'x-line-signature';

export function verifyLineSignature(
  channelSecret: string,
  rawBody: string | Uint8Array,
  signatureHeader: string | undefined | null,
): boolean {
  if (!signatureHeader || !/^[A-Za-z0-9+/]{43}=$/.test(signatureHeader.trim())) return false;
  const expected = createHmac('sha256', channelSecret).update(rawBody).digest();
  const given = Buffer.from(signatureHeader.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Common {
  /** ULID; the same event redelivered keeps its id, so it is handled once. */
  webhookEventId: string;
  timestamp: number;
  /** The LINE user the event is about (events from groups and rooms are not read). */
  userId: string;
  isRedelivery: boolean;
}

export type LineWebhookEvent =
  | (Common & { type: 'follow'; replyToken: string; isUnblocked: boolean })
  | (Common & { type: 'unfollow' })
  | (Common & { type: 'message'; replyToken: string; messageId: string; text: string });

interface RawEvent {
  type?: unknown;
  mode?: unknown;
  timestamp?: unknown;
  webhookEventId?: unknown;
  deliveryContext?: { isRedelivery?: unknown };
  source?: { type?: unknown; userId?: unknown };
  replyToken?: unknown;
  follow?: { isUnblocked?: unknown };
  message?: { type?: unknown; id?: unknown; text?: unknown };
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function read(raw: RawEvent): LineWebhookEvent | undefined {
  // standby: another channel (e.g. a chat module) is answering; this one must not act on the event.
  if (raw.mode === 'standby') return undefined;
  const userId = raw.source?.type === 'user' ? str(raw.source.userId) : undefined;
  const webhookEventId = str(raw.webhookEventId);
  if (!userId || !webhookEventId || typeof raw.timestamp !== 'number') return undefined;
  const common: Common = {
    webhookEventId,
    timestamp: raw.timestamp,
    userId,
    isRedelivery: raw.deliveryContext?.isRedelivery === true,
  };
  switch (raw.type) {
    case 'follow':
      return {
        ...common,
        type: 'follow',
        replyToken: str(raw.replyToken) ?? '',
        isUnblocked: raw.follow?.isUnblocked === true,
      };
    case 'unfollow':
      return { ...common, type: 'unfollow' };
    case 'message': {
      const text = raw.message?.type === 'text' ? str(raw.message.text) : undefined;
      const messageId = str(raw.message?.id);
      if (text === undefined || !messageId) return undefined;
      return { ...common, type: 'message', replyToken: str(raw.replyToken) ?? '', messageId, text };
    }
    default:
      return undefined;
  }
}

export type WebhookReading =
  | { ok: true; destination: string; events: LineWebhookEvent[] }
  | { ok: false; reason: 'signature' | 'body' };

/**
 * The events of one webhook request, or why it is refused (answer 401/400; LINE then retries if
 * redelivery is on). An empty `events` list is LINE checking the URL and is answered 200 like any other.
 */
export function readLineWebhook(
  channelSecret: string,
  rawBody: string | Uint8Array,
  signatureHeader: string | undefined | null,
): WebhookReading {
  if (!verifyLineSignature(channelSecret, rawBody, signatureHeader)) return { ok: false, reason: 'signature' };
  let body: { destination?: unknown; events?: unknown };
  try {
    body = JSON.parse(typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8'));
  } catch {
    return { ok: false, reason: 'body' };
  }
  if (!body || typeof body !== 'object' || !Array.isArray(body.events)) return { ok: false, reason: 'body' };
  const events = (body.events as RawEvent[]).flatMap((raw) => {
    const event = raw && typeof raw === 'object' ? read(raw) : undefined;
    return event ? [event] : [];
  });
  return { ok: true, destination: str(body.destination) ?? '', events };
}
