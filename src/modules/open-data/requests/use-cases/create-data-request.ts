// Anyone asks for a dataset, with no account: what data (title, description), what for (optional) and an
// e-mail for questions (optional, never published). Refused with a clear reason when empty, too long or
// holding control characters. Never stored twice: the same form (or Idempotency-Key) sent again, or the same
// text from the same sender within minutes, answers with the first request's number. The requester is
// counted as its first supporter.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../../platform/http/rate-limit.ts';
import { descriptionLimit, purposeLimit, titleLimit } from '../model.ts';
import { findRepeat, insertRequest, insertSupport, lockRequestCreation, nextRequestNumber } from '../queries.ts';
import { supporterHash } from '../supporter.ts';
import { contentHash, fail, parseEmail, parseIdempotencyKey, parseText, senderHash } from '../validate.ts';

/** A person who sends the same request again (a reload, a second tab) within this time means the first. */
export const repeatWindowMs = 10 * 60 * 1000;

export interface CreateDataRequestInput {
  tenantId: string;
  title: unknown;
  description: unknown;
  purpose?: unknown;
  contactEmail?: unknown;
  /** The form token's random id, or the API's Idempotency-Key. */
  idempotencyKey?: string | undefined;
  /** Who is sending (the client address), for repeats and rate limits; kept only as a keyed hash. */
  sender: string;
  /** The requester's supporter id (from the signed cookie), so their own support is recognised later. */
  supporterId?: string | undefined;
  now?: Date;
}

export interface CreateDataRequestResult {
  number: number;
  /** True when this was a repeat and the first request's number is returned. */
  repeated: boolean;
}

export async function createDataRequest(
  deps: { db: Kysely<any>; secrets: { derive(purpose: string): Buffer } },
  input: CreateDataRequestInput,
): Promise<CreateDataRequestResult> {
  const errors: FieldError[] = [];
  const title = parseText(input.title, errors, 'title', 'ほしいデータの名前', {
    required: true,
    max: titleLimit,
    oneLine: true,
  });
  const description = parseText(input.description, errors, 'description', 'データの説明', {
    required: true,
    max: descriptionLimit,
    requiredMessage: 'どのようなデータがほしいか、説明を入力してください（例: 項目、範囲、期間）。',
  });
  const purpose = parseText(input.purpose, errors, 'purpose', '使いみち', { max: purposeLimit });
  const contactEmail = parseEmail(input.contactEmail, errors, 'contactEmail', '連絡先メールアドレス');
  const key = parseIdempotencyKey(input.idempotencyKey);
  if (errors.length > 0) fail(errors);

  const now = input.now ?? new Date();
  const hash = contentHash(title, description);
  const sender = senderHash(deps.secrets.derive('open-data.request-sender'), input.tenantId, input.sender);
  const repeat = {
    idempotencyKey: key,
    contentHash: hash,
    senderHash: sender,
    since: new Date(now.getTime() - repeatWindowMs),
  };
  const answerRepeat = (earlier: { number: number; contentHash: Buffer; byKey: boolean }) => {
    if (earlier.byKey && !earlier.contentHash.equals(hash)) {
      throw new AppError(
        'conflict',
        '同じ送信キーで別の内容が送られました。新しい要望は、新しい送信として送ってください。',
      );
    }
    return { number: earlier.number, repeated: true };
  };

  // A retry is answered before the rate limit counts it: resending never locks anyone out.
  const earlier = await withTenant(deps.db, input.tenantId, (trx) => findRepeat(trx, repeat));
  if (earlier) return answerRepeat(earlier);
  // A person asks for a few datasets; a script asks for hundreds.
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `open-data-request:${sender.toString('base64url')}`, limit: 10, windowSeconds: 3600 },
    { key: 'open-data-request:all', limit: 300, windowSeconds: 60 },
  ]);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    await lockRequestCreation(trx, input.tenantId);
    const raced = await findRepeat(trx, repeat);
    if (raced) return answerRepeat(raced);
    const number = await nextRequestNumber(trx);
    const id = await insertRequest(trx, {
      tenantId: input.tenantId,
      number,
      title,
      description,
      purpose,
      contactEmail,
      contentHash: hash,
      senderHash: sender,
      idempotencyKey: key,
    });
    // Without a cookie (an API client) the requester's support is keyed to the request itself: counted
    // once, and matching no one else.
    const supporterKey = deps.secrets.derive('open-data.supporter-hash');
    await insertSupport(trx, {
      tenantId: input.tenantId,
      requestId: id,
      supporterHash: supporterHash(supporterKey, input.tenantId, input.supporterId ?? `requester:${id}`),
    });
    return { number, repeated: false };
  });
}
