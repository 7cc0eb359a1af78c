// System API tokens: `chs_` and 43 characters of base64url (256 random bits). Only the SHA-256 is stored;
// the prefix (first 12 characters) tells tokens apart on screen.
import { createHash, randomBytes } from 'node:crypto';

/** What a business system's token may do. Other modules check these through authenticateSystemToken. */
export const systemScopes = ['events:read', 'cases:read', 'cases:export'] as const;
export type SystemScope = (typeof systemScopes)[number];

/** How long a rotated-out token keeps working, so the business system can switch without downtime. */
export const rotationGraceHours = 24;

const tokenPattern = /^chs_[A-Za-z0-9_-]{43}$/;

export function newSystemToken(): { token: string; hash: Buffer; prefix: string } {
  const token = `chs_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashSystemToken(token), prefix: token.slice(0, 12) };
}

export function hashSystemToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function looksLikeSystemToken(value: string): boolean {
  return tokenPattern.test(value);
}
