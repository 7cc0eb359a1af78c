// メールアドレスの確認: the link from the sign-up mail proves the address and completes the account.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { consumeEmailToken } from '../emails.ts';

export async function verifyEmail(
  deps: { db: Kysely<any> },
  input: { tenantId: string; token: string; meta: RequestMeta },
): Promise<{ accountId: string }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const accountId = await consumeEmailToken(trx, input.token, 'verify');
    if (!accountId) {
      throw new AppError(
        'bad_request',
        'この確認リンクは使えません。有効期限（24時間）が過ぎたか、すでに使われています。サインインするか、もう一度登録してください。',
      );
    }
    await trx
      .updateTable('accounts')
      .set({ email_verified_at: sql`coalesce(email_verified_at, now())` })
      .where('id', '=', accountId)
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'account.verify_email',
      actor: accountId,
      actorKind: 'resident',
      resourceType: 'account',
      resourceId: accountId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return { accountId };
  });
}
