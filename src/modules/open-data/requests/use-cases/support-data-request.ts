// Someone presses 「このデータを希望する（賛同）」: one support per person and request. The person is the
// signed cookie's id; a second press answers "already supported" and changes nothing. Clearing cookies
// makes a new person, so supports from one address are also limited (a household or an office shares an
// address, so the limit is generous, but a script's flood stops quickly).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../../platform/http/rate-limit.ts';
import { acceptsSupport, type RequestStatus } from '../model.ts';
import { hasSupport, insertSupport, loadRequest } from '../queries.ts';
import { supporterHash } from '../supporter.ts';
import { senderHash } from '../validate.ts';

function closed(status: RequestStatus): AppError {
  return new AppError(
    'conflict',
    status === 'published'
      ? 'このデータはすでに公開されたため、賛同の受付を終えました。'
      : 'この要望には市が回答したため、賛同の受付を終えました。',
  );
}

export interface SupportDataRequestInput {
  tenantId: string;
  number: number;
  /** The id from the signed supporter cookie. */
  supporterId: string;
  /** The client address, for the rate limit; kept only as a keyed hash. */
  sender: string;
}

export async function supportDataRequest(
  deps: { db: Kysely<any>; secrets: { derive(purpose: string): Buffer } },
  input: SupportDataRequestInput,
): Promise<{ supported: boolean; supportCount: number }> {
  const supporter = supporterHash(deps.secrets.derive('open-data.supporter-hash'), input.tenantId, input.supporterId);
  const found = await withTenant(deps.db, input.tenantId, async (trx) => {
    const request = await loadRequest(trx, { number: input.number }, { includeHidden: false });
    return request && { request, already: await hasSupport(trx, request.id, supporter) };
  });
  if (!found) throw new AppError('not_found', 'この要望は見つかりません。');
  // A second press is an answer, not an error, and does not count against the limit.
  if (found.already) return { supported: false, supportCount: found.request.supportCount };
  if (!acceptsSupport(found.request.status)) throw closed(found.request.status);
  const address = senderHash(deps.secrets.derive('open-data.request-sender'), input.tenantId, input.sender);
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `open-data-support:${input.number}:${address.toString('base64url')}`, limit: 10, windowSeconds: 86400 },
    { key: `open-data-support:${address.toString('base64url')}`, limit: 60, windowSeconds: 3600 },
  ]);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const request = await loadRequest(trx, { id: found.request.id }, { includeHidden: false, forUpdate: true });
    if (!request) throw new AppError('not_found', 'この要望は見つかりません。');
    if (!acceptsSupport(request.status)) throw closed(request.status);
    const supported = await insertSupport(trx, {
      tenantId: input.tenantId,
      requestId: request.id,
      supporterHash: supporter,
    });
    return { supported, supportCount: request.supportCount + (supported ? 1 : 0) };
  });
}
