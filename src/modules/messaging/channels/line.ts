// LINE Messaging API client: push and multicast over HTTPS with the channel access token. Every logical
// send carries one X-Line-Retry-Key (a UUID) that is reused on every retry, so LINE accepts it once: a 409
// for that key means an earlier try was accepted, and counts as delivered. Requests are paced under LINE's
// per-channel rate limits; 429, 5xx and network errors are retried with backoff; other 4xx are final.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/http/errors.ts';
import { backoffDelay, createPacer, defaultRetryPolicy, parseRetryAfter, type RetryPolicy, sleep } from './retry.ts';
import { type ChannelResult, channelLimits, MessageLimitError } from './types.ts';

export {
  type LineWebhookEvent,
  lineSignatureHeader,
  readLineWebhook,
  verifyLineSignature,
  type WebhookReading,
} from './line-webhook.ts';

/**
 * LINE's rate limits per channel and endpoint (Messaging API reference, "Rate limits"): multicast
 * 200 requests per second; push falls under "other API endpoints", 2,000 per second. LINE does not raise
 * them per channel and asks senders to keep some headroom, so the client paces at `rateHeadroom` of them.
 */
export const lineRateLimits = { push: 2000, multicast: 200 } as const;
export const rateHeadroom = 0.9;

/** A retry key is valid for 24 hours after the first request (LINE: "Retry failed API requests"). */
export const retryKeyLifetimeMs = 24 * 60 * 60 * 1000;

export type LineMessage = { type: 'text'; text: string } | { type: string; [property: string]: unknown };

export interface LineClientOptions {
  baseUrl?: string;
  channelAccessToken: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  /** Per request; a timeout is retried like a network error (the retry key makes that safe). */
  timeoutMs?: number;
  /** Requests per second to pace at, per endpoint (defaults: lineRateLimits × rateHeadroom). */
  rateLimits?: Partial<Record<keyof typeof lineRateLimits, number>>;
}

export interface SendOptions {
  /** One UUID per logical send (newRetryKey()), stored with the delivery and reused when it is sent again. */
  retryKey: string;
}

export interface LineClient {
  push(to: string, messages: LineMessage[], options: SendOptions): Promise<ChannelResult>;
  multicast(userIds: string[], messages: LineMessage[], options: SendOptions): Promise<ChannelResult>;
}

export const newRetryKey = (): string => randomUUID();

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A user (U), group (C) or room (R) ID as LINE gives them in webhooks. */
const pushTarget = /^[UCR][0-9a-f]{32}$/;
const userId = /^U[0-9a-f]{32}$/;

export const isLineUserId = (id: string): boolean => userId.test(id);

function refuse(limit: string, max: number, actual: number, message: string): never {
  throw new MessageLimitError({ ok: false, limit, max, actual, message });
}

/** LINE's request limits, checked before anything is sent (a refused request would fail all its recipients). */
export function checkLineRequest(messages: LineMessage[], recipients?: string[]): void {
  const { messagesPerRequest, textChars, multicastRecipients } = channelLimits.line;
  if (messages.length < 1 || messages.length > messagesPerRequest) {
    refuse(
      'line.messagesPerRequest',
      messagesPerRequest,
      messages.length,
      `LINE に一度に送れるメッセージは1〜${messagesPerRequest}件です（いま${messages.length}件）。`,
    );
  }
  messages.forEach((message, i) => {
    if (message.type !== 'text') return;
    const text = (message as { text: unknown }).text;
    if (typeof text !== 'string' || text.length === 0) {
      refuse('line.textChars', textChars, 0, `LINE の${i + 1}件目のメッセージの本文が空です。`);
    }
    if (text.length > textChars) {
      refuse(
        'line.textChars',
        textChars,
        text.length,
        `LINE のテキストメッセージは${textChars.toLocaleString('ja-JP')}文字までです（${i + 1}件目は LINE の数え方で${text.length.toLocaleString('ja-JP')}文字。絵文字などは2文字と数えます）。`,
      );
    }
  });
  if (recipients && (recipients.length < 1 || recipients.length > multicastRecipients)) {
    refuse(
      'line.multicastRecipients',
      multicastRecipients,
      recipients.length,
      `LINE のマルチキャストで一度に送れる宛先は1〜${multicastRecipients}人です（いま${recipients.length.toLocaleString('ja-JP')}人）。`,
    );
  }
}

interface LineErrorBody {
  message?: string;
  details?: { message?: string; property?: string }[];
}

