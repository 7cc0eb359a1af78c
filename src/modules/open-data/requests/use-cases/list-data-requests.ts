// The public list at /open-data/requests and GET /api/v1/open-data/requests: requests not taken off the
// list, newest first or most supported first, optionally of one status, a page at a time, with how many
// there are in each status.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import type { Page, PublicDataRequest, RequestSort, RequestStatus } from '../model.ts';
import { countByStatus, listRequests } from '../queries.ts';
import { toPublic } from './get-data-request.ts';

export const pageSize = 20;

export interface ListDataRequestsInput {
  tenantId: string;
  status?: RequestStatus | undefined;
  sort: RequestSort;
  limit?: number;
  offset?: number;
}

export async function listDataRequests(
  deps: { db: Kysely<any> },
  input: ListDataRequestsInput,
): Promise<Page<PublicDataRequest> & { counts: Record<RequestStatus, number> }> {
  const limit = Math.min(Math.max(input.limit ?? pageSize, 1), 100);
  const offset = Math.max(input.offset ?? 0, 0);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const { items, total } = await listRequests(trx, {
      status: input.status,
      sort: input.sort,
      includeHidden: false,
      limit,
      offset,
    });
    const counts = await countByStatus(trx, { includeHidden: false });
    return { items: items.map(toPublic), total, limit, offset, counts };
  });
}
