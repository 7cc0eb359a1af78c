// Spam resistance without a puzzle: the opinion form carries a signed token with the time it was shown
// and a random id. A bot that posts without loading the form, or within seconds of loading it, is told
// to try again; the random id is also the submission's idempotency key, so a double click or a resent
// form stores one submission. Nothing here asks a person to see, hear or solve anything.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface FormToken {
  issuedAt: number;
  nonce: string;
}

/** Faster than any person reads a consultation and writes an opinion; slower than a script. */
export const minimumFillMs = 3000;
/** A form left open over a weekend still works. */
export const maximumAgeMs = 7 * 24 * 3600 * 1000;

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function issueFormToken(key: Buffer, consultationId: string, now = Date.now()): string {
  const payload = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${mac(key, `${consultationId}.${payload}`)}`;
}

export type TokenCheck =
  | { ok: true; token: FormToken }
  | { ok: false; reason: 'missing' | 'invalid' | 'too_fast' | 'expired' };

export function checkFormToken(
  key: Buffer,
  consultationId: string,
  value: string | undefined,
  now = Date.now(),
): TokenCheck {
  if (!value) return { ok: false, reason: 'missing' };
  const parts = value.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [time, nonce, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(key, `${consultationId}.${time}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const issuedAt = Number.parseInt(time, 36);
  if (!Number.isFinite(issuedAt) || now - issuedAt > maximumAgeMs) return { ok: false, reason: 'expired' };
  if (now - issuedAt < minimumFillMs) return { ok: false, reason: 'too_fast' };
  return { ok: true, token: { issuedAt, nonce } };
}
