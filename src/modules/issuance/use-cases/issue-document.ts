// 交付: fill the procedure's document template, lay it out as a PDF, sign it with the city's key and
// record it. Idempotent per application: the job that calls this may run twice, and a second call returns
// the first document (the advisory lock makes two concurrent calls wait for each other).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { toWareki } from '../../../platform/ja/wareki.ts';
import type { DocumentTemplate } from '../../procedures/definition.ts';
import { formatVerificationCode, newVerificationCode } from '../code.ts';
import type { IssuanceDeps } from '../deps.ts';
import { type DocumentIssuedData, documentIssued } from '../events.ts';
import { codeInfoKey, renderDocument } from '../pdf/render-document.ts';
import { signPdf } from '../pdf/sign-pdf.ts';
import { findDocument, nextDocumentNumber } from '../queries.ts';
import { fillTemplate, MissingValuesError, maskName } from '../template.ts';

export interface IssueDocumentInput {
  tenantId: string;
  applicationId: string;
  receiptNumber: string;
  procedureCode: string;
  department: string;
  recipientAccountId: string;
  template: DocumentTemplate;
  /** Placeholder values, already resolved and formatted; `case.applicantName` also names the recipient. */
  values: Record<string, string>;
  /** Origin for the QR code; the configured PUBLIC_URL otherwise. */
  publicBaseUrl?: string;
}

export interface IssuedDocument {
  documentId: string;
  verificationCode: string;
}

const yearInJapan = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', year: 'numeric' });

function required(input: IssueDocumentInput): void {
  const fields = ['applicationId', 'receiptNumber', 'procedureCode', 'department', 'recipientAccountId'] as const;
  const missing = fields.filter((f) => typeof input[f] !== 'string' || input[f].trim() === '' || input[f].length > 200);
  if (missing.length > 0) {
    throw new AppError('validation_failed', `交付に必要な項目がありません: ${missing.join(', ')}`, {
      errors: missing.map((field) => ({ field, message: `${field} を指定してください。` })),
    });
  }
}

export async function issueDocument(deps: IssuanceDeps, input: IssueDocumentInput): Promise<IssuedDocument> {
  required(input);
  const existing = await withTenant(deps.db, input.tenantId, (trx) =>
    findDocument(trx, { applicationId: input.applicationId }),
  );
  if (existing) return { documentId: existing.id, verificationCode: existing.verificationCode };

  let filled: ReturnType<typeof fillTemplate>;
  try {
    filled = fillTemplate(input.template, input.values);
  } catch (error) {
    if (error instanceof MissingValuesError) throw new AppError('validation_failed', error.message);
    throw error;
  }
  const base = (input.publicBaseUrl ?? deps.publicBaseUrl).replace(/\/+$/, '');

  return withTenant(deps.db, input.tenantId, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`issuance:${input.applicationId}`}, 0))`.execute(trx);
    const again = await findDocument(trx, { applicationId: input.applicationId });
    if (again) return { documentId: again.id, verificationCode: again.verificationCode };

    const tenant = await trx
      .selectFrom('tenants')
      .select('name_ja')
      .where('id', '=', input.tenantId)
      .executeTakeFirstOrThrow();
    const key = await deps.keys.forTenant(input.tenantId, tenant.name_ja);
    const issuedAt = new Date();
    const verificationCode = newVerificationCode();
    const documentNumber = await nextDocumentNumber(trx, input.tenantId, Number(yearInJapan.format(issuedAt)));
    const doc = await renderDocument({
      ...filled,
      cityName: tenant.name_ja,
      documentNumber,
      issuedOn: toWareki(issuedAt).text,
      receiptNumber: input.receiptNumber,
      verificationCode,
      verifyUrl: `${base}/verify/${formatVerificationCode(verificationCode)}`,
    });
    // The code goes into the signature dictionary too: one damaged copy still leaves the record findable.
    const pdf = await signPdf(doc, key, {
      reason: `${filled.title}の交付`,
      location: tenant.name_ja,
      signedAt: issuedAt,
      marker: { key: codeInfoKey, value: verificationCode },
    });
    const row = await trx
      .insertInto('documents')
      .values({
        tenant_id: input.tenantId,
        verification_code: verificationCode,
        document_number: documentNumber,
        application_id: input.applicationId,
        receipt_number: input.receiptNumber,
        procedure_code: input.procedureCode,
        kind: filled.kind,
        title: filled.title,
        issuer: filled.issuer,
        department: input.department,
        recipient_account_id: input.recipientAccountId,
        recipient_name_masked: maskName(input.values['case.applicantName'] ?? ''),
        sha256: createHash('sha256').update(pdf).digest(),
        pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength),
        issued_at: issuedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const documentId = row.id as string;
    await appendAudit(trx, {
      tenantId: input.tenantId,
      actor: 'system',
      actorKind: 'system',
      onBehalfOf: input.recipientAccountId,
      action: 'document.issue',
      resourceType: 'document',
      resourceId: documentId,
      department: input.department,
      dataClass: 'personal',
      decision: 'allow',
      details: { applicationId: input.applicationId, documentNumber, procedureCode: input.procedureCode },
    });
    const data: DocumentIssuedData = {
      applicationId: input.applicationId,
      documentId,
      verificationCode,
      title: filled.title,
    };
    await deps.events.emit(trx, {
      tenantId: input.tenantId,
      type: documentIssued,
      subjectType: 'document',
      subjectId: documentId,
      department: input.department,
      data: { ...data },
    });
    return { documentId, verificationCode };
  });
}
