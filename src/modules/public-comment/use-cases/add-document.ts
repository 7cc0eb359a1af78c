// Staff attach the plan under consultation (PDF or HTML) so residents can read it before they write.
// PDFs are checked by content, not by name; HTML must be UTF-8 text. Either way the file is stored under
// a key of ours, never under the uploaded name.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FileStorage } from '../../../platform/files/index.ts';
import { createBuiltinScanner } from '../../../platform/files/index.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadConsultation, nextDocumentPosition } from '../queries.ts';
import { fail, hasBadText, parseText } from '../validate.ts';

/** Plans run long; 30 MB holds a 300-page PDF with figures. */
export const documentLimitBytes = 30 * 1024 * 1024;

const pdfScanner = createBuiltinScanner(['application/pdf']);

function typeOf(name: string, declared: string): 'application/pdf' | 'text/html' | undefined {
  const type = declared.toLowerCase().split(';')[0]!.trim();
  if (type === 'application/pdf' || /\.pdf$/i.test(name)) return 'application/pdf';
  if (type === 'text/html' || /\.html?$/i.test(name)) return 'text/html';
  return undefined;
}

export async function addDocument(
  deps: { db: Kysely<any>; files: FileStorage },
  input: {
    tenantId: string;
    actor: StaffActor;
    consultationId: string;
    title: string | undefined;
    file: { filename: string; mimetype: string; data: Buffer } | undefined;
  },
): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const title = parseText(input.title, errors, 'documentTitle', '資料名', { required: true, max: 200 });
  const file = input.file;
  const contentType = file ? typeOf(file.filename, file.mimetype) : undefined;
  if (!file || file.data.length === 0) {
    errors.push({ field: 'documentFile', message: '資料のファイル（PDF または HTML）を選んでください。' });
  } else if (!contentType) {
    errors.push({ field: 'documentFile', message: `「${file.filename}」は PDF または HTML ではありません。` });
  } else if (file.data.length > documentLimitBytes) {
    errors.push({ field: 'documentFile', message: `資料は${documentLimitBytes / 1024 / 1024}MB以内にしてください。` });
  } else if (contentType === 'application/pdf') {
    const scan = await pdfScanner.scan(file.data, { declaredType: contentType, name: file.filename });
    if (!scan.ok) errors.push({ field: 'documentFile', message: scan.message });
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file.data);
    if (text.includes('\uFFFD') || hasBadText(text)) {
      errors.push({
        field: 'documentFile',
        message: `「${file.filename}」は UTF-8 の HTML として読めません。文字コードを確かめてください。`,
      });
    }
  }
  if (errors.length > 0) fail(errors);
  const id = randomUUID();
  const stored = await deps.files.put(`${input.tenantId}/public-comment/${id}`, file!.data, {
    contentType: contentType!,
  });
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const consultation = await loadConsultation(trx, { id: input.consultationId }, { forUpdate: true });
    if (!consultation) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    if (consultation.status === 'published') throw new AppError('conflict', '結果を公表した後は資料を変更できません。');
    await trx
      .insertInto('pc_documents')
      .values({
        tenant_id: input.tenantId,
        id,
        consultation_id: consultation.id,
        title,
        file_key: stored.key,
        file_name: file!.filename.slice(0, 200),
        content_type: contentType!,
        size: stored.bytes,
        sha256: stored.sha256,
        position: await nextDocumentPosition(trx, consultation.id),
      })
      .execute();
    await auditStaff(trx, input, {
      action: 'public_comment.document.added',
      resourceType: 'consultation',
      resourceId: consultation.id,
      department: consultation.department,
      details: { documentId: id, title, sha256: stored.sha256 },
    });
  });
  return { id };
}
