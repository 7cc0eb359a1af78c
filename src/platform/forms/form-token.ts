// Spam resistance without a puzzle, for forms anyone may send without an account (an opinion on a public
// comment, a data request): the form carries a signed token with the time it was shown and a random id. A
// script that posts without loading the form, or within seconds of loading it, is asked to send again; the
// random id is the idempotency key of what the form creates, so a double click or a resent form stores it
// once. Nothing here asks a person to see, hear or solve anything.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Faster than any person reads a page and writes in its form; slower than a script. */
export const minimumFillMs = 3000;
/** A form left open over a weekend still works. */
export const maximumAgeMs = 7 * 24 * 3600 * 1000;

export type FormTokenCheck =
  | { ok: true; nonce: string; issuedAt: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'too_fast' | 'expired' };

function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

/** `scope` binds the token to one form (and tenant), so a token shown for one cannot be replayed on another. */
export function issueFormToken(key: Buffer, scope: string, now = Date.now()): string {
  const payload = `${now.toString(36)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${mac(key, `${scope}.${payload}`)}`;
}

export function checkFormToken(key: Buffer, scope: string, value: unknown, now = Date.now()): FormTokenCheck {
  if (typeof value !== 'string' || value === '') return { ok: false, reason: 'missing' };
  const parts = value.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [time, nonce, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(key, `${scope}.${time}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const issuedAt = Number.parseInt(time, 36);
  if (!Number.isFinite(issuedAt) || now - issuedAt > maximumAgeMs) return { ok: false, reason: 'expired' };
  if (now - issuedAt < minimumFillMs) return { ok: false, reason: 'too_fast' };
  return { ok: true, nonce, issuedAt };
}
