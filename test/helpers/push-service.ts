// A stand-in push service (RFC 8030) on its own port, playing both the push service and the browser
// behind it, since browsers here cannot reach a real one. createSubscription() hands out what a browser's
// PushSubscription holds (endpoint, p256dh, auth) and keeps the browser's private key. Each POST to an
// endpoint has its VAPID token checked (RFC 8292: ES256 signed by k, aud this origin, exp within 24 hours,
// a contact sub) and its aes128gcm body decrypted with that private key and auth secret (RFC 8291), and
// the plaintext is recorded; the answer is 201 with a Location. An expired subscription answers 410.
//
// The decryption here is written apart from the sender's code on purpose (plain HMAC steps, not the
// sender's HKDF calls), so a mistake in one cannot be mirrored in the other and still round-trip.
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPush {
  endpoint: string;
  /** The decrypted payload as UTF-8 text. */
  plaintext: string;
  bytes: Buffer;
  ttl: number;
  urgency: string;
  topic: string | undefined;
  vapid: { aud: string; exp: number; sub: string; k: string };
}

export interface PushServiceRequest {
  endpoint: string;
  status: number;
  /** Why a request was refused, for test failures that need explaining. */
  reason?: string;
}

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushService {
  origin: string;
  /** A new subscription; with applicationServerKey it is restricted to that VAPID key (RFC 8292 §4). */
  createSubscription(options?: { applicationServerKey?: string }): TestSubscription;
  received: ReceivedPush[];
  requests: PushServiceRequest[];
  /** The plaintexts received on one endpoint, oldest first. */
  receivedBy(endpoint: string): string[];
  /** The subscription ends (the person unsubscribed, or it timed out): pushes answer 410 Gone. */
  expire(endpoint: string): void;
  /** The next `count` pushes answer 429 with Retry-After: seconds. */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  close(): Promise<void>;
}

interface Subscription {
  privateKey: Buffer;
  publicKey: Buffer;
  auth: Buffer;
  applicationServerKey: string | undefined;
  expired: boolean;
}

const hmac = (key: Uint8Array, ...data: Uint8Array[]) => {
  const h = createHmac('sha256', key);
  for (const d of data) h.update(d);
  return h.digest();
};

/** RFC 8291 §3.4 and RFC 8188 §2, as the user agent does it. Throws when the body does not decrypt. */
function decrypt(body: Buffer, sub: Subscription): Buffer {
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body.readUInt8(20);
  const senderKey = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error(`keyid is ${idlen} bytes, not a 65-byte P-256 key`);
  if (rs < 18 || record.length > rs) throw new Error(`record of ${record.length} bytes does not fit rs ${rs}`);
  if (record.length < 17) throw new Error('record shorter than its tag');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(sub.privateKey);
  const secret = ecdh.computeSecret(senderKey);
  const prkKey = hmac(sub.auth, secret);
  const ikm = hmac(prkKey, Buffer.from('WebPush: info\0'), sub.publicKey, senderKey, Buffer.of(1));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0'), Buffer.of(1)).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0'), Buffer.of(1)).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 0x02) throw new Error('the single record must end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

type VapidCheck = { ok: true; claims: ReceivedPush['vapid'] } | { ok: false; status: 401 | 403; reason: string };

function checkVapid(header: string | undefined, origin: string, sub: Subscription): VapidCheck {
  if (!header) return { ok: false, status: 401, reason: 'no Authorization' };
  const match = /^vapid\s+(.*)$/i.exec(header.trim());
  if (!match) return { ok: false, status: 401, reason: 'not the vapid scheme' };
  const params = Object.fromEntries(
    match[1]!.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const { t, k } = params as { t?: string; k?: string };
  if (!t || !k) return { ok: false, status: 401, reason: 'vapid needs t and k' };
  const key = Buffer.from(k, 'base64url');
  if (key.length !== 65 || key[0] !== 4) return { ok: false, status: 403, reason: 'k is not a P-256 point' };
  if (sub.applicationServerKey && sub.applicationServerKey !== k) {
    return { ok: false, status: 403, reason: 'k is not the key the subscription is restricted to' };
  }
  const parts = t.split('.');
  if (parts.length !== 3) return { ok: false, status: 403, reason: 't is not a JWS' };
  const [head, payload, signature] = parts as [string, string, string];
  const jwtHeader = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
  if (jwtHeader.alg !== 'ES256') return { ok: false, status: 403, reason: `alg ${jwtHeader.alg}` };
  const publicKey = createPublicKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: key.subarray(1, 33).toString('base64url'),
      y: key.subarray(33).toString('base64url'),
    },
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${payload}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { ok: false, status: 403, reason: 'signature does not verify with k' };
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== origin) return { ok: false, status: 403, reason: `aud ${claims.aud} is not ${origin}` };
  if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, status: 403, reason: 'expired' };
  if (claims.exp > now + 24 * 60 * 60) return { ok: false, status: 403, reason: 'exp more than 24 hours ahead' };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) {
    return { ok: false, status: 403, reason: 'sub is not a mailto: or https: contact' };
  }
  return { ok: true, claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub, k } };
}

