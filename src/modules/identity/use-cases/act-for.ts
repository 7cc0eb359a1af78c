// 代理で操作する: the proxy switches the session to act for a principal (a live grant is required), or
// back to themself. Pages then show "○○さんの代理で操作中" in the header.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { findLiveGrant } from './resolve-acting-party.ts';

export async function actFor(
  deps: { db: Kysely<any> },
  input: { tenantId: string; tokenHash: Buffer; accountId: string; principalId: string | null; meta: RequestMeta },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    if (input.principalId !== null) {
      if (!/^[0-9a-f-]{36}$/.test(input.principalId)) throw new AppError('not_found', '代理の設定が見つかりません。');
      const grant = await findLiveGrant(trx, input.accountId, input.principalId, undefined);
      if (!grant) throw new AppError('forbidden', 'この方の代理を任されていないか、期限が切れています。');
    }
    await trx
      .updateTable('sessions')
      .set({ acting_for: input.principalId })
      .where('token_hash', '=', input.tokenHash)
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: input.principalId ? 'proxy.act_for' : 'proxy.stop_acting',
      actor: input.accountId,
      actorKind: 'resident',
      onBehalfOf: input.principalId,
      resourceType: 'session',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
  });
}
