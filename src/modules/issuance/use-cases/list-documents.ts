// The documents issued to a resident (for their page) or for given applications, newest first.
import { withTenant } from '../../../platform/db/tenant.ts';
import type { IssuanceDeps } from '../deps.ts';
import { recordColumns, toRecord } from '../queries.ts';

export interface DocumentSummary {
  id: string;
  applicationId: string;
  verificationCode: string;
  documentNumber: string;
  title: string;
  procedureCode: string;
  department: string;
  issuedAt: Date;
  revokedAt: Date | null;
  /** Where the recipient downloads it. */
  href: string;
}

export interface DocumentsForInput {
  tenantId: string;
  recipientAccountId?: string;
  applicationIds?: string[];
}

export async function documentsFor(
  deps: Pick<IssuanceDeps, 'db'>,
  input: DocumentsForInput,
): Promise<DocumentSummary[]> {
  // Never every document of the city: one of the two filters is required.
  if (input.recipientAccountId === undefined && !input.applicationIds?.length) return [];
  const rows = await withTenant(deps.db, input.tenantId, (trx) => {
    let query = trx
      .selectFrom('documents')
      .select([...recordColumns])
      .orderBy('issued_at', 'desc')
      .limit(500);
    if (input.recipientAccountId !== undefined)
      query = query.where('recipient_account_id', '=', input.recipientAccountId);
    if (input.applicationIds?.length) query = query.where('application_id', 'in', input.applicationIds);
    return query.execute();
  });
  return rows.map(toRecord).map((r) => ({
    id: r.id,
    applicationId: r.applicationId,
    verificationCode: r.verificationCode,
    documentNumber: r.documentNumber,
    title: r.title,
    procedureCode: r.procedureCode,
    department: r.department,
    issuedAt: r.issuedAt,
    revokedAt: r.revokedAt,
    href: `/documents/${r.id}.pdf`,
  }));
}
