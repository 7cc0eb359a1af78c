// 事業者として操作する: a member switches the session to file for the business (or back to themself).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';

export async function actAsBusiness(
  deps: { db: Kysely<any> },
  input: { tenantId: string; tokenHash: Buffer; accountId: string; businessId: string | null; meta: RequestMeta },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    if (input.businessId !== null) {
      const member = /^[0-9a-f-]{36}$/.test(input.businessId)
        ? await trx
            .selectFrom('business_members')
            .select('role')
            .where('business_id', '=', input.businessId)
            .where('account_id', '=', input.accountId)
            .executeTakeFirst()
        : undefined;
      if (!member) throw new AppError('not_found', '事業者が見つかりません。');
    }
    await trx
      .updateTable('sessions')
      .set({ acting_as_business: input.businessId, acting_for: null })
      .where('token_hash', '=', input.tokenHash)
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: input.businessId ? 'business.act_as' : 'business.stop_acting',
      actor: input.accountId,
      actorKind: 'resident',
      resourceType: 'business',
      resourceId: input.businessId,
      dataClass: 'public',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
  });
}
