// The delivery report staff read after sending: per channel, how many were sent, failed, blocked,
// unsubscribed or gone, and how many are still waiting.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';

export interface DeliveryReport {
  status: string;
  audience: number;
  byChannel: Record<string, Record<string, number>>;
}

export async function deliveryReport(
  deps: { db: Kysely<any> },
  input: { tenantId: string; messageId: string },
): Promise<DeliveryReport> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const message = await trx
      .selectFrom('msg_messages')
      .select(['status', 'audience'])
      .where('id', '=', input.messageId)
      .executeTakeFirst();
    if (!message) throw new AppError('not_found', 'お知らせが見つかりません。');
    const rows = await sql<{ channel: string; status: string; n: string }>`
      select channel, status, count(*) as n from msg_deliveries where message_id = ${input.messageId}::uuid
      group by channel, status`.execute(trx);
    const byChannel: Record<string, Record<string, number>> = {};
    for (const r of rows.rows) byChannel[r.channel] = { ...(byChannel[r.channel] ?? {}), [r.status]: Number(r.n) };
    return { status: message.status, audience: message.audience ?? 0, byChannel };
  });
}
