// 新しいパスワードの設定 from the recovery link: the password changes, every session ends, and the
// address counts as verified (the person just proved they read its mail).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { consumeEmailToken } from '../emails.ts';
import { hashPassword, passwordProblem } from '../passwords.ts';
import { revokeAllSessions } from '../sessions.ts';

export async function resetPassword(
  deps: { db: Kysely<any> },
  input: { tenantId: string; token: string; password: string; meta: RequestMeta },
): Promise<{ accountId: string }> {
  const weak = passwordProblem(input.password);
  if (weak) throw new AppError('validation_failed', weak, { errors: [{ field: 'password', message: weak }] });
  const passwordHash = await hashPassword(input.password);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const accountId = await consumeEmailToken(trx, input.token, 'recover');
    if (!accountId) {
      throw new AppError(
        'bad_request',
        'この再設定リンクは使えません。有効期限（1時間）が過ぎたか、すでに使われています。もう一度お手続きください。',
      );
    }
    const account = await trx
      .updateTable('accounts')
      .set({
        password_hash: passwordHash,
        email_verified_at: sql`coalesce(email_verified_at, now())`,
        failed_sign_ins: 0,
        locked_until: null,
      })
      .where('id', '=', accountId)
      .returning(['kind', 'email', 'display_name'])
      .executeTakeFirstOrThrow();
    const context = passwordProblem(input.password, { email: account.email ?? undefined, name: account.display_name });
    if (context)
      throw new AppError('validation_failed', context, { errors: [{ field: 'password', message: context }] });
    const ended = await revokeAllSessions(trx, accountId);
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'account.password_reset',
      actor: accountId,
      actorKind: account.kind,
      resourceType: 'account',
      resourceId: accountId,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { sessionsEnded: ended },
    });
    return { accountId };
  });
}
