// One document's record (no PDF), for the staff page; the route authorizes by its department.
import { withTenant } from '../../../platform/db/tenant.ts';
import type { IssuanceDeps } from '../deps.ts';
import { type DocumentRecord, findDocument, uuidPattern } from '../queries.ts';

export async function getDocument(
  deps: Pick<IssuanceDeps, 'db'>,
  input: { tenantId: string; documentId: string },
): Promise<DocumentRecord | undefined> {
  if (!uuidPattern.test(input.documentId)) return undefined;
  return withTenant(deps.db, input.tenantId, (trx) => findDocument(trx, { id: input.documentId }));
}
