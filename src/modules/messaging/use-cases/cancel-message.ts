// Staff withdraw a message before it goes out: a draft they no longer need, or a scheduled one (the
// scheduled start then finds it cancelled and sends nothing). Once delivery has started it cannot be
// withdrawn. Cancelling twice is the same as once.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditMessaging, type MessagingActor } from '../audit.ts';

export async function cancelMessage(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: MessagingActor; messageId: string },
): Promise<{ status: 'cancelled' }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    // The lock orders this against a scheduled start running at the same moment.
    const message = await trx
      .selectFrom('msg_messages')
      .select(['id', 'status', 'kind'])
      .where('id', '=', input.messageId)
      .forUpdate()
      .executeTakeFirst();
    if (!message) throw new AppError('not_found', 'お知らせが見つかりません。');
    if (message.status === 'cancelled') return { status: 'cancelled' };
    if (message.status !== 'draft' && message.status !== 'scheduled') {
      throw new AppError('conflict', '配信を始めたお知らせは取り消せません。');
    }
    await trx.updateTable('msg_messages').set({ status: 'cancelled' }).where('id', '=', message.id).execute();
    await auditMessaging(trx, input, {
      action: 'messaging.message.cancelled',
      resourceId: message.id,
      details: { was: message.status },
    });
    return { status: 'cancelled' };
  });
}
