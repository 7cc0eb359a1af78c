// 代理の取消し: the principal (or the proxy, stepping down) ends a grant at once; a proxy acting under
// it is stopped on their next request.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';

export async function revokeProxy(
  deps: { db: Kysely<any> },
  input: { tenantId: string; grantId: string; accountId: string; meta: RequestMeta },
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(input.grantId)) throw new AppError('not_found', '代理の設定が見つかりません。');
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const grant = await trx
      .updateTable('proxy_grants')
      .set({ revoked_at: sql`now()`, revoked_by: input.accountId })
      .where('id', '=', input.grantId)
      .where((eb) => eb.or([eb('principal_id', '=', input.accountId), eb('proxy_id', '=', input.accountId)]))
      .where('revoked_at', 'is', null)
      .returning(['principal_id', 'proxy_id'])
      .executeTakeFirst();
    if (!grant)
      throw new AppError('not_found', '代理の設定が見つかりません（すでに取り消されている可能性があります）。');
    // Sessions acting under this grant stop acting for the principal now, not at their next sign-in.
    await trx
      .updateTable('sessions')
      .set({ acting_for: null })
      .where('account_id', '=', grant.proxy_id)
      .where('acting_for', '=', grant.principal_id)
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'proxy.revoke',
      actor: input.accountId,
      actorKind: 'resident',
      onBehalfOf: grant.principal_id,
      resourceType: 'proxy_grant',
      resourceId: input.grantId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
  });
}
