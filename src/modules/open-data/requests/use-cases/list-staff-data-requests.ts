// The staff list at /staff/open-data/requests: every request, hidden ones included and marked, most
// supported first by default (what residents want most is answered first), with counts per status.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import type { Page, RequestSort, RequestStatus, StaffDataRequest } from '../model.ts';
import { countByStatus, listRequests } from '../queries.ts';

export async function listStaffDataRequests(
  deps: { db: Kysely<any> },
  input: { tenantId: string; status?: RequestStatus | undefined; sort: RequestSort; limit?: number; offset?: number },
): Promise<Page<StaffDataRequest> & { counts: Record<RequestStatus, number> }> {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const offset = Math.max(input.offset ?? 0, 0);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const { items, total } = await listRequests(trx, {
      status: input.status,
      sort: input.sort,
      includeHidden: true,
      limit,
      offset,
    });
    const counts = await countByStatus(trx, { includeHidden: true });
    // The e-mail is personal data and the list is not where it is read: only the detail page shows it.
    return { items: items.map((r) => ({ ...r, contactEmail: null })), total, limit, offset, counts };
  });
}
