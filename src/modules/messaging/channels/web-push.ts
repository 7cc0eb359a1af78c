// Web Push, the standard protocol (RFC 8030), to whatever push service a browser subscribed with. The
// payload is encrypted for the subscription's keys with "aes128gcm" (RFC 8291 over RFC 8188: one record,
// a fresh ECDH P-256 key and 16-byte salt per message), and the request is signed with the city's VAPID
// key (RFC 8292: an ES256 JWT whose aud is the push service's origin). Web Push has no idempotency key:
// a retry after a lost answer may show a notification twice, so give a Topic and the push service keeps
// only the newest undelivered one.
import { createCipheriv, createECDH, createPrivateKey, hkdfSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { AppError } from '../../../platform/http/errors.ts';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy, sleep } from './retry.ts';
import { type ChannelResult, MessageLimitError, webPushMaxPlaintextBytes } from './types.ts';

export interface PushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** The application server's key pair, base64url: the public key as the 65-byte uncompressed point, the private as 32 bytes. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export interface VapidOptions extends VapidKeys {
  /** Who to contact about these messages: 'mailto:…' or an https URL (RFC 8292 §2.1). */
  subject: string;
}

export type Urgency = 'very-low' | 'low' | 'normal' | 'high';

export interface WebPushOptions {
  vapid: VapidOptions;
  /** Seconds the push service keeps the message for an offline browser (RFC 8030 §5.2); 0: now or never. */
  ttl: number;
  urgency?: Urgency;
  /** Replaces an undelivered message with the same topic (RFC 8030 §5.4): up to 32 base64url characters. */
  topic?: string;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** RFC 8292 §2: the JWT's exp must be no more than 24 hours after the request; we sign for 12. */
export const vapidMaxLifetimeSeconds = 24 * 60 * 60;
const vapidLifetimeSeconds = 12 * 60 * 60;
/** The record size written in the header, as in RFC 8291's example; the single record always fits in it. */
const recordSize = 4096;

const textEncoder = new TextEncoder();
const b64url = (bytes: Uint8Array | string) =>
  Buffer.from(typeof bytes === 'string' ? textEncoder.encode(bytes) : bytes).toString('base64url');
const unb64url = (text: string) => Buffer.from(text, 'base64url');

/** A private scalar as exactly 32 bytes (an ECDH export drops leading zero bytes). */
const scalar32 = (bytes: Buffer) => Buffer.concat([Buffer.alloc(Math.max(0, 32 - bytes.length)), bytes]);

/** A new VAPID key pair (P-256), for the city's configuration. */
export function vapidKeys(): VapidKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { publicKey: b64url(ecdh.getPublicKey()), privateKey: b64url(scalar32(ecdh.getPrivateKey())) };
}

function signingKey(vapid: VapidKeys): KeyObject {
  const ecdh = createECDH('prime256v1');
  try {
    ecdh.setPrivateKey(unb64url(vapid.privateKey));
  } catch (cause) {
    throw new AppError('internal', 'VAPID の秘密鍵が P-256 の鍵ではありません。', { cause });
  }
  const publicKey = ecdh.getPublicKey();
  if (b64url(publicKey) !== vapid.publicKey) {
    throw new AppError('internal', 'VAPID の公開鍵が秘密鍵と対になっていません。');
  }
  return createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: b64url(scalar32(unb64url(vapid.privateKey))),
      x: b64url(publicKey.subarray(1, 33)),
      y: b64url(publicKey.subarray(33, 65)),
    },
  });
}

/** The Authorization header value for a request to `endpoint`: `vapid t=<ES256 JWT>, k=<public key>`. */
export function vapidAuthorization(endpoint: string, vapid: VapidOptions, now: number = Date.now()): string {
  if (!/^(mailto:.+@.+|https:\/\/.+)$/.test(vapid.subject)) {
    throw new AppError('internal', 'VAPID の subject は mailto: のメールアドレスか https の URL にしてください。');
  }
  const claims = {
    aud: new URL(endpoint).origin,
    exp: Math.floor(now / 1000) + vapidLifetimeSeconds,
    sub: vapid.subject,
  };
  const input = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256' }))}.${b64url(JSON.stringify(claims))}`;
  // JWS ES256 wants the raw r||s signature (64 bytes), not DER.
  const signature = sign('sha256', Buffer.from(input), { key: signingKey(vapid), dsaEncoding: 'ieee-p1363' });
  return `vapid t=${input}.${b64url(signature)}, k=${vapid.publicKey}`;
}

