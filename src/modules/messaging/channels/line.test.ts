import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type LineStandIn, lineUserId, startLineStandIn } from '../../../../test/helpers/line-stand-in.ts';
import {
  createLineClient,
  type LineClientOptions,
  type LineWebhookEvent,
  newRetryKey,
  readLineWebhook,
  verifyLineSignature,
} from './line.ts';
import { MessageLimitError } from './types.ts';

const channelAccessToken = 'line-channel-token-for-tests';
const channelSecret = 'line-channel-secret-for-tests';
const fast = { attempts: 4, baseDelayMs: 5, maxDelayMs: 50 };
const text = (t: string) => ({ type: 'text', text: t });

describe('LINE Messaging API client against the stand-in', () => {
  let line: LineStandIn;
  before(async () => {
    line = await startLineStandIn({ channelAccessToken, channelSecret });
  });
  after(() => line.close());
  beforeEach(() => {
    line.delivered.length = 0;
    line.requests.length = 0;
  });
  const client = (extra: Partial<LineClientOptions> = {}) =>
    createLineClient({ baseUrl: line.url, channelAccessToken, retry: fast, ...extra });

  it('pushes a message to one person, with a retry key, and reports LINE’s request id', async () => {
    const user = lineUserId();
    const retryKey = newRetryKey();
    const result = await client().push(user, [text('明日は燃えるごみの日です。')], { retryKey });
    assert.equal(result.status, 'sent');
    assert.equal(result.httpStatus, 200);
    assert.deepEqual(line.deliveredTo(user), [text('明日は燃えるごみの日です。')]);
    assert.equal(line.requests.length, 1);
    assert.equal(line.requests[0]!.retryKey, retryKey);
    assert.equal(result.requestId, line.requests[0]!.requestId);
  });

  it('multicasts to 500 people in one request, each receiving every message once', async () => {
    const users = Array.from({ length: 500 }, lineUserId);
    const result = await client().multicast(users, [text('防災訓練のお知らせ'), text('9月1日 9時から')], {
      retryKey: newRetryKey(),
    });
    assert.equal(result.status, 'sent');
    assert.equal(line.requests.length, 1);
    assert.equal(line.delivered.length, 1000);
    for (const user of [users[0]!, users[499]!]) {
      assert.deepEqual(line.deliveredTo(user), [text('防災訓練のお知らせ'), text('9月1日 9時から')]);
    }
  });

  it('refuses a request over LINE’s limits before sending anything, naming the limit', async () => {
    const c = client();
    const key = { retryKey: newRetryKey() };
    const refusals: [() => Promise<unknown>, string, RegExp][] = [
      [
        () => c.multicast(Array.from({ length: 501 }, lineUserId), [text('a')], key),
        'line.multicastRecipients',
        /500人/,
      ],
      [() => c.multicast([], [text('a')], key), 'line.multicastRecipients', /1〜500人/],
      [
        () =>
          c.push(
            lineUserId(),
            Array.from({ length: 6 }, () => text('a')),
            key,
          ),
        'line.messagesPerRequest',
        /1〜5件/,
      ],
      [() => c.push(lineUserId(), [text('あ'.repeat(5001))], key), 'line.textChars', /5,000文字/],
      // LINE counts UTF-16 code units: 2,501 emoji are 5,002 characters.
      [() => c.push(lineUserId(), [text('🍎'.repeat(2501))], key), 'line.textChars', /5,002文字/],
    ];
    for (const [send, limit, message] of refusals) {
      await assert.rejects(send, (error: unknown) => {
        assert.ok(error instanceof MessageLimitError);
        assert.equal(error.limit, limit);
        assert.match(error.message, message);
        return true;
      });
    }
    // Exactly at the limits is fine.
    assert.equal((await c.push(lineUserId(), [text('🍎'.repeat(2500))], { retryKey: newRetryKey() })).status, 'sent');
    assert.equal(line.requests.length, 1);
  });

  it('refuses a malformed user ID or retry key before sending', async () => {
    await assert.rejects(
      () => client().multicast(['U123', lineUserId()], [text('a')], { retryKey: newRetryKey() }),
      /ユーザー ID/,
    );
    await assert.rejects(() => client().push(lineUserId(), [text('a')], { retryKey: 'not-a-uuid' }), /UUID/);
    assert.equal(line.requests.length, 0);
  });

  it('retries a 500 with the same retry key and the person gets the message exactly once', async () => {
    const user = lineUserId();
    const retryKey = newRetryKey();
    line.failNext(2, 500);
    const result = await client().push(user, [text('台風に備えてください。')], { retryKey });
    assert.equal(result.status, 'sent');
    assert.equal(result.attempts, 3);
    assert.deepEqual(
      line.requests.map((r) => [r.status, r.retryKey]),
      [
        [500, retryKey],
        [500, retryKey],
        [200, retryKey],
      ],
    );
    assert.equal(line.deliveredTo(user).length, 1);
  });

  it('a connection dropped after LINE accepted: the retry answers 409 and counts as delivered, once', async () => {
    const users = [lineUserId(), lineUserId()];
    line.failNext(1, 'drop-after-accept');
    const result = await client().multicast(users, [text('不審者情報')], { retryKey: newRetryKey() });
    assert.equal(result.status, 'duplicate');
    assert.equal(result.httpStatus, 409);
    assert.equal(result.requestId, line.requests[0]!.requestId, 'the accepted request’s id');
    assert.deepEqual(
      line.requests.map((r) => r.status),
      ['dropped', 409],
    );
    for (const user of users) assert.equal(line.deliveredTo(user).length, 1);
  });

  it('a connection dropped before LINE accepted is retried and delivered once', async () => {
    const user = lineUserId();
    line.failNext(1, 'drop');
    const result = await client().push(user, [text('健診のご案内')], { retryKey: newRetryKey() });
    assert.equal(result.status, 'sent');
    assert.equal(line.deliveredTo(user).length, 1);
  });

  it('the same send again later (a worker restarted) is a duplicate, not a second message', async () => {
    const user = lineUserId();
    const retryKey = newRetryKey();
    assert.equal((await client().push(user, [text('給付金のお知らせ')], { retryKey })).status, 'sent');
    const again = await client().push(user, [text('給付金のお知らせ')], { retryKey });
    assert.equal(again.status, 'duplicate');
    assert.equal(line.deliveredTo(user).length, 1);
  });

  it('honours 429: waits and retries until LINE takes it, each person once', async () => {
    line.setRateLimit('multicast', 2);
    try {
      // The client is told LINE allows far more than it does, so it runs into the 429s.
      const c = client({ rateLimits: { multicast: 1000 }, retry: { attempts: 20, baseDelayMs: 50, maxDelayMs: 800 } });
      const batches = Array.from({ length: 5 }, () => Array.from({ length: 3 }, lineUserId));
      const results = await Promise.all(
        batches.map((b) => c.multicast(b, [text('避難所開設')], { retryKey: newRetryKey() })),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        ['sent', 'sent', 'sent', 'sent', 'sent'],
      );
      assert.ok(
        line.requests.some((r) => r.status === 429),
        'LINE answered 429 at least once',
      );
      for (const user of batches.flat()) assert.equal(line.deliveredTo(user).length, 1);
    } finally {
      line.setRateLimit('multicast', 200);
    }
  });

  it('paces its own requests under the rate limit it is given, so LINE never has to answer 429', async () => {
    line.setRateLimit('push', 20);
    try {
      const c = client({ rateLimits: { push: 20 * 0.9 } });
      const results = await Promise.all(
        Array.from({ length: 25 }, () => c.push(lineUserId(), [text('a')], { retryKey: newRetryKey() })),
      );
      assert.ok(results.every((r) => r.status === 'sent'));
      assert.equal(line.requests.filter((r) => r.status === 429).length, 0);
    } finally {
      line.setRateLimit('push', 2000);
    }
  });

  it('a 4xx other than 409/429 is final: one request, the status and LINE’s own message', async () => {
    const c = createLineClient({ baseUrl: line.url, channelAccessToken: 'wrong-token', retry: fast });
    const result = await c.push(lineUserId(), [text('a')], { retryKey: newRetryKey() });
    assert.equal(result.status, 'failed');
    assert.equal(result.httpStatus, 401);
    assert.equal(result.retryable, false);
    assert.match(result.error!, /401: Authentication failed/);
    assert.equal(line.requests.length, 1);
  });

  it('gives up after its attempts with a retryable failure the queue can send again with the same key', async () => {
    line.failNext(4, 500);
    const user = lineUserId();
    const retryKey = newRetryKey();
    const result = await client().push(user, [text('a')], { retryKey });
    assert.equal(result.status, 'failed');
    assert.equal(result.retryable, true);
    assert.equal(result.httpStatus, 500);
    assert.equal(line.deliveredTo(user).length, 0);
    assert.equal((await client().push(user, [text('a')], { retryKey })).status, 'sent');
    assert.equal(line.deliveredTo(user).length, 1);
  });

  it('a person who blocked the account: LINE answers 200 and nothing arrives', async () => {
    const user = lineUserId();
    line.block(user);
    const result = await client().push(user, [text('a')], { retryKey: newRetryKey() });
    assert.equal(result.status, 'sent');
    assert.equal(line.deliveredTo(user).length, 0);
  });
});

