// One-step unsubscribe: every message carries a link naming its subscriber with an HMAC, so following it
// (or a mail client's RFC 8058 one-click POST) stops that subscription without signing in, and nobody can
// stop someone else's by guessing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PlatformDeps } from '../../platform/module.ts';

export const unsubscribePath = '/notifications/unsubscribe';

function mac(deps: Pick<PlatformDeps, 'secrets'>, tenantId: string, subscriberId: string): string {
  return createHmac('sha256', deps.secrets.derive('messaging-unsubscribe'))
    .update(`${tenantId}/${subscriberId}`)
    .digest('base64url')
    .slice(0, 22);
}

/** The token in the link: `<subscriber id>.<mac>`. */
export function unsubscribeToken(deps: Pick<PlatformDeps, 'secrets'>, tenantId: string, subscriberId: string): string {
  return `${subscriberId}.${mac(deps, tenantId, subscriberId)}`;
}

/** The subscriber id a token names, or undefined when it was not made by this server for this tenant. */
export function readUnsubscribeToken(
  deps: Pick<PlatformDeps, 'secrets'>,
  tenantId: string,
  token: string,
): string | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return undefined;
  const expected = Buffer.from(mac(deps, tenantId, match[1]!));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : undefined;
}

/** The absolute link for a subscriber of `tenantId`, on the tenant's own host. */
export function unsubscribeUrl(
  deps: Pick<PlatformDeps, 'secrets'>,
  origin: string,
  tenantId: string,
  subscriberId: string,
): string {
  return `${origin}${unsubscribePath}/${unsubscribeToken(deps, tenantId, subscriberId)}`;
}
