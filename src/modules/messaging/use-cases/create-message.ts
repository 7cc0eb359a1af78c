// Staff compose a message (ja, and optionally やさしい日本語 and English) for a segment. It is a draft until
// sent; the limits of every channel it may go to are checked now, so nothing is refused halfway.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditMessaging, type MessagingActor } from '../audit.ts';
import { parseSegment, type SegmentInput } from '../delivery/segment.ts';

/** The strictest text limit of the channels: a LINE text message holds 5,000 characters, counted in UTF-16 units as LINE counts them. */
export const bodyLimit = 5000;
export const titleLimit = 100;

export interface MessageFields {
  title?: string;
  bodyJa?: string;
  bodyEasy?: string;
  bodyEn?: string;
  urgent?: boolean;
  segment?: SegmentInput;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (other than tab and newline) are refused
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(
  value: string | undefined,
  field: string,
  label: string,
  limit: number,
  required: boolean,
  errors: FieldError[],
) {
  const v = (value ?? '').normalize('NFC').trim();
  if (required && v === '') errors.push({ field, message: `${label}を入力してください。` });
  else if (v.length > limit) {
    errors.push({
      field,
      message: `${label}は${limit.toLocaleString('ja-JP')}文字以内にしてください（LINE の上限）。いま${v.length.toLocaleString('ja-JP')}文字です（絵文字は2文字に数えます）。`,
    });
  } else if (controlCharacters.test(v)) errors.push({ field, message: `${label}に使えない制御文字が含まれています。` });
  return v;
}

export async function createMessage(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: MessagingActor; fields: MessageFields },
): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const f = input.fields;
  const title = text(f.title, 'title', '件名', titleLimit, true, errors);
  const bodyJa = text(f.bodyJa, 'bodyJa', '本文（日本語）', bodyLimit, true, errors);
  const bodyEasy = text(f.bodyEasy, 'bodyEasy', '本文（やさしい日本語）', bodyLimit, false, errors);
  const bodyEn = text(f.bodyEn, 'bodyEn', '本文（英語）', bodyLimit, false, errors);
  // What LINE receives is the title, a blank line and the body: all of it within LINE's 5,000 (UTF-16 units).
  for (const [field, body] of [
    ['bodyJa', bodyJa],
    ['bodyEasy', bodyEasy],
    ['bodyEn', bodyEn],
  ] as const) {
    if (body && body.length <= bodyLimit && title.length + 2 + body.length > bodyLimit) {
      errors.push({
        field,
        message: `件名と本文を合わせて${bodyLimit.toLocaleString('ja-JP')}文字以内にしてください（LINE の上限）。`,
      });
    }
  }
  const segment = parseSegment(f.segment ?? {});
  errors.push(...segment.errors);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .insertInto('msg_messages')
      .values({
        tenant_id: input.tenantId,
        title,
        body_ja: bodyJa,
        body_easy: bodyEasy || null,
        body_en: bodyEn || null,
        segment: JSON.stringify(segment.value),
        urgent: f.urgent ?? false,
        created_by: input.actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditMessaging(trx, input, { action: 'messaging.message.created', resourceId: row.id, details: { title } });
    return { id: row.id as string };
  });
}
