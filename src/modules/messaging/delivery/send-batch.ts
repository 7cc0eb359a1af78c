// The worker's step: send one batch. No transaction is held while a channel is called. A LINE batch is one
// multicast with the batch's stored retry key, so a worker killed after LINE accepted it resends with the
// same key, LINE answers 409, and the batch is marked sent: nobody gets it twice. The in-app inbox is
// written in one transaction (exactly once by its key). E-mail and Web Push mark each recipient as soon as
// it is sent, so a retry skips them; a worker killed between a send and its mark can repeat that one
// recipient (SMTP has no idempotency key), which the delivery report cannot see.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { ChannelSenders, SendOutcome } from './senders.ts';

export class RetryLater extends Error {
  override name = 'RetryLater';
}

interface Recipient {
  subscriber_id: string;
  address: string;
  keys: { p256dh: string; auth: string } | null;
}

function textFor(message: Record<string, any>, language: string): string {
  const body = language === 'en' ? message.body_en : language === 'ja-easy' ? message.body_easy : null;
  return `${message.title}\n\n${body ?? message.body_ja}`;
}

async function mark(
  trx: Kysely<any>,
  batchId: string,
  subscriberIds: string[] | 'all',
  outcome: SendOutcome,
): Promise<void> {
  const status = outcome.status === 'duplicate' ? 'sent' : outcome.status === 'failed' ? 'failed' : outcome.status;
  let q = trx
    .updateTable('msg_deliveries')
    .set({
      status,
      last_error: outcome.status === 'failed' ? outcome.error.slice(0, 500) : null,
      sent_at: status === 'sent' ? new Date() : null,
    })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'pending');
  if (subscriberIds !== 'all') q = q.where('subscriber_id', 'in', subscriberIds);
  await q.execute();
}

export async function sendBatch(
  deps: { db: Kysely<any>; senders: ChannelSenders; unsubscribeUrl?: (subscriberId: string) => string },
  input: { tenantId: string; batchId: string; afterSend?: () => Promise<void> },
): Promise<{ status: 'sent' | 'failed' | 'skipped'; recipients: number }> {
  const loaded = await withTenant(deps.db, input.tenantId, async (trx) => {
    const batch = await trx.selectFrom('msg_batches').selectAll().where('id', '=', input.batchId).executeTakeFirst();
    if (batch?.status !== 'pending') return undefined;
    await trx.updateTable('msg_batches').set({ attempts: sql`attempts + 1` }).where('id', '=', batch.id).execute();
    const message = await trx
      .selectFrom('msg_messages')
      .selectAll()
      .where('id', '=', batch.message_id)
      .executeTakeFirstOrThrow();
    const recipients = (await trx
      .selectFrom('msg_deliveries as d')
      .innerJoin('msg_subscribers as s', (j) =>
        j.onRef('s.tenant_id', '=', 'd.tenant_id').onRef('s.id', '=', 'd.subscriber_id'),
      )
      .select(['d.subscriber_id', 's.address', 's.keys'])
      .where('d.batch_id', '=', batch.id)
      .where('d.status', '=', 'pending')
      .orderBy('d.subscriber_id')
      .execute()) as Recipient[];
    return { batch, message, recipients };
  });
  if (!loaded) return { status: 'skipped', recipients: 0 };
  const { batch, message, recipients } = loaded;
  const text = textFor(message, batch.language);
  let retry = false;
  let failed = false;

  if (recipients.length > 0 && batch.channel === 'inbox') {
    await withTenant(deps.db, input.tenantId, async (trx) => {
      // A personal notice carries each person's own note (why it concerns them) under the common text.
      const notes = new Map<string, string>();
      if (message.kind === 'personal') {
        const rows = await trx
          .selectFrom('msg_message_accounts')
          .select(['account_id', 'note'])
          .where('message_id', '=', message.id)
          .where(
            'account_id',
            'in',
            recipients.map((r) => r.address),
          )
          .where('note', 'is not', null)
          .execute();
        for (const row of rows) notes.set(row.account_id, row.note);
      }
      const body = text.slice(message.title.length + 2);
      await trx
        .insertInto('msg_inbox')
        .values(
          recipients.map((r) => ({
            tenant_id: input.tenantId,
            account_id: r.address,
            message_id: message.id,
            title: message.title,
            body: notes.has(r.address) ? `${notes.get(r.address)}\n\n${body}` : body,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
      await mark(trx, batch.id, 'all', { status: 'sent' });
    });
  } else if (recipients.length > 0 && batch.channel === 'line') {
    if (!deps.senders.line) throw new RetryLater('LINE の送信設定がありません');
    const outcome = await deps.senders.line({
      userIds: recipients.map((r) => r.address),
      text,
      retryKey: batch.retry_key,
    });
    await input.afterSend?.();
    if (outcome.status === 'failed' && !outcome.permanent) retry = true;
    else {
      failed = outcome.status === 'failed';
      await withTenant(deps.db, input.tenantId, (trx) => mark(trx, batch.id, 'all', outcome));
    }
  } else if (recipients.length > 0) {
    for (const r of recipients) {
      let outcome: SendOutcome;
      if (batch.channel === 'email' && deps.senders.email) {
        outcome = await deps.senders.email({
          to: r.address,
          subject: message.title,
          text,
          unsubscribeUrl: deps.unsubscribeUrl?.(r.subscriber_id) ?? '',
        });
      } else if (batch.channel === 'webpush' && deps.senders.webpush && r.keys) {
        outcome = await deps.senders.webpush({
          endpoint: r.address,
          keys: r.keys,
          payload: JSON.stringify({ title: message.title, body: text }),
          urgent: message.urgent,
        });
      } else {
        outcome = { status: 'failed', permanent: false, error: `${batch.channel} の送信設定がありません` };
      }
      await input.afterSend?.();
      if (outcome.status === 'failed' && !outcome.permanent) {
        retry = true;
        continue;
      }
      await withTenant(deps.db, input.tenantId, async (trx) => {
        await mark(trx, batch.id, [r.subscriber_id], outcome);
        if (outcome.status === 'gone' || outcome.status === 'blocked') {
          await trx
            .updateTable('msg_subscribers')
            .set({ status: outcome.status, updated_at: new Date() })
            .where('id', '=', r.subscriber_id)
            .execute();
        }
      });
    }
  }
  if (retry) throw new RetryLater(`${batch.channel} への送信を後でやり直します（${batch.id}）`);

  await withTenant(deps.db, input.tenantId, async (trx) => {
    await trx
      .updateTable('msg_batches')
      .set({ status: failed ? 'failed' : 'sent', sent_at: new Date() })
      .where('id', '=', batch.id)
      .execute();
    const open = await trx
      .selectFrom('msg_batches')
      .select('id')
      .where('message_id', '=', message.id)
      .where('status', '=', 'pending')
      .limit(1)
      .executeTakeFirst();
    if (!open) {
      await trx
        .updateTable('msg_messages')
        .set({ status: 'sent', finished_at: new Date() })
        .where('id', '=', message.id)
        .where('status', '=', 'sending')
        .execute();
    }
  });
  return { status: failed ? 'failed' : 'sent', recipients: recipients.length };
}
