// One notice in a resident's inbox, marked read as it is opened (once: the first reading's time stays).
// Another account's notice, or an id that is not one, is "not found" — never "not yours".
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';

export interface InboxMessage {
  messageId: string;
  title: string;
  body: string;
  receivedAt: Date;
  /** When it was first read (now, if this is the first time). */
  readAt: Date;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readInboxMessage(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; messageId: string },
): Promise<InboxMessage> {
  const notFound = () => new AppError('not_found', 'お知らせが見つかりません。');
  if (!uuid.test(input.messageId)) throw notFound();
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .updateTable('msg_inbox')
      .set({ read_at: sql`coalesce(read_at, now())` })
      .where('account_id', '=', input.accountId)
      .where('message_id', '=', input.messageId)
      .returning(['message_id', 'title', 'body', 'created_at', 'read_at'])
      .executeTakeFirst(),
  );
  if (!row) throw notFound();
  return {
    messageId: row.message_id,
    title: row.title,
    body: row.body,
    receivedAt: row.created_at,
    readAt: row.read_at,
  };
}
