// One request as staff see it: hidden or not, with the requester's e-mail only when the caller says the
// staff member may read personal data (the route asks the policy decision point first).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import type { StaffDataRequest } from '../model.ts';
import { loadRequest } from '../queries.ts';

export async function getStaffDataRequest(
  deps: { db: Kysely<any> },
  input: { tenantId: string; number: number; withContact: boolean },
): Promise<StaffDataRequest> {
  const request = await withTenant(deps.db, input.tenantId, (trx) =>
    loadRequest(trx, { number: input.number }, { includeHidden: true }),
  );
  if (!request) throw new AppError('not_found', 'この要望は見つかりません。');
  return input.withContact ? request : { ...request, contactEmail: null };
}
