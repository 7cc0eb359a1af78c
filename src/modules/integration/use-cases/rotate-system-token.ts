// Rotation: a new token with the same name, department and scopes; the old one keeps working for the
// grace period (24 h) so the business system can switch over, then stops by itself.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditChange, type StaffActor } from '../audit.ts';
import { newSystemToken, rotationGraceHours } from '../tokens.ts';

export async function rotateSystemToken(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; tokenId: string; graceHours?: number },
): Promise<{ id: string; token: string; prefix: string; oldExpiresAt: Date }> {
  const graceHours = input.graceHours ?? rotationGraceHours;
  const { token, hash, prefix } = newSystemToken();
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const old = await trx
      .selectFrom('system_tokens')
      .selectAll()
      .where('id', '=', input.tokenId)
      .forUpdate()
      .executeTakeFirst();
    if (!old) throw new AppError('not_found', 'API トークンが見つかりません。');
    if (old.revoked_at) throw new AppError('conflict', 'この API トークンは失効済みのため、更新できません。');
    if (old.replaced_by)
      throw new AppError('conflict', 'この API トークンはすでに更新済みです。新しいトークンを更新してください。');
    if (old.expires_at && (old.expires_at as Date) <= new Date()) {
      throw new AppError(
        'conflict',
        'この API トークンは有効期限が切れているため、更新できません。新しく発行してください。',
      );
    }
    const created = await trx
      .insertInto('system_tokens')
      .values({
        tenant_id: input.tenantId,
        name: old.name,
        department: old.department,
        scopes: old.scopes,
        token_hash: hash,
        prefix,
        created_by: input.actor.accountId,
        expires_at: old.expires_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('system_tokens')
      .set({
        replaced_by: created.id,
        expires_at: sql`least(coalesce(expires_at, 'infinity'), now() + make_interval(hours => ${graceHours}))`,
      })
      .where('id', '=', input.tokenId)
      .returning('expires_at')
      .executeTakeFirstOrThrow();
    await auditChange(trx, input, {
      action: 'integration.token.rotated',
      resourceType: 'system_token',
      resourceId: input.tokenId,
      department: old.department,
      details: { replacedBy: created.id, prefix, oldExpiresAt: updated.expires_at },
    });
    return { id: created.id as string, token, prefix, oldExpiresAt: updated.expires_at as Date };
  });
}
