// A stand-in for the LINE Platform's Messaging API, on its own port, speaking the endpoints the city uses
// (the demo's LINE channel when LINE_* is unset, see channel.ts; the tests' LINE):
// POST /v2/bot/message/push and /v2/bot/message/multicast with a bearer channel access token. It checks
// bodies as LINE does (1–500 IDs, 1–5 messages, text up to 5,000 UTF-16 units) and answers in LINE's error
// shape, paces each endpoint at a rate limit (429 beyond it), remembers every accepted X-Line-Retry-Key
// (the same key again answers 409 with x-line-accepted-request-id), and can be told to fail the next
// requests (500, or a connection dropped before or after accepting). It records every (userId, message) it
// delivered, and sends signed webhooks (follow, unfollow, text) to a URL. Like LINE, it answers 200 for a
// user who blocked the account and delivers nothing to them.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type LineMessage, lineRateLimits } from '../channels/line.ts';

export type LineEndpoint = 'push' | 'multicast';

export interface DeliveredLineMessage {
  userId: string;
  message: LineMessage;
  endpoint: LineEndpoint;
  requestId: string;
  retryKey: string | undefined;
  /** When the stand-in accepted it (the demo's phone shows the time). */
  at: Date;
}

export interface LineRequestRecord {
  endpoint: LineEndpoint;
  retryKey: string | undefined;
  /** What the stand-in answered; 'dropped' when it closed the connection instead. */
  status: number | 'dropped' | 'hanging';
  requestId: string;
}

/** 500: answer Internal Server Error without accepting. drop: close the connection without accepting.
 * drop-after-accept: accept and deliver, then close the connection before answering. hang: never answer
 * (a LINE outage that times out instead of refusing). */
export type InjectedFailure = 500 | 'drop' | 'drop-after-accept' | 'hang';

export interface LineStandInOptions {
  channelAccessToken: string;
  channelSecret: string;
  /** Requests per second per endpoint; more within any one second answer 429. Default: LINE's limits. */
  rateLimits?: Partial<Record<LineEndpoint, number>>;
  /** The bot's own user ID (the webhook's `destination`). */
  botUserId?: string;
}

export interface LineStandIn {
  url: string;
  delivered: DeliveredLineMessage[];
  requests: LineRequestRecord[];
  /** The messages delivered to one user, oldest first. */
  deliveredTo(userId: string): LineMessage[];
  /** The next `count` requests to push or multicast fail in this way. */
  failNext(count: number, how?: InjectedFailure): void;
  setRateLimit(endpoint: LineEndpoint, perSecond: number): void;
  /** The user blocks the account: requests still answer 200, nothing reaches them. */
  block(userId: string): void;
  unblock(userId: string): void;
  events: {
    follow(userId: string, options?: { isUnblocked?: boolean }): object;
    unfollow(userId: string): object;
    text(userId: string, text: string): object;
  };
  /** POSTs the events, signed with the channel secret as LINE does; resolves to the receiver's status. */
  sendWebhook(url: string, events: object[], options?: { signature?: string }): Promise<number>;
  close(): Promise<void>;
}

/** A synthetic LINE user ID (U + 32 hex digits). */
export const lineUserId = (): string => `U${randomBytes(16).toString('hex')}`;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function ulid(): string {
  let time = Date.now();
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = crockford[time % 32] + out;
    time = Math.floor(time / 32);
  }
  for (const byte of randomBytes(16)) out += crockford[byte % 32];
  return out;
}

interface Detail {
  message: string;
  property: string;
}

function validate(endpoint: LineEndpoint, body: { to?: unknown; messages?: unknown }): Detail[] {
  const details: Detail[] = [];
  if (endpoint === 'push') {
    if (typeof body.to !== 'string' || !/^[UCR][0-9a-f]{32}$/.test(body.to)) {
      details.push({ message: 'Invalid ID', property: 'to' });
    }
  } else if (!Array.isArray(body.to) || body.to.length < 1 || body.to.length > 500) {
    details.push({ message: 'Size must be between 1 and 500', property: 'to' });
  } else {
    body.to.forEach((id, i) => {
      if (typeof id !== 'string' || !/^U[0-9a-f]{32}$/.test(id))
        details.push({ message: 'Invalid ID', property: `to[${i}]` });
    });
  }
  if (!Array.isArray(body.messages) || body.messages.length < 1 || body.messages.length > 5) {
    details.push({ message: 'Size must be between 1 and 5', property: 'messages' });
  } else {
    body.messages.forEach((m: { type?: unknown; text?: unknown }, i) => {
      if (m?.type !== 'text') return;
      if (typeof m.text !== 'string' || m.text.length === 0) {
        details.push({ message: 'May not be empty', property: `messages[${i}].text` });
      } else if (m.text.length > 5000) {
        details.push({ message: 'Length must be between 0 and 5000', property: `messages[${i}].text` });
      }
    });
  }
  return details;
}

