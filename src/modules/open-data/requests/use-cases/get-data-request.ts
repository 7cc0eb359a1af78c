// One request as anyone sees it (/open-data/requests/:number and the API): never the requester's e-mail,
// never one staff took off the list (404), and whether the person looking has already supported it.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import type { PublicDataRequest, StaffDataRequest } from '../model.ts';
import { hasSupport, loadRequest } from '../queries.ts';
import { supporterHash } from '../supporter.ts';

/** The public fields only, so nothing personal can slip into a page or the API by a spread. */
export function toPublic(r: StaffDataRequest): PublicDataRequest {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    description: r.description,
    purpose: r.purpose,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answeredAt,
    dataset: r.dataset,
    supportCount: r.supportCount,
    createdAt: r.createdAt,
  };
}

export async function getDataRequest(
  deps: { db: Kysely<any>; secrets: { derive(purpose: string): Buffer } },
  input: { tenantId: string; number: number; supporterId?: string | undefined },
): Promise<{ request: PublicDataRequest; supportedByViewer: boolean }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const request = await loadRequest(trx, { number: input.number }, { includeHidden: false });
    if (!request) throw new AppError('not_found', 'この要望は見つかりません。');
    const supportedByViewer =
      input.supporterId !== undefined &&
      (await hasSupport(
        trx,
        request.id,
        supporterHash(deps.secrets.derive('open-data.supporter-hash'), input.tenantId, input.supporterId),
      ));
    return { request: toPublic(request), supportedByViewer };
  });
}
