// The PDF of one document with the facts its route needs to decide who may have it.
import { withTenant } from '../../../platform/db/tenant.ts';
import type { IssuanceDeps } from '../deps.ts';
import { uuidPattern } from '../queries.ts';

export interface DocumentPdf {
  pdf: Buffer;
  title: string;
  documentNumber: string;
  department: string;
  recipientAccountId: string;
  revokedAt: Date | null;
}

export async function readDocumentPdf(
  deps: Pick<IssuanceDeps, 'db'>,
  input: { tenantId: string; documentId: string },
): Promise<DocumentPdf | undefined> {
  if (!uuidPattern.test(input.documentId)) return undefined;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('documents')
      .select(['pdf', 'title', 'document_number', 'department', 'recipient_account_id', 'revoked_at'])
      .where('id', '=', input.documentId)
      .executeTakeFirst(),
  );
  if (!row) return undefined;
  return {
    pdf: row.pdf as Buffer,
    title: row.title as string,
    documentNumber: row.document_number as string,
    department: row.department as string,
    recipientAccountId: row.recipient_account_id as string,
    revokedAt: (row.revoked_at as Date | null) ?? null,
  };
}
