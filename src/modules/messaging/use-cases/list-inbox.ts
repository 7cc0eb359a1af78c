// A resident's in-app inbox (アプリのお知らせ): what the city sent their account, newest first, with how many
// are still unread. Only the account's own rows: the key starts with the account.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface InboxItem {
  messageId: string;
  title: string;
  receivedAt: Date;
  readAt: Date | null;
}

export async function listInbox(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; limit?: number },
): Promise<{ items: InboxItem[]; total: number; unread: number }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('msg_inbox')
      .select(['message_id', 'title', 'created_at', 'read_at'])
      .where('account_id', '=', input.accountId)
      .orderBy('created_at', 'desc')
      .orderBy('message_id')
      .limit(input.limit ?? 200)
      .execute();
    const counts = await trx
      .selectFrom('msg_inbox')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where read_at is null)::int`.as('unread'),
      ])
      .where('account_id', '=', input.accountId)
      .executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        messageId: r.message_id,
        title: r.title,
        receivedAt: r.created_at,
        readAt: r.read_at,
      })),
      total: counts.total,
      unread: counts.unread,
    };
  });
}
