// 配信停止: one step, from the link in any of the mails (a one-button page) or from the mail program's own
// button (RFC 8058 one-click POST). Stopped at once; no notice is sent to the address after this commits.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import { stopByToken, subscriptionByToken } from './queries.ts';
import { isWellFormedToken, tokenHash } from './tokens.ts';

/** stopped: done now; already: it was stopped before; unknown: no such link. */
export type UnsubscribeOutcome = 'stopped' | 'already' | 'unknown';

export async function unsubscribe(
  deps: { db: Kysely<any> },
  input: { tenantId: string; token: unknown; oneClick?: boolean; meta: RequestMeta },
): Promise<UnsubscribeOutcome> {
  if (!isWellFormedToken(input.token)) return 'unknown';
  const hash = tokenHash(input.token);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const id = await stopByToken(trx, hash);
    if (!id) return (await subscriptionByToken(trx, hash)) ? 'already' : 'unknown';
    await appendAudit(trx, {
      tenantId: input.tenantId,
      actor: 'anonymous',
      actorKind: 'anonymous',
      action: 'public_comment.subscription.stopped',
      resourceType: 'pc_subscription',
      resourceId: id,
      dataClass: 'personal',
      decision: 'allow',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { oneClick: input.oneClick === true },
    });
    return 'stopped';
  });
}
