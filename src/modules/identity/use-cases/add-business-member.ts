// メンバーの追加: the business's owner or an admin adds an account holder with a role. Only an owner
// may make someone an owner.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { normaliseEmail } from '../validate.ts';

export const memberRoles = ['owner', 'admin', 'member'] as const;

export async function addBusinessMember(
  deps: { db: Kysely<any> },
  input: { tenantId: string; businessId: string; accountId: string; email: string; role: string; meta: RequestMeta },
): Promise<void> {
  if (!(memberRoles as readonly string[]).includes(input.role)) {
    throw new AppError('validation_failed', '役割を選んでください。', {
      errors: [{ field: 'role', message: '役割を選んでください。' }],
    });
  }
  if (!/^[0-9a-f-]{36}$/.test(input.businessId)) throw new AppError('not_found', '事業者が見つかりません。');
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const me = await trx
      .selectFrom('business_members')
      .select('role')
      .where('business_id', '=', input.businessId)
      .where('account_id', '=', input.accountId)
      .executeTakeFirst();
    // Not a member answers 404: a business's existence is not disclosed to outsiders.
    if (!me) throw new AppError('not_found', '事業者が見つかりません。');
    if (me.role === 'member' || (input.role === 'owner' && me.role !== 'owner')) {
      throw new AppError('forbidden', 'メンバーを追加できるのは代表者と管理者です（代表者の追加は代表者のみ）。');
    }
    const member = await trx
      .selectFrom('accounts')
      .select(['id', 'kind'])
      .where('email', '=', normaliseEmail(input.email))
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (member?.kind !== 'resident') {
      throw new AppError('validation_failed', 'このメールアドレスのアカウントは登録されていません。', {
        errors: [
          {
            field: 'email',
            message: 'このメールアドレスのアカウントは登録されていません。先にアカウントを登録してもらってください。',
          },
        ],
      });
    }
    await trx
      .insertInto('business_members')
      .values({
        tenant_id: input.tenantId,
        business_id: input.businessId,
        account_id: member.id,
        role: input.role,
        added_by: input.accountId,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'business_id', 'account_id']).doUpdateSet({ role: input.role }))
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'business.add_member',
      actor: input.accountId,
      actorKind: 'resident',
      resourceType: 'business',
      resourceId: input.businessId,
      dataClass: 'personal',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { member: member.id, role: input.role },
    });
  });
}
