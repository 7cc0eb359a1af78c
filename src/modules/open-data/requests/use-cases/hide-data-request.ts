// Anyone can post, so staff can take a request off the public list (個人情報が書かれている, 広告, 公序良俗
// に反する …) with a reason, and put it back. The request stays for staff; its public page answers 404.
// Audited in the same transaction.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../../platform/http/errors.ts';
import { auditRequestChange, type StaffActor } from '../audit.ts';
import { hiddenReasonLimit } from '../model.ts';
import { loadRequest, updateHidden } from '../queries.ts';
import { fail, parseText } from '../validate.ts';

export async function hideDataRequest(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; number: number; hide: boolean; reason?: unknown },
): Promise<void> {
  const errors: FieldError[] = [];
  const reason = input.hide
    ? parseText(input.reason, errors, 'hiddenReason', '一覧から外す理由', { required: true, max: hiddenReasonLimit })
    : null;
  if (errors.length > 0) fail(errors);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const request = await loadRequest(trx, { number: input.number }, { includeHidden: true, forUpdate: true });
    if (!request) throw new AppError('not_found', 'この要望は見つかりません。');
    if ((request.hiddenReason === null) === (reason === null)) return;
    await updateHidden(trx, request.id, reason);
    await auditRequestChange(trx, input, {
      action: input.hide ? 'open_data.request.hidden' : 'open_data.request.shown',
      requestId: request.id,
      details: { number: request.number, reason },
    });
  });
}
