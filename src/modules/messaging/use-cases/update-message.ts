// Staff change a draft before sending it: the same checks as composing (every channel's limits, the
// segment), and only while it is a draft; a message scheduled or sent stays as it was approved.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditMessaging, type MessagingActor } from '../audit.ts';
import { parseSegment, type Segment } from '../delivery/segment.ts';
import { bodyLimit, type MessageFields, titleLimit } from './create-message.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (other than tab and newline) are refused
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const n = (value: number) => value.toLocaleString('ja-JP');

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
      message: `${label}は${n(limit)}文字以内にしてください（LINE の上限）。いま${n(v.length)}文字です（絵文字は2文字に数えます）。`,
    });
  } else if (controlCharacters.test(v)) errors.push({ field, message: `${label}に使えない制御文字が含まれています。` });
  return v;
}

export interface CheckedMessage {
  title: string;
  bodyJa: string;
  bodyEasy: string;
  bodyEn: string;
  urgent: boolean;
  segment: Segment;
}

/** A message's fields checked as createMessage checks them; every problem is named at once. */
export function checkMessageFields(f: MessageFields): { errors: FieldError[]; value: CheckedMessage } {
  const errors: FieldError[] = [];
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
      errors.push({ field, message: `件名と本文を合わせて${n(bodyLimit)}文字以内にしてください（LINE の上限）。` });
    }
  }
  const segment = parseSegment(f.segment ?? {});
  errors.push(...segment.errors);
  return { errors, value: { title, bodyJa, bodyEasy, bodyEn, urgent: f.urgent ?? false, segment: segment.value } };
}

export async function updateMessage(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: MessagingActor; messageId: string; fields: MessageFields },
): Promise<{ id: string }> {
  const { errors, value } = checkMessageFields(input.fields);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const message = await trx
      .selectFrom('msg_messages')
      .select(['id', 'status', 'kind'])
      .where('id', '=', input.messageId)
      .forUpdate()
      .executeTakeFirst();
    if (!message) throw new AppError('not_found', 'お知らせが見つかりません。');
    if (message.status !== 'draft' || message.kind !== 'segment') {
      throw new AppError(
        'conflict',
        '下書きのお知らせだけ変更できます。予約や配信を済ませたお知らせは変更できません。',
      );
    }
    await trx
      .updateTable('msg_messages')
      .set({
        title: value.title,
        body_ja: value.bodyJa,
        body_easy: value.bodyEasy || null,
        body_en: value.bodyEn || null,
        segment: JSON.stringify(value.segment),
        urgent: value.urgent,
      })
      .where('id', '=', message.id)
      .execute();
    await auditMessaging(trx, input, {
      action: 'messaging.message.updated',
      resourceId: message.id,
      details: { title: value.title },
    });
    return { id: message.id };
  });
}
