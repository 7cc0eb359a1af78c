// This module's SQL. Only issuance touches `documents` and `document_counters`.
import { type Kysely, sql } from 'kysely';

export interface DocumentRecord {
  id: string;
  verificationCode: string;
  documentNumber: string;
  applicationId: string;
  receiptNumber: string;
  procedureCode: string;
  kind: string;
  title: string;
  issuer: string;
  department: string;
  recipientAccountId: string;
  recipientNameMasked: string;
  sha256: Buffer;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

/** Every column but the PDF itself, which only read-document-pdf needs. */
export const recordColumns = [
  'id',
  'verification_code',
  'document_number',
  'application_id',
  'receipt_number',
  'procedure_code',
  'kind',
  'title',
  'issuer',
  'department',
  'recipient_account_id',
  'recipient_name_masked',
  'sha256',
  'issued_at',
  'revoked_at',
  'revoked_by',
  'revoke_reason',
] as const;

export function toRecord(row: Record<string, unknown>): DocumentRecord {
  return {
    id: row.id as string,
    verificationCode: row.verification_code as string,
    documentNumber: row.document_number as string,
    applicationId: row.application_id as string,
    receiptNumber: row.receipt_number as string,
    procedureCode: row.procedure_code as string,
    kind: row.kind as string,
    title: row.title as string,
    issuer: row.issuer as string,
    department: row.department as string,
    recipientAccountId: row.recipient_account_id as string,
    recipientNameMasked: row.recipient_name_masked as string,
    sha256: row.sha256 as Buffer,
    issuedAt: row.issued_at as Date,
    revokedAt: (row.revoked_at as Date | null) ?? null,
    revokedBy: (row.revoked_by as string | null) ?? null,
    revokeReason: (row.revoke_reason as string | null) ?? null,
  };
}

export async function findDocument(
  trx: Kysely<any>,
  by: { id: string } | { applicationId: string } | { verificationCode: string } | { sha256: Buffer },
): Promise<DocumentRecord | undefined> {
  let query = trx.selectFrom('documents').select([...recordColumns]);
  if ('id' in by) query = query.where('id', '=', by.id);
  else if ('applicationId' in by) query = query.where('application_id', '=', by.applicationId);
  else if ('verificationCode' in by) query = query.where('verification_code', '=', by.verificationCode);
  else query = query.where('sha256', '=', by.sha256);
  const row = await query.executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** 文書番号 `2026-000001`: the next number of this tenant's year, taken under the counter row's lock. */
export async function nextDocumentNumber(trx: Kysely<any>, tenantId: string, year: number): Promise<string> {
  const row = await trx
    .insertInto('document_counters')
    .values({ tenant_id: tenantId, year, last: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last: sql`document_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last).padStart(6, '0')}`;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
