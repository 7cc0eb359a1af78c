// Staff compose a message (ja, and optionally やさしい日本語 and English) for a segment. It is a draft until
// sent; the limits of every channel it may go to are checked now, so nothing is refused halfway.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditMessaging, type MessagingActor } from '../audit.ts';
import { checkMessageFields, type MessageFields } from './message-fields.ts';

export { bodyLimit, type MessageFields, titleLimit } from './message-fields.ts';

export async function createMessage(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: MessagingActor; fields: MessageFields },
): Promise<{ id: string }> {
  const { errors, value } = checkMessageFields(input.fields);
  const { title, bodyJa, bodyEasy, bodyEn, segment } = value;
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
        segment: JSON.stringify(segment),
        urgent: value.urgent,
        created_by: input.actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditMessaging(trx, input, { action: 'messaging.message.created', resourceId: row.id, details: { title } });
    return { id: row.id as string };
  });
}
