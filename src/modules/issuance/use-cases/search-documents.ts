// The staff list: documents of the staff member's departments, newest first, or the one with a 確認コード.
import { withTenant } from '../../../platform/db/tenant.ts';
import { parseVerificationCode } from '../code.ts';
import type { IssuanceDeps } from '../deps.ts';
import { type DocumentRecord, recordColumns, toRecord } from '../queries.ts';

export interface SearchDocumentsInput {
  tenantId: string;
  departments: string[];
  /** A 確認コード or 文書番号, as typed. */
  query?: string;
  limit?: number;
}

export async function searchDocuments(
  deps: Pick<IssuanceDeps, 'db'>,
  input: SearchDocumentsInput,
): Promise<DocumentRecord[]> {
  if (input.departments.length === 0) return [];
  const typed = input.query?.trim() ?? '';
  const code = typed ? parseVerificationCode(typed) : undefined;
  const rows = await withTenant(deps.db, input.tenantId, (trx) => {
    let query = trx
      .selectFrom('documents')
      .select([...recordColumns])
      .where('department', 'in', input.departments)
      .orderBy('issued_at', 'desc')
      .limit(input.limit ?? 100);
    if (typed) {
      query = query.where((eb) =>
        eb.or([eb('document_number', '=', typed), ...(code ? [eb('verification_code', '=', code)] : [])]),
      );
    }
    return query.execute();
  });
  return rows.map(toRecord);
}