function hkdf(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, length));
}

/**
 * The aes128gcm body for a subscription (RFC 8291 §3–4, RFC 8188 §2): header salt | rs | idlen | the
 * sender's ephemeral public key, then one record: AES-128-GCM(plaintext | 0x02). `salt` and
 * `senderPrivateKey` are for the RFC's test vector only; leave them out to get fresh ones.
 */
export function encryptWebPush(
  plaintext: Uint8Array,
  uaPublicKey: Uint8Array,
  authSecret: Uint8Array,
  fixed: { salt?: Uint8Array; senderPrivateKey?: Uint8Array } = {},
): Buffer {
  if (uaPublicKey.length !== 65 || uaPublicKey[0] !== 0x04) {
    throw new AppError('validation_failed', 'プッシュ通知の購読の鍵（p256dh）が P-256 の公開鍵ではありません。');
  }
  if (authSecret.length !== 16) {
    throw new AppError('validation_failed', 'プッシュ通知の購読の認証秘密（auth）は16バイトです。');
  }
  const salt = fixed.salt ?? randomBytes(16);
  const ecdh = createECDH('prime256v1');
  if (fixed.senderPrivateKey) ecdh.setPrivateKey(fixed.senderPrivateKey);
  else ecdh.generateKeys();
  const senderPublicKey = ecdh.getPublicKey();
  let sharedSecret: Buffer;
  try {
    sharedSecret = ecdh.computeSecret(uaPublicKey);
  } catch (cause) {
    throw new AppError('validation_failed', 'プッシュ通知の購読の鍵（p256dh）が曲線上の点ではありません。', { cause });
  }
  // RFC 8291 §3.4: IKM from the ECDH secret and the auth secret, bound to both public keys.
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublicKey, senderPublicKey]);
  const ikm = hkdf(sharedSecret, authSecret, keyInfo, 32);
  // RFC 8188 §2.2–2.3: content-encryption key and nonce from the IKM and the salt.
  const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  // 0x02: the delimiter of the last (here the only) record, with no further padding.
  const record = Buffer.concat([
    cipher.update(Buffer.concat([plaintext, Buffer.of(0x02)])),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const header = Buffer.alloc(21);
  Buffer.from(salt).copy(header, 0);
  header.writeUInt32BE(recordSize, 16);
  header.writeUInt8(senderPublicKey.length, 20);
  return Buffer.concat([header, senderPublicKey, record]);
}

const urgencies: readonly Urgency[] = ['very-low', 'low', 'normal', 'high'];
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A browser's PushSubscription (its toJSON()), checked: an https endpoint and keys of the right sizes. */
export function readSubscription(input: unknown): PushSubscription {
  const s = input as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } } | null;
  const fail = (why: string): never => {
    throw new AppError('validation_failed', `プッシュ通知の購読情報が正しくありません（${why}）。`);
  };
  if (!s || typeof s.endpoint !== 'string') return fail('endpoint がありません');
  let url: URL;
  try {
    url = new URL(s.endpoint);
  } catch {
    return fail('endpoint が URL ではありません');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    fail('endpoint は https の URL です');
  }
  const { p256dh, auth } = s.keys ?? {};
  if (typeof p256dh !== 'string' || unb64url(p256dh).length !== 65) fail('p256dh は65バイトの公開鍵です');
  if (typeof auth !== 'string' || unb64url(auth).length !== 16) fail('auth は16バイトです');
  return { endpoint: s.endpoint, keys: { p256dh: p256dh as string, auth: auth as string } };
}

