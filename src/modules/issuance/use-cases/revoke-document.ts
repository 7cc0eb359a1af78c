// 交付の取消し: staff withdraw an issued document (wrong content, the decision reversed). The PDF stays
// as it was; verification now answers "取り消されました". The route has already asked authorize().
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { IssuanceDeps } from '../deps.ts';
import { type DocumentRevokedData, documentRevoked } from '../events.ts';
import { uuidPattern } from '../queries.ts';

export interface RevokeDocumentInput {
  tenantId: string;
  documentId: string;
  reason: string;
  /** The staff member's account id. */
  actor: string;
  meta: { ip: string; requestId: string; zone?: string };
}

export async function revokeDocument(
  deps: Pick<IssuanceDeps, 'db' | 'events'>,
  input: RevokeDocumentInput,
): Promise<void> {
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 500) {
    const message =
      reason === '' ? '取り消す理由を入力してください。' : '取り消す理由は500文字以内で入力してください。';
    throw new AppError('validation_failed', message, { errors: [{ field: 'reason', message }] });
  }
  if (!uuidPattern.test(input.documentId)) throw new AppError('not_found', '交付した書類が見つかりません。');
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const revoked = await trx
      .updateTable('documents')
      .set({ revoked_at: sql`now()`, revoked_by: input.actor, revoke_reason: reason })
      .where('id', '=', input.documentId)
      .where('revoked_at', 'is', null)
      .returning(['application_id', 'department', 'recipient_account_id'])
      .executeTakeFirst();
    if (!revoked) {
      const exists = await trx
        .selectFrom('documents')
        .select('id')
        .where('id', '=', input.documentId)
        .executeTakeFirst();
      throw exists
        ? new AppError('conflict', 'この書類はすでに取り消されています。')
        : new AppError('not_found', '交付した書類が見つかりません。');
    }
    await appendAudit(trx, {
      tenantId: input.tenantId,
      actor: input.actor,
      actorKind: 'staff',
      onBehalfOf: revoked.recipient_account_id as string,
      action: 'document.revoke',
      resourceType: 'document',
      resourceId: input.documentId,
      department: revoked.department as string,
      dataClass: 'personal',
      decision: 'allow',
      zone: input.meta.zone ?? null,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { reason },
    });
    const data: DocumentRevokedData = {
      applicationId: revoked.application_id as string,
      documentId: input.documentId,
      reason,
    };
    await deps.events.emit(trx, {
      tenantId: input.tenantId,
      type: documentRevoked,
      subjectType: 'document',
      subjectId: input.documentId,
      department: revoked.department as string,
      data: { ...data },
    });
  });
}
