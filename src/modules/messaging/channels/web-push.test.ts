import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type PushService, startPushService } from '../../../../test/helpers/push-service.ts';
import { MessageLimitError, notificationPayload, webPushMaxPlaintextBytes } from './types.ts';
import { encryptWebPush, sendWebPush, vapidAuthorization, vapidKeys, type WebPushOptions } from './web-push.ts';

const b64 = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'base64url');

describe('RFC 8291 aes128gcm encryption', () => {
  it('reproduces the worked example of RFC 8291 Appendix A byte for byte', () => {
    // Appendix A: the user agent's public key and auth secret, the application server's key and the salt.
    const body = encryptWebPush(
      new TextEncoder().encode('When I grow up, I want to be a watermelon'),
      b64('BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4'),
      b64('BTBZMqHH6r4Tts7J_aSIgg'),
      { salt: b64('DGv6ra1nlYgDCS1FRnbzlw'), senderPrivateKey: b64('yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw') },
    );
    assert.equal(
      body.toString('base64url'),
      b64(`DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml
           mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT
           pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN`).toString('base64url'),
    );
  });

  it('uses a fresh salt and sender key for every message', () => {
    const ua = b64('BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4');
    const auth = b64('BTBZMqHH6r4Tts7J_aSIgg');
    const one = encryptWebPush(Buffer.from('同じ内容'), ua, auth);
    const two = encryptWebPush(Buffer.from('同じ内容'), ua, auth);
    assert.notDeepEqual(one.subarray(0, 16), two.subarray(0, 16), 'salt');
    assert.notDeepEqual(one.subarray(21, 86), two.subarray(21, 86), 'sender key');
    assert.equal(one.readUInt32BE(16), 4096);
    assert.equal(one[20], 65);
  });
});

