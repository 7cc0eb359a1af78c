// Staff take a document off a consultation that has not been published (a wrong file uploaded).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FileStorage } from '../../../platform/files/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadConsultation, loadDocumentFile } from '../queries.ts';

export async function removeDocument(
  deps: { db: Kysely<any>; files: FileStorage },
  input: { tenantId: string; actor: StaffActor; consultationId: string; documentId: string },
): Promise<void> {
  const fileKey = await withTenant(deps.db, input.tenantId, async (trx) => {
    const consultation = await loadConsultation(trx, { id: input.consultationId }, { forUpdate: true });
    const document = consultation && (await loadDocumentFile(trx, consultation.id, input.documentId));
    if (!consultation || !document) throw new AppError('not_found', '資料が見つかりません。');
    if (consultation.status === 'published') throw new AppError('conflict', '結果を公表した後は資料を変更できません。');
    await trx.deleteFrom('pc_documents').where('id', '=', input.documentId).execute();
    await auditStaff(trx, input, {
      action: 'public_comment.document.removed',
      resourceType: 'consultation',
      resourceId: consultation.id,
      department: consultation.department,
      details: { documentId: input.documentId, fileName: document.fileName },
    });
    return document.fileKey;
  });
  // After the commit: a failed delete leaves an orphan file, never a row pointing at nothing.
  await deps.files.delete(fileKey).catch(() => undefined);
}
