// What a confirm or stop link points at, for the page the link opens (GET changes nothing).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type SubscriptionState, subscriptionByToken } from './queries.ts';
import { isWellFormedToken, tokenHash } from './tokens.ts';

export async function readSubscription(
  deps: { db: Kysely<any> },
  input: { tenantId: string; token: unknown },
): Promise<SubscriptionState | 'unknown'> {
  if (!isWellFormedToken(input.token)) return 'unknown';
  const hash = tokenHash(input.token);
  const row = await withTenant(deps.db, input.tenantId, (trx) => subscriptionByToken(trx, hash));
  return row?.state ?? 'unknown';
}
