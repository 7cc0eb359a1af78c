// 2段階認証の設定 (step 1): a new TOTP seed for a staff member who has none enrolled yet. The seed is
// kept sealed until the first correct code proves the authenticator app has it.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { open, seal } from '../secret-box.ts';
import { base32Encode, newTotpSecret, otpauthUri } from '../totp.ts';

export async function beginTotpEnrollment(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; issuer: string; label: string; key: Buffer },
): Promise<{ secret: string; uri: string }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const staff = await trx
      .selectFrom('staff_members')
      .select(['totp_secret', 'totp_enrolled_at'])
      .where('account_id', '=', input.accountId)
      .executeTakeFirst();
    if (!staff) throw new AppError('forbidden', '職員アカウントではありません。');
    if (staff.totp_enrolled_at) throw new AppError('conflict', '2段階認証はすでに設定されています。');
    // Reloading the page shows the same key: an app that already scanned it keeps working.
    let secret = staff.totp_secret ? open(input.key, staff.totp_secret) : undefined;
    if (!secret) {
      secret = newTotpSecret();
      await trx
        .updateTable('staff_members')
        .set({ totp_secret: seal(input.key, secret) })
        .where('account_id', '=', input.accountId)
        .execute();
    }
    return { secret: base32Encode(secret), uri: otpauthUri(secret, input.label, input.issuer) };
  });
}
