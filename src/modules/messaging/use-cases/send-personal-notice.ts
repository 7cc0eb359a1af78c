// A notice for particular residents (eligibility outreach, an application's status): it goes to each
// one's in-app inbox and to the channels they allow personal notices on (LINE linked by code, confirmed
// e-mail, Web Push). Runs inside the caller's transaction, so the notice is planned only if the change that
// caused it commits. `source` names the cause; the same source twice sends nothing more.
import { type Kysely, sql } from 'kysely';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { planDelivery } from '../delivery/plan-delivery.ts';
import { parseSegment } from '../delivery/segment.ts';
import { japanYear } from './audience-size.ts';
import { enqueueBatches } from './start-delivery.ts';

export interface PersonalNotice {
  tenantId: string;
  /** What caused it, unique per tenant: e.g. `eligibility:jido-teate@1:1234`. */
  source: string;
  title: string;
  bodyJa: string;
  bodyEasy?: string | undefined;
  bodyEn?: string | undefined;
  /** Accounts to tell, each with an optional note of why it concerns them (shown in their inbox). */
  recipients: { accountId: string; note?: string | undefined }[];
  /** Who decided it is sent: a staff account, or 'system' for an approved rule on an event. */
  approvedBy: string;
}

export async function sendPersonalNotice(
  deps: { jobs: Jobs },
  trx: Kysely<any>,
  notice: PersonalNotice,
): Promise<{ messageId: string | undefined; created: boolean; deliveries: number }> {
  const recipients = [...new Map(notice.recipients.map((r) => [r.accountId, r])).values()];
  if (recipients.length === 0) return { messageId: undefined, created: false, deliveries: 0 };
  const inserted = await sql<{ id: string }>`
    insert into msg_messages (tenant_id, title, body_ja, body_easy, body_en, segment, kind, source, status,
      created_by, approved_by, started_at)
    values (${notice.tenantId}, ${notice.title.slice(0, 100)}, ${notice.bodyJa}, ${notice.bodyEasy ?? null},
      ${notice.bodyEn ?? null}, ${JSON.stringify(parseSegment({}).value)}::jsonb, 'personal', ${notice.source},
      'sending', ${notice.approvedBy}, ${notice.approvedBy}, now())
    on conflict (tenant_id, source) where source is not null do nothing
    returning id`.execute(trx);
  const messageId = inserted.rows[0]?.id;
  if (!messageId) return { messageId: undefined, created: false, deliveries: 0 };
  await trx
    .insertInto('msg_message_accounts')
    .values(
      recipients.map((r) => ({
        tenant_id: notice.tenantId,
        message_id: messageId,
        account_id: r.accountId,
        note: r.note?.slice(0, 1000) ?? null,
      })),
    )
    .execute();
  // Every resident account has an inbox; it cannot be turned off (it is the record of what the city said).
  await trx
    .insertInto('msg_subscribers')
    .values(
      recipients.map((r) => ({
        tenant_id: notice.tenantId,
        channel: 'inbox',
        address: r.accountId,
        account_id: r.accountId,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'address']).doNothing())
    .execute();
  const planned = await planDelivery(trx, {
    tenantId: notice.tenantId,
    messageId,
    segment: parseSegment({}).value,
    year: japanYear(),
    personal: true,
  });
  await trx
    .updateTable('msg_messages')
    .set({
      audience: planned.deliveries,
      ...(planned.batchIds.length === 0 ? { status: 'sent', finished_at: new Date() } : {}),
    })
    .where('id', '=', messageId)
    .execute();
  await enqueueBatches(trx, deps.jobs, { tenantId: notice.tenantId, batches: planned.batches, urgent: false });
  return { messageId, created: true, deliveries: planned.deliveries };
}