describe('LINE webhooks', () => {
  let line: LineStandIn;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: { status: number; events: LineWebhookEvent[] }[] = [];
  before(async () => {
    line = await startLineStandIn({ channelAccessToken, channelSecret });
    receiver = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const reading = readLineWebhook(channelSecret, Buffer.concat(chunks), req.headers['x-line-signature'] as string);
      const status = reading.ok ? 200 : reading.reason === 'signature' ? 401 : 400;
      received.push({ status, events: reading.ok ? reading.events : [] });
      res.writeHead(status).end();
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/line/webhook`;
  });
  after(async () => {
    await line.close();
    await new Promise((r) => receiver.close(r));
  });

  it('accepts a correctly signed webhook and reads follow, unfollow (blocked) and a text message', async () => {
    const user = lineUserId();
    const status = await line.sendWebhook(receiverUrl, [
      line.events.follow(user),
      line.events.text(user, '123456'),
      line.events.unfollow(user),
      { type: 'beacon', mode: 'active', timestamp: Date.now(), source: { type: 'user', userId: user } },
    ]);
    assert.equal(status, 200);
    const events = received.at(-1)!.events;
    assert.deepEqual(
      events.map((e) => e.type),
      ['follow', 'message', 'unfollow'],
      'unknown event types are ignored',
    );
    assert.ok(events.every((e) => e.userId === user && e.webhookEventId.length === 26));
    const message = events[1]!;
    assert.ok(message.type === 'message' && message.text === '123456' && message.replyToken.length > 0);
  });

  it('rejects a webhook whose signature does not match its body', async () => {
    const user = lineUserId();
    const status = await line.sendWebhook(receiverUrl, [line.events.unfollow(user)], {
      signature: 'dGhpcyBpcyBub3QgdGhlIHNpZ25hdHVyZSBvZiB0aGlzIGJvZHk=',
    });
    assert.equal(status, 401);
    assert.equal(received.at(-1)!.events.length, 0);
  });

  it('verifies the signature on the exact bytes (one changed byte fails), in constant time', () => {
    const body = '{"destination":"U0","events":[]}';
    // base64(HMAC-SHA256("line-channel-secret-for-tests", body)), computed independently with openssl.
    const signature = 'u4qQhUSoTYA46pxs2vEs69Ys2TXC6MdLRtw4J0cdu6w=';
    assert.equal(verifyLineSignature(channelSecret, body, signature), true);
    assert.equal(verifyLineSignature(channelSecret, body.replace('U0', 'U1'), signature), false);
    assert.equal(verifyLineSignature(channelSecret, body, undefined), false);
    assert.equal(verifyLineSignature(channelSecret, body, 'short'), false);
    assert.equal(verifyLineSignature('another-secret', body, signature), false);
  });
});
