// Who supports a request, without an account: a random id in an HttpOnly cookie, signed with the server's
// secret so it cannot be forged or chosen. The database keeps only a keyed hash of the id (per tenant), so
// a stored support cannot be traced back to a cookie. Clearing cookies makes a new supporter; the
// per-address rate limit in support-data-request.ts bounds what that can add.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const supporterCookie = 'od_supporter';
/** Long enough to remember a person across visits; renewed on every support. */
export const supporterCookieMaxAge = 365 * 24 * 3600;

function mac(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(`supporter.${id}`).digest('base64url');
}

/** A new cookie value: `<random id>.<signature>`. */
export function issueSupporterCookie(key: Buffer): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${mac(key, id)}`;
}

/** The id of a genuine cookie value, or undefined for a missing, malformed or forged one. */
export function readSupporterCookie(key: Buffer, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return undefined;
  const expected = Buffer.from(mac(key, match[1]!));
  const given = Buffer.from(match[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : undefined;
}

/** What is stored: the id under another key, scoped to the tenant. */
export function supporterHash(key: Buffer, tenantId: string, id: string): Buffer {
  return createHmac('sha256', key).update(`${tenantId}:${id}`).digest();
}
