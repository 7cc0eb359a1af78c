// The messages staff see on /staff/messages, newest first: segment messages they composed and personal
// notices the city sent, each with its status, audience and when it was made, scheduled and started.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export type MessageStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

export interface ListedMessage {
  id: string;
  title: string;
  kind: 'segment' | 'personal';
  status: MessageStatus;
  urgent: boolean;
  /** Deliveries planned when it was sent; null before. */
  audience: number | null;
  createdAt: Date;
  scheduledAt: Date | null;
  startedAt: Date | null;
}

export async function listMessages(
  deps: { db: Kysely<any> },
  input: { tenantId: string; page: number; pageSize: number },
): Promise<{ items: ListedMessage[]; count: number }> {
  const page = Math.max(1, Math.floor(input.page) || 1);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('msg_messages')
      .select([
        'id',
        'title',
        'kind',
        'status',
        'urgent',
        'audience',
        'created_at',
        'scheduled_at',
        'started_at',
        sql<string>`count(*) over ()`.as('total'),
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(input.pageSize)
      .offset((page - 1) * input.pageSize)
      .execute();
    // Past the last page the window count is missing: count on its own.
    const count = rows[0]
      ? Number(rows[0].total)
      : Number(
          (await trx.selectFrom('msg_messages').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
        );
    return {
      count,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        status: r.status,
        urgent: r.urgent,
        audience: r.audience,
        createdAt: r.created_at,
        scheduledAt: r.scheduled_at,
        startedAt: r.started_at,
      })),
    };
  });
}