export async function startPushService(): Promise<PushService> {
  const subscriptions = new Map<string, Subscription>();
  const received: ReceivedPush[] = [];
  const requests: PushServiceRequest[] = [];
  const throttled: number[] = [];
  let origin = '';
  let serial = 0;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const endpoint = `${origin}${req.url ?? ''}`;
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      requests.push({ endpoint, status, reason });
      res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(reason);
    };
    const id = /^\/push\/([A-Za-z0-9_-]+)$/.exec(req.url ?? '')?.[1];
    const sub = id ? subscriptions.get(id) : undefined;
    if (req.method !== 'POST') return refuse(405, 'POST only');
    if (!sub) return refuse(404, 'no such subscription');
    if (sub.expired) return refuse(410, 'subscription expired');
    const retryAfter = throttled.shift();
    if (retryAfter !== undefined) return refuse(429, 'too many requests', { 'retry-after': String(retryAfter) });
    const vapid = checkVapid(req.headers.authorization, origin, sub);
    if (!vapid.ok) return refuse(vapid.status, vapid.reason);
    const ttl = req.headers.ttl;
    if (typeof ttl !== 'string' || !/^\d+$/.test(ttl)) return refuse(400, 'TTL header required (RFC 8030 §5.2)');
    const urgency = req.headers.urgency ?? 'normal';
    if (typeof urgency !== 'string' || !['very-low', 'low', 'normal', 'high'].includes(urgency)) {
      return refuse(400, 'Urgency must be very-low, low, normal or high');
    }
    const topic = req.headers.topic as string | undefined;
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic))
      return refuse(400, 'Topic: 32 base64url characters');
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'Content-Encoding must be aes128gcm');
    if (body.length > 4096) return refuse(413, 'payload over 4096 octets');
    let plaintext: Buffer;
    try {
      plaintext = decrypt(body, sub);
    } catch (error) {
      return refuse(400, `does not decrypt: ${(error as Error).message}`);
    }
    received.push({
      endpoint,
      plaintext: plaintext.toString('utf8'),
      bytes: plaintext,
      ttl: Number(ttl),
      urgency,
      topic,
      vapid: vapid.claims,
    });
    requests.push({ endpoint, status: 201 });
    res.writeHead(201, { location: `${origin}/message/${++serial}`, ttl }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    requests,
    createSubscription({ applicationServerKey } = {}) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const id = randomBytes(18).toString('base64url');
      const sub: Subscription = {
        privateKey: ecdh.getPrivateKey(),
        publicKey: ecdh.getPublicKey(),
        auth: randomBytes(16),
        applicationServerKey,
        expired: false,
      };
      subscriptions.set(id, sub);
      return {
        endpoint: `${origin}/push/${id}`,
        keys: { p256dh: sub.publicKey.toString('base64url'), auth: sub.auth.toString('base64url') },
      };
    },
    receivedBy: (endpoint) => received.filter((r) => r.endpoint === endpoint).map((r) => r.plaintext),
    expire(endpoint) {
      const id = endpoint.split('/').at(-1)!;
      const sub = subscriptions.get(id);
      if (sub) sub.expired = true;
    },
    rateLimitNext(count, retryAfterSeconds) {
      for (let i = 0; i < count; i++) throttled.push(retryAfterSeconds);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
