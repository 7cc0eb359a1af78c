// すべての端末からサインアウト: ends every session of the account, this one included.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { revokeAllSessions } from '../sessions.ts';

export async function signOutEverywhere(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; kind: 'resident' | 'staff'; meta: RequestMeta },
): Promise<number> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const ended = await revokeAllSessions(trx, input.accountId);
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'auth.sign_out_everywhere',
      actor: input.accountId,
      actorKind: input.kind,
      resourceType: 'account',
      resourceId: input.accountId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { sessionsEnded: ended },
    });
    return ended;
  });
}
