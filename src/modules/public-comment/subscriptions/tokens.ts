// The token in a subscriber's confirm and stop links. It is derived from the subscription (HMAC with a
// key of its own), not drawn at random: the table keeps only its SHA-256, yet every notice must carry a
// working stop link, so the job that sends it has to be able to make the token again.
import { createHash, createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { setTokenHash } from './queries.ts';

export interface TokenSecrets {
  derive(purpose: string): Buffer;
}

export function subscriptionToken(secrets: TokenSecrets, tenantId: string, subscriptionId: string): string {
  return createHmac('sha256', secrets.derive('public-comment.subscription'))
    .update(`${tenantId}:${subscriptionId}`)
    .digest('base64url');
}

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** 43 base64url characters (a SHA-256 HMAC); anything else is not worth a database look-up. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/**
 * The token for a mail about to be sent. Its links must work (特定電子メール法 requires a working way to
 * stop): if the server's secret changed since the row was written, the stored hash is brought in line, so
 * the links in this mail work (those in older mails no longer do).
 */
export async function tokenForMail(
  trx: Kysely<any>,
  secrets: TokenSecrets,
  tenantId: string,
  row: { id: string; token_hash: Buffer },
): Promise<string> {
  const token = subscriptionToken(secrets, tenantId, row.id);
  const hash = tokenHash(token);
  if (!hash.equals(row.token_hash)) await setTokenHash(trx, row.id, hash);
  return token;
}
