// A resident sends an opinion through the web form or the API, with no account; name and contact are
// optional and never published. Refused with a clear reason when the consultation is not open, the text is
// empty, too long or holds control characters. Never stored twice: the same form (or Idempotency-Key) sent
// again, or the same text again from the same sender, answers with the first receipt number.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import { consultationPhase } from '../feed/phase.ts';
import { bodyLimit, contactLimit, japanToday, nameLimit, receiptNumber } from '../model.ts';
import { loadConsultation } from '../queries.ts';
import { contentHash, senderHash } from '../submission-text.ts';
import { fail, parseText } from '../validate.ts';

export interface SubmitOpinionInput {
  tenantId: string;
  consultationNumber: number;
  body: string | undefined;
  name?: string | undefined;
  contact?: string | undefined;
  /** The form token's random id, or the API's Idempotency-Key. */
  idempotencyKey?: string | undefined;
  /** Who is sending, for repeats and rate limits (the client address); kept only as a keyed hash. */
  sender: string;
  today?: string;
}

export interface SubmitOpinionResult {
  receiptNumber: string;
  /** True when this was a repeat and the first submission's receipt is returned. */
  repeated: boolean;
  consultationNumber: number;
  title: string;
}

function periodMessage(phase: string, c: { opensOn: string; closesOn: string }): string {
  if (phase === 'upcoming') return `この案への意見の募集は ${c.opensOn} から始まります。それまでお待ちください。`;
  return `この案への意見の募集は ${c.closesOn} で終了しました。御意見は受け付けられません。`;
}

export async function submitOpinion(
  deps: { db: Kysely<any>; secrets: { derive(purpose: string): Buffer } },
  input: SubmitOpinionInput,
): Promise<SubmitOpinionResult> {
  const errors: FieldError[] = [];
  const body = parseText(input.body, errors, 'body', '御意見', { required: true, max: bodyLimit });
  const name = parseText(input.name, errors, 'name', 'お名前', { max: nameLimit });
  const contact = parseText(input.contact, errors, 'contact', '連絡先', { max: contactLimit });
  if (name.includes('\n')) errors.push({ field: 'name', message: 'お名前は1行で入力してください。' });
  if (contact.includes('\n')) errors.push({ field: 'contact', message: '連絡先は1行で入力してください。' });
  const key = input.idempotencyKey?.trim() || null;
  if (key !== null && !/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key は8〜200文字の英数字・記号にしてください。');
  }
  const c = await withTenant(deps.db, input.tenantId, (trx) =>
    loadConsultation(trx, { number: input.consultationNumber }),
  );
  if (!c || c.status === 'draft') throw new AppError('not_found', 'このパブリックコメントは見つかりません。');
  const phase = consultationPhase(c, input.today ?? japanToday());
  if (phase !== 'open') throw new AppError('conflict', periodMessage(phase, c));
  if (!c.methods.includes('web'))
    throw new AppError('conflict', 'この案への意見は、インターネットでは受け付けていません。');
  if (errors.length > 0) fail(errors);

  const sender = senderHash(deps.secrets.derive('public-comment.sender'), `${input.tenantId}:${input.sender}`);
  // One person writes a few opinions; a script writes hundreds. Counted before anything is stored.
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `public-comment:${c.number}:${sender.toString('base64url')}`, limit: 10, windowSeconds: 3600 },
    { key: `public-comment:${c.number}:all`, limit: 2000, windowSeconds: 60 },
  ]);
  const hash = contentHash(body);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    // Serialise submissions to one consultation: the sequence number and the repeat check stay exact.
    await sql`select pg_advisory_xact_lock(hashtext(${`pc_submissions:${c.id}`}))`.execute(trx);
    const earlier = await trx
      .selectFrom('pc_submissions')
      .select(['id', 'seq', 'idempotency_key', 'content_hash', 'sender_hash'])
      .where('consultation_id', '=', c.id)
      .where((eb) => eb.or([eb('content_hash', '=', hash), ...(key !== null ? [eb('idempotency_key', '=', key)] : [])]))
      .orderBy('seq')
      .execute();
    const sameKey = key !== null ? earlier.find((e) => e.idempotency_key === key) : undefined;
    if (sameKey) {
      if (!hash.equals(sameKey.content_hash)) {
        throw new AppError(
          'conflict',
          '同じ送信キーで別の内容が送られました。新しい内容は新しい送信として送ってください。',
        );
      }
      return {
        receiptNumber: receiptNumber(c.number, sameKey.seq),
        repeated: true,
        consultationNumber: c.number,
        title: c.title,
      };
    }
    const sameSender = earlier.find((e) => e.sender_hash && sender.equals(e.sender_hash));
    if (sameSender) {
      return {
        receiptNumber: receiptNumber(c.number, sameSender.seq),
        repeated: true,
        consultationNumber: c.number,
        title: c.title,
      };
    }
    const { rows } = await sql<{ n: number }>`
      select coalesce(max(seq), 0) + 1 as n from pc_submissions where consultation_id = ${c.id}`.execute(trx);
    const seq = rows[0]!.n;
    await trx
      .insertInto('pc_submissions')
      .values({
        tenant_id: input.tenantId,
        consultation_id: c.id,
        seq,
        channel: 'web',
        received_on: input.today ?? japanToday(),
        body,
        name: name || null,
        contact: contact || null,
        content_hash: hash,
        sender_hash: sender,
        idempotency_key: key,
        // The same text from someone else (an organised campaign) counts as its own 通, flagged for staff.
        duplicate_of: earlier[0]?.id ?? null,
      })
      .execute();
    return {
      receiptNumber: receiptNumber(c.number, seq),
      repeated: false,
      consultationNumber: c.number,
      title: c.title,
    };
  });
}
