// Staff approve and send a message: now, or at a time. Sending plans every delivery and enqueues its
// batches in the same transaction as the status change, so a crash leaves either nothing started or all
// of it queued. Each channel has its own queue, so a channel that hangs (LINE timing out) holds only its own
// worker, and urgent alerts (disaster, suspicious person) have their own queues, ahead of the rest.
import type { Kysely, Transaction } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { auditMessaging, type MessagingActor } from '../audit.ts';
import { planDelivery } from '../delivery/plan-delivery.ts';
import { type Channel, channels, type Segment } from '../delivery/segment.ts';
import { japanYear } from './audience-size.ts';

/** The queue a batch of this channel goes to: one per channel, everyday or urgent. */
export const batchQueue = (channel: Channel, urgent: boolean) =>
  `messaging.${urgent ? 'send-urgent' : 'send-batch'}.${channel}`;
export const batchQueues = channels.flatMap((c) => [batchQueue(c, false), batchQueue(c, true)]);
/** Before queues per channel: batches queued by an earlier version are still worked off here. */
export const legacyBatchQueues = ['messaging.send-batch', 'messaging.send-urgent'];
export const startQueue = 'messaging.start';

/** Queues each batch on its channel's queue, in the caller's transaction. */
export async function enqueueBatches(
  trx: Kysely<any> | Transaction<any>,
  jobs: Jobs,
  input: { tenantId: string; batches: { id: string; channel: Channel }[]; urgent: boolean },
): Promise<void> {
  for (const channel of channels) {
    const ids = input.batches.filter((b) => b.channel === channel).map((b) => b.id);
    await jobs.enqueueMany(
      trx,
      batchQueue(channel, input.urgent),
      ids.map((batchId) => ({ tenantId: input.tenantId, batchId })),
    );
  }
}

export async function startDelivery(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; actor: MessagingActor; messageId: string; at?: Date | undefined },
): Promise<{ status: 'sending' | 'scheduled'; audience: number; batches: number }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const message = await trx
      .selectFrom('msg_messages')
      .selectAll()
      .where('id', '=', input.messageId)
      .forUpdate()
      .executeTakeFirst();
    if (!message) throw new AppError('not_found', 'お知らせが見つかりません。');
    // A retried request, or the scheduled start running twice: the first one did the work.
    if (message.status === 'sending' || message.status === 'sent') {
      return { status: 'sending', audience: message.audience ?? 0, batches: 0 };
    }
    if (message.status === 'cancelled') throw new AppError('conflict', 'このお知らせは取り消されています。');
    // The same schedule request twice at once: the first one scheduled it.
    if (input.at && message.status === 'scheduled') return { status: 'scheduled', audience: 0, batches: 0 };
    if (input.at && input.at.getTime() > Date.now() && message.status === 'draft') {
      await trx
        .updateTable('msg_messages')
        .set({ status: 'scheduled', scheduled_at: input.at, approved_by: input.actor.accountId })
        .where('id', '=', message.id)
        .execute();
      await deps.jobs.enqueue(
        trx,
        startQueue,
        { tenantId: input.tenantId, messageId: message.id },
        { startAfter: input.at },
      );
      await auditMessaging(trx, input, {
        action: 'messaging.message.scheduled',
        resourceId: message.id,
        details: { at: input.at.toISOString() },
      });
      return { status: 'scheduled', audience: 0, batches: 0 };
    }
    const planned = await planDelivery(trx, {
      tenantId: input.tenantId,
      messageId: message.id,
      segment: message.segment as Segment,
      year: japanYear(),
      personal: message.kind === 'personal',
    });
    await trx
      .updateTable('msg_messages')
      .set({
        status: planned.batchIds.length > 0 ? 'sending' : 'sent',
        audience: planned.deliveries,
        started_at: new Date(),
        approved_by: message.approved_by ?? input.actor.accountId,
        ...(planned.batchIds.length === 0 ? { finished_at: new Date() } : {}),
      })
      .where('id', '=', message.id)
      .execute();
    await enqueueBatches(trx, deps.jobs, {
      tenantId: input.tenantId,
      batches: planned.batches,
      urgent: message.urgent,
    });
    await auditMessaging(trx, input, {
      action: 'messaging.message.sent',
      resourceId: message.id,
      details: { audience: planned.deliveries, batches: planned.batchIds.length, urgent: message.urgent },
    });
    return { status: 'sending', audience: planned.deliveries, batches: planned.batchIds.length };
  });
}
