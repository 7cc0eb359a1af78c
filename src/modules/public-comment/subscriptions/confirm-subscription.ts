// 登録の確認: the owner of the address pressed the button behind the mailed link. Only a POST gets here,
// so a mail scanner that follows links cannot confirm on anyone's behalf.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import { confirmByToken, subscriptionByToken } from './queries.ts';
import { isWellFormedToken, tokenHash } from './tokens.ts';

/** confirmed: done now; already: it was confirmed before; stopped: it was stopped; unknown: no such link. */
export type ConfirmOutcome = 'confirmed' | 'already' | 'stopped' | 'unknown';

export async function confirmSubscription(
  deps: { db: Kysely<any> },
  input: { tenantId: string; token: unknown; meta: RequestMeta },
): Promise<ConfirmOutcome> {
  if (!isWellFormedToken(input.token)) return 'unknown';
  const hash = tokenHash(input.token);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const id = await confirmByToken(trx, hash);
    if (!id) {
      const row = await subscriptionByToken(trx, hash);
      return !row ? 'unknown' : row.state === 'stopped' ? 'stopped' : 'already';
    }
    await appendAudit(trx, {
      tenantId: input.tenantId,
      actor: 'anonymous',
      actorKind: 'anonymous',
      action: 'public_comment.subscription.confirmed',
      resourceType: 'pc_subscription',
      resourceId: id,
      dataClass: 'personal',
      decision: 'allow',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return 'confirmed';
  });
}
