// Staff change a draft before sending it: the same checks as composing (every channel's limits, the
// segment), and only while it is a draft; a message scheduled or sent stays as it was approved.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditMessaging, type MessagingActor } from '../audit.ts';
import { checkMessageFields, type MessageFields } from './message-fields.ts';

export { type CheckedMessage, checkMessageFields } from './message-fields.ts';

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