/**
 * Sends one push message. sent: 201/202. gone: 404/410, the subscription has expired and the caller
 * deletes it. failed: anything else, retryable after 429 (Retry-After honoured), 5xx and network errors.
 * A payload over RFC 8291's 3,993 bytes is refused before anything is sent.
 */
export async function sendWebPush(
  subscription: PushSubscription,
  payload: Uint8Array | string,
  options: WebPushOptions,
): Promise<ChannelResult> {
  const plaintext = typeof payload === 'string' ? textEncoder.encode(payload) : payload;
  if (plaintext.length > webPushMaxPlaintextBytes) {
    throw new MessageLimitError({
      ok: false,
      limit: 'web-push.plaintextBytes',
      max: webPushMaxPlaintextBytes,
      actual: plaintext.length,
      message: `Web プッシュ通知の内容は暗号化前で${webPushMaxPlaintextBytes.toLocaleString('ja-JP')}バイトまでです（この通知は${plaintext.length.toLocaleString('ja-JP')}バイト）。`,
    });
  }
  if (!Number.isInteger(options.ttl) || options.ttl < 0) {
    throw new AppError('validation_failed', 'プッシュ通知の TTL は0以上の整数（秒）です。');
  }
  if (options.urgency && !urgencies.includes(options.urgency)) {
    throw new AppError('validation_failed', `プッシュ通知の Urgency は ${urgencies.join(' / ')} のいずれかです。`);
  }
  if (options.topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(options.topic)) {
    throw new AppError('validation_failed', 'プッシュ通知の Topic は英数字・-・_ の32文字までです。');
  }
  const sub = readSubscription(subscription);
  // A copy in a plain ArrayBuffer: what fetch takes as a body.
  const body = new Uint8Array(encryptWebPush(plaintext, unb64url(sub.keys.p256dh), unb64url(sub.keys.auth)));
  const headers: Record<string, string> = {
    authorization: vapidAuthorization(sub.endpoint, options.vapid),
    ttl: String(options.ttl),
    'content-encoding': 'aes128gcm',
    'content-type': 'application/octet-stream',
    ...(options.urgency ? { urgency: options.urgency } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
  };
  const doFetch = options.fetch ?? globalThis.fetch;
  const policy: RetryPolicy = { ...defaultRetryPolicy, attempts: 3, ...options.retry };
  let last: ChannelResult = { status: 'failed', retryable: true, error: 'プッシュサービスに送信できませんでした。' };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let response: Response;
    try {
      response = await doFetch(sub.endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch {
      last = { status: 'failed', retryable: true, attempts: attempt, error: 'プッシュサービスに接続できません。' };
      if (attempt < policy.attempts) await sleep(backoffDelay(attempt, policy));
      continue;
    }
    const said = (await response.text()).slice(0, 200);
    const answer = { httpStatus: response.status, attempts: attempt };
    if (response.status === 201 || response.status === 202) {
      return { ...answer, status: 'sent', requestId: response.headers.get('location') ?? undefined };
    }
    if (response.status === 404 || response.status === 410) return { ...answer, status: 'gone' };
    if (response.status === 413) {
      return {
        ...answer,
        status: 'failed',
        retryable: false,
        error: 'プッシュサービスが通知を大きすぎるとして受け付けませんでした。',
      };
    }
    if (response.status === 429 || response.status >= 500) {
      const asked = parseRetryAfter(response.headers.get('retry-after'));
      last = {
        ...answer,
        status: 'failed',
        retryable: true,
        error:
          response.status === 429
            ? 'プッシュサービスの送信頻度の上限に達しました。'
            : `プッシュサービスで一時的なエラーが起きました（${response.status}）。`,
        ...(asked === undefined ? {} : { retryAfterMs: asked }),
      };
      if (asked !== undefined && asked > policy.maxDelayMs) return last;
      if (attempt < policy.attempts) await sleep(asked ?? backoffDelay(attempt, policy));
      continue;
    }
    return {
      ...answer,
      status: 'failed',
      retryable: false,
      error: `プッシュサービスが通知を受け付けませんでした（${response.status}${said ? `: ${said}` : ''}）。`,
    };
  }
  return last;
}
