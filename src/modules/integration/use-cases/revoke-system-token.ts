// Revocation takes effect at once (the token's next request is refused).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditChange, type StaffActor } from '../audit.ts';

export async function revokeSystemToken(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; tokenId: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .updateTable('system_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', input.tokenId)
      .where('revoked_at', 'is', null)
      .returning(['department', 'prefix'])
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'API トークンが見つかりません（すでに失効済みの可能性があります）。');
    await auditChange(trx, input, {
      action: 'integration.token.revoked',
      resourceType: 'system_token',
      resourceId: input.tokenId,
      department: row.department,
      details: { prefix: row.prefix },
    });
  });
}
