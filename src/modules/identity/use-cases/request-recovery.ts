// パスワードを忘れた場合: a one-time link by e-mail. The page answers the same whether or not the
// address has an account.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { createEmailToken, enqueueEmail, recoverMessage } from '../emails.ts';
import { checkEmail, normaliseEmail } from '../validate.ts';

export async function requestRecovery(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; cityName: string; baseUrl: string; email: string; meta: RequestMeta },
): Promise<void> {
  const email = normaliseEmail(input.email);
  const problem = checkEmail(email);
  if (problem) throw new AppError('validation_failed', problem, { errors: [{ field: 'email', message: problem }] });
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `recover:ip:${input.meta.ip}`, limit: 10, windowSeconds: 3600 },
    { key: `recover:account:${email}`, limit: 3, windowSeconds: 3600 },
  ]);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const account = await trx
      .selectFrom('accounts')
      .select(['id', 'display_name', 'kind'])
      .where('email', '=', email)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!account) return;
    const token = await createEmailToken(trx, input.tenantId, account.id, 'recover');
    await enqueueEmail(
      deps.jobs,
      trx,
      recoverMessage(
        email,
        account.display_name,
        `${input.baseUrl}/account/recover/reset?token=${token}`,
        input.cityName,
      ),
    );
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'account.recovery_requested',
      actor: account.id,
      actorKind: account.kind,
      resourceType: 'account',
      resourceId: account.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
  });
}