describe('VAPID (RFC 8292)', () => {
  it('generates P-256 key pairs as base64url', () => {
    const keys = vapidKeys();
    assert.equal(Buffer.from(keys.publicKey, 'base64url').length, 65);
    assert.equal(Buffer.from(keys.publicKey, 'base64url')[0], 4);
    assert.equal(Buffer.from(keys.privateKey, 'base64url').length, 32);
    assert.match(keys.publicKey + keys.privateKey, /^[A-Za-z0-9_-]+$/);
    assert.notEqual(vapidKeys().privateKey, keys.privateKey);
  });

  it('signs an ES256 JWT with aud = the push service origin, exp within 24 hours, sub, and k', () => {
    const keys = vapidKeys();
    const now = Date.UTC(2026, 8, 1, 0, 0, 0);
    const header = vapidAuthorization(
      'https://push.example.net:8443/wpush/v2/abc?x=1',
      {
        ...keys,
        subject: 'mailto:kouhou@city.example.jp',
      },
      now,
    );
    const match = /^vapid t=([^,]+), k=(.+)$/.exec(header);
    assert.ok(match, header);
    const [jwtHeader, claims, signature] = match[1]!.split('.') as [string, string, string];
    assert.deepEqual(JSON.parse(Buffer.from(jwtHeader, 'base64url').toString()), { typ: 'JWT', alg: 'ES256' });
    const c = JSON.parse(Buffer.from(claims, 'base64url').toString());
    assert.equal(c.aud, 'https://push.example.net:8443');
    assert.equal(c.sub, 'mailto:kouhou@city.example.jp');
    assert.ok(c.exp > now / 1000 && c.exp <= now / 1000 + 24 * 60 * 60, `exp ${c.exp}`);
    assert.equal(match[2], keys.publicKey);
    const k = Buffer.from(keys.publicKey, 'base64url');
    const publicKey = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: k.subarray(1, 33).toString('base64url'),
        y: k.subarray(33).toString('base64url'),
      },
    });
    const sig = Buffer.from(signature, 'base64url');
    assert.equal(sig.length, 64, 'JWS ES256 is raw r||s');
    assert.ok(
      verify('sha256', Buffer.from(`${jwtHeader}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig),
    );
  });

  it('refuses a key pair that does not match and a subject that is not a contact', () => {
    const keys = vapidKeys();
    assert.throws(
      () =>
        vapidAuthorization('https://p.example', {
          ...keys,
          publicKey: vapidKeys().publicKey,
          subject: 'mailto:a@b.jp',
        }),
      /対になっていません/,
    );
    assert.throws(() => vapidAuthorization('https://p.example', { ...keys, subject: 'kouhou' }), /mailto:/);
  });
});

describe('Web Push through the stand-in push service', () => {
  let push: PushService;
  const vapid = { ...vapidKeys(), subject: 'mailto:bousai@city.example.jp' };
  const options = (extra: Partial<WebPushOptions> = {}): WebPushOptions => ({
    vapid,
    ttl: 3600,
    retry: { baseDelayMs: 5, maxDelayMs: 2000 },
    ...extra,
  });
  before(async () => {
    push = await startPushService();
  });
  after(() => push.close());

  it('delivers a notification the browser decrypts to the same text, with TTL, Urgency and Topic', async () => {
    const subscription = push.createSubscription({ applicationServerKey: vapid.publicKey });
    const payload = notificationPayload({
      subject: '避難指示',
      text: '北区に避難指示が出ました。近くの避難所へ移動してください。',
      url: '/bousai/2026-09-01',
    });
    const result = await sendWebPush(subscription, payload, options({ urgency: 'high', topic: 'bousai-kita' }));
    assert.equal(result.status, 'sent');
    assert.equal(result.httpStatus, 201);
    assert.match(result.requestId!, /\/message\/\d+$/);
    assert.deepEqual(push.receivedBy(subscription.endpoint), [payload]);
    const got = push.received.at(-1)!;
    assert.equal(got.ttl, 3600);
    assert.equal(got.urgency, 'high');
    assert.equal(got.topic, 'bousai-kita');
    assert.equal(got.vapid.aud, push.origin);
    assert.equal(got.vapid.sub, 'mailto:bousai@city.example.jp');
    assert.equal(got.vapid.k, vapid.publicKey);
  });

  it('an expired subscription answers 410 and the result says gone, so the caller deletes it', async () => {
    const subscription = push.createSubscription();
    push.expire(subscription.endpoint);
    const result = await sendWebPush(subscription, 'x', options());
    assert.equal(result.status, 'gone');
    assert.equal(result.httpStatus, 410);
    const unknown = await sendWebPush({ ...subscription, endpoint: `${push.origin}/push/unknown` }, 'x', options());
    assert.equal(unknown.status, 'gone');
    assert.equal(unknown.httpStatus, 404);
  });

  it('waits as long as a 429 Retry-After asks and then delivers once', async () => {
    const subscription = push.createSubscription();
    push.rateLimitNext(1, 1);
    const result = await sendWebPush(subscription, 'ごみ収集日の変更', options());
    assert.equal(result.status, 'sent');
    assert.equal(result.attempts, 2);
    assert.deepEqual(push.receivedBy(subscription.endpoint), ['ごみ収集日の変更']);
  });

  it('hands a long Retry-After back to the caller instead of waiting', async () => {
    const subscription = push.createSubscription();
    push.rateLimitNext(1, 120);
    const result = await sendWebPush(subscription, 'x', options());
    assert.equal(result.status, 'failed');
    assert.equal(result.retryable, true);
    assert.equal(result.retryAfterMs, 120_000);
    assert.equal(push.receivedBy(subscription.endpoint).length, 0);
  });

  it('takes exactly 3,993 bytes of plaintext and refuses 3,994 before sending, naming the limit', async () => {
    const subscription = push.createSubscription();
    assert.equal(webPushMaxPlaintextBytes, 3993);
    const full = 'あ'.repeat(1331); // 3,993 bytes in UTF-8
    assert.equal((await sendWebPush(subscription, full, options())).status, 'sent');
    const before = push.requests.length;
    await assert.rejects(
      () => sendWebPush(subscription, `${full}a`, options()),
      (error: unknown) =>
        error instanceof MessageLimitError &&
        error.limit === 'web-push.plaintextBytes' &&
        /3,993バイト/.test(error.message),
    );
    assert.equal(push.requests.length, before, 'nothing was sent');
  });

  it('a subscription restricted to another VAPID key answers 403: failed, not retried', async () => {
    const subscription = push.createSubscription({ applicationServerKey: vapidKeys().publicKey });
    const result = await sendWebPush(subscription, 'x', options());
    assert.equal(result.status, 'failed');
    assert.equal(result.httpStatus, 403);
    assert.equal(result.retryable, false);
    assert.equal(push.requests.filter((r) => r.endpoint === subscription.endpoint).length, 1);
  });

  it('refuses a bad Topic or subscription before sending', async () => {
    const subscription = push.createSubscription();
    await assert.rejects(() => sendWebPush(subscription, 'x', options({ topic: '防災' })), /Topic/);
    await assert.rejects(
      () => sendWebPush({ ...subscription, keys: { ...subscription.keys, auth: 'AAAA' } }, 'x', options()),
      /auth/,
    );
    await assert.rejects(
      () => sendWebPush({ ...subscription, endpoint: 'http://push.example.net/x' }, 'x', options()),
      /https/,
    );
  });
});