function describe(body: LineErrorBody | undefined, text: string): string {
  if (!body?.message) return text.slice(0, 200);
  const details = (body.details ?? []).map((d) => `${d.property ?? ''}: ${d.message ?? ''}`).join('; ');
  return details ? `${body.message}（${details}）` : body.message;
}

export function createLineClient(options: LineClientOptions): LineClient {
  const base = (options.baseUrl ?? 'https://api.line.me').replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pacers = {
    push: createPacer(options.rateLimits?.push ?? lineRateLimits.push * rateHeadroom),
    multicast: createPacer(options.rateLimits?.multicast ?? lineRateLimits.multicast * rateHeadroom),
  };

  async function send(endpoint: keyof typeof pacers, body: unknown, retryKey: string): Promise<ChannelResult> {
    if (!uuid.test(retryKey)) {
      throw new AppError('validation_failed', 'LINE のリトライキーは UUID の形式で指定してください（newRetryKey()）。');
    }
    const payload = JSON.stringify(body);
    let last: ChannelResult = { status: 'failed', retryable: true, error: 'LINE に送信できませんでした。' };
    for (let attempt = 1; attempt <= policy.attempts; attempt++) {
      await pacers[endpoint].take();
      let response: Response;
      try {
        response = await doFetch(`${base}/v2/bot/message/${endpoint}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.channelAccessToken}`,
            'content-type': 'application/json',
            'x-line-retry-key': retryKey,
          },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // LINE may have accepted it before the connection broke; the same retry key makes resending safe.
        const reason = error instanceof Error && error.name === 'TimeoutError' ? '応答がありません' : '接続できません';
        last = { status: 'failed', retryable: true, attempts: attempt, error: `LINE に${reason}。` };
        if (attempt < policy.attempts) await sleep(backoffDelay(attempt, policy));
        continue;
      }
      const requestId = response.headers.get('x-line-request-id') ?? undefined;
      const text = await response.text();
      if (response.ok) return { status: 'sent', httpStatus: response.status, requestId, attempts: attempt };
      if (response.status === 409) {
        // "The retry key is already accepted": an earlier try of this send got through.
        const accepted = response.headers.get('x-line-accepted-request-id') ?? requestId;
        return { status: 'duplicate', httpStatus: 409, requestId: accepted, attempts: attempt };
      }
      let json: LineErrorBody | undefined;
      try {
        json = text ? (JSON.parse(text) as LineErrorBody) : undefined;
      } catch {
        json = undefined;
      }
      const said = describe(json, text);
      const answer = { httpStatus: response.status, requestId, attempts: attempt };
      if (response.status === 429 && /monthly limit/i.test(json?.message ?? '')) {
        // The month's message allowance is spent: retrying today will not help.
        return {
          ...answer,
          status: 'failed',
          retryable: false,
          error: `LINE の今月の送信可能数を超えました（${said}）。`,
        };
      }
      if (response.status === 429 || response.status >= 500) {
        const asked = parseRetryAfter(response.headers.get('retry-after'));
        const error =
          response.status === 429
            ? `LINE の送信頻度の上限に達しました（${said}）。`
            : `LINE で一時的なエラーが起きました（${response.status}: ${said}）。`;
        last = {
          ...answer,
          status: 'failed',
          retryable: true,
          error,
          ...(asked === undefined ? {} : { retryAfterMs: asked }),
        };
        if (asked !== undefined && asked > policy.maxDelayMs) return last; // too long to wait here: the queue reschedules
        if (attempt < policy.attempts) await sleep(asked ?? backoffDelay(attempt, policy));
        continue;
      }
      return {
        ...answer,
        status: 'failed',
        retryable: false,
        error: `LINE が要求を受け付けませんでした（${response.status}: ${said}）。`,
      };
    }
    return last;
  }

  return {
    async push(to, messages, { retryKey }) {
      if (!pushTarget.test(to)) {
        throw new AppError('validation_failed', `LINE の送信先 ID の形式ではありません（${to.slice(0, 40)}）。`);
      }
      checkLineRequest(messages);
      return send('push', { to, messages }, retryKey);
    },
    async multicast(userIds, messages, { retryKey }) {
      checkLineRequest(messages, userIds);
      const bad = userIds.find((id) => !userId.test(id));
      if (bad !== undefined) {
        throw new AppError('validation_failed', `LINE のユーザー ID の形式ではありません（${bad.slice(0, 40)}）。`);
      }
      return send('multicast', { to: userIds, messages }, retryKey);
    },
  };
}
