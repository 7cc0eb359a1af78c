// 確認コードの検証: the staff member's TOTP code (enrolling on first use). A code is accepted once;
// five wrong codes in five minutes answer 429.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { clearRateLimit, enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { open } from '../secret-box.ts';
import { matchTotp } from '../totp.ts';

export async function verifyStaffSecondFactor(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; code: string; key: Buffer; at?: number; meta: RequestMeta },
): Promise<void> {
  const limitKey = `totp:account:${input.accountId}`;
  await enforceRateLimits(deps.db, input.tenantId, [{ key: limitKey, limit: 5, windowSeconds: 300 }]);
  const matched = await withTenant(deps.db, input.tenantId, async (trx) => {
    const staff = await trx
      .selectFrom('staff_members')
      .select(['totp_secret', 'totp_last_step', 'totp_enrolled_at'])
      .where('account_id', '=', input.accountId)
      .forUpdate()
      .executeTakeFirst();
    if (!staff?.totp_secret) throw new AppError('bad_request', '2段階認証の設定から始めてください。');
    const lastStep = staff.totp_last_step === null ? null : Number(staff.totp_last_step);
    const step = matchTotp(open(input.key, staff.totp_secret), input.code, lastStep, input.at);
    await audit(trx, {
      tenantId: input.tenantId,
      action: staff.totp_enrolled_at ? 'auth.mfa.totp' : 'auth.mfa.enroll',
      actor: input.accountId,
      actorKind: 'staff',
      resourceType: 'account',
      resourceId: input.accountId,
      decision: step === undefined ? 'deny' : 'allow',
      reason: step === undefined ? 'wrong_code' : null,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    if (step === undefined) return false;
    await trx
      .updateTable('staff_members')
      .set({ totp_last_step: step, totp_enrolled_at: sql`coalesce(totp_enrolled_at, now())` })
      .where('account_id', '=', input.accountId)
      .execute();
    return true;
  });
  // Thrown after the commit, so the failed attempt's audit entry is kept.
  if (matched) await clearRateLimit(deps.db, input.tenantId, limitKey);
  if (!matched) {
    throw new AppError(
      'unauthorized',
      '確認コードが違います。認証アプリに表示されている最新の6桁を入力してください。',
      {
        errors: [
          { field: 'code', message: '確認コードが違います。認証アプリに表示されている最新の6桁を入力してください。' },
        ],
      },
    );
  }
}