export async function startLineStandIn(options: LineStandInOptions): Promise<LineStandIn> {
  const delivered: DeliveredLineMessage[] = [];
  const requests: LineRequestRecord[] = [];
  const failures: InjectedFailure[] = [];
  const blocked = new Set<string>();
  const accepted = new Map<string, { requestId: string; sentMessages?: { id: string; quoteToken: string }[] }>();
  const limits: Record<LineEndpoint, number> = { ...lineRateLimits, ...options.rateLimits };
  const admitted: Record<LineEndpoint, number[]> = { push: [], multicast: [] };
  const botUserId = options.botUserId ?? lineUserId();
  let messageSerial = 100_000_000_000_000;

  /** Sliding one-second window of admitted requests, per endpoint, as LINE counts per channel and endpoint. */
  function overLimit(endpoint: LineEndpoint): boolean {
    const now = performance.now();
    const times = admitted[endpoint];
    while (times.length > 0 && times[0]! <= now - 1000) times.shift();
    if (times.length >= limits[endpoint]) return true;
    times.push(now);
    return false;
  }

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const requestId = randomUUID();
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': requestId, ...headers });
      res.end(JSON.stringify(body));
    };
    const match = /^\/v2\/bot\/message\/(push|multicast)$/.exec(req.url ?? '');
    if (!match || req.method !== 'POST') return answer(404, { message: 'Not found' });
    const endpoint = match[1] as LineEndpoint;
    const retryKey = req.headers['x-line-retry-key'] as string | undefined;
    const record = (status: LineRequestRecord['status']) => requests.push({ endpoint, retryKey, status, requestId });

    if (req.headers.authorization !== `Bearer ${options.channelAccessToken}`) {
      record(401);
      return answer(401, {
        message:
          'Authentication failed due to the following reason: invalid token. Confirm that the access token in the authorization header is valid.',
      });
    }
    if (overLimit(endpoint)) {
      record(429);
      return answer(429, { message: 'The API rate limit has been exceeded. Try again later.' });
    }
    const failure = failures.shift();
    if (failure === 'drop') {
      record('dropped');
      return req.socket.destroy();
    }
    if (failure === 'hang') {
      record('hanging');
      return;
    }
    if (failure === 500) {
      record(500);
      return answer(500, { message: 'An error occurred in the server. Try again later.' });
    }
    if (retryKey !== undefined && !uuid.test(retryKey)) {
      record(400);
      return answer(400, { message: 'The value of the X-Line-Retry-Key header is invalid' });
    }
    const earlier = retryKey ? accepted.get(retryKey.toLowerCase()) : undefined;
    if (earlier) {
      record(409);
      return answer(
        409,
        {
          message: 'The retry key is already accepted',
          ...(earlier.sentMessages ? { sentMessages: earlier.sentMessages } : {}),
        },
        { 'x-line-accepted-request-id': earlier.requestId },
      );
    }
    let body: { to?: unknown; messages?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      record(400);
      return answer(400, { message: 'The request body could not be parsed as JSON' });
    }
    const details = validate(endpoint, body ?? {});
    if (details.length > 0) {
      record(400);
      return answer(400, { message: `The request body has ${details.length} error(s)`, details });
    }

    const messages = body.messages as LineMessage[];
    const recipients = endpoint === 'push' ? [body.to as string] : (body.to as string[]);
    const at = new Date();
    for (const userId of recipients) {
      if (blocked.has(userId)) continue;
      for (const message of messages) delivered.push({ userId, message, endpoint, requestId, retryKey, at });
    }
    const sentMessages =
      endpoint === 'push'
        ? messages.map(() => ({ id: String(messageSerial++), quoteToken: randomBytes(12).toString('base64url') }))
        : undefined;
    if (retryKey) accepted.set(retryKey.toLowerCase(), { requestId, ...(sentMessages ? { sentMessages } : {}) });
    if (failure === 'drop-after-accept') {
      record('dropped');
      return req.socket.destroy();
    }
    record(200);
    answer(200, sentMessages ? { sentMessages } : {});
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const common = (userId: string) => ({
    mode: 'active',
    timestamp: Date.now(),
    source: { type: 'user', userId },
    webhookEventId: ulid(),
    deliveryContext: { isRedelivery: false },
  });
  const replyToken = () => randomBytes(16).toString('hex');

  return {
    url,
    delivered,
    requests,
    deliveredTo: (userId) => delivered.filter((d) => d.userId === userId).map((d) => d.message),
    failNext(count, how = 500) {
      for (let i = 0; i < count; i++) failures.push(how);
    },
    setRateLimit(endpoint, perSecond) {
      limits[endpoint] = perSecond;
    },
    block: (userId) => void blocked.add(userId),
    unblock: (userId) => void blocked.delete(userId),
    events: {
      follow: (userId, { isUnblocked = false } = {}) => ({
        type: 'follow',
        ...common(userId),
        replyToken: replyToken(),
        follow: { isUnblocked },
      }),
      unfollow: (userId) => ({ type: 'unfollow', ...common(userId) }),
      text: (userId, text) => ({
        type: 'message',
        ...common(userId),
        replyToken: replyToken(),
        message: { id: String(messageSerial++), type: 'text', text, quoteToken: randomBytes(12).toString('base64url') },
      }),
    },
    async sendWebhook(target, events, { signature } = {}) {
      const body = JSON.stringify({ destination: botUserId, events });
      const response = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-line-signature': signature ?? createHmac('sha256', options.channelSecret).update(body).digest('base64'),
        },
        body,
      });
      await response.arrayBuffer();
      return response.status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
