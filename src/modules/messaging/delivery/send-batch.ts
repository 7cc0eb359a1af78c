// The worker's step: send one batch. No transaction is held while a channel is called. A LINE batch is one
// multicast with the batch's stored retry key, so a worker killed after LINE accepted it resends with the
// same key, LINE answers 409, and the batch is marked sent: nobody gets it twice. The in-app inbox is
// written in one transaction (exactly once by its key). E-mail and Web Push mark each recipient as soon as
// it is sent, so a retry skips them; a worker killed between a send and its mark can repeat that one
// recipient (SMTP has no idempotency key), which the delivery report cannot see. A channel that keeps
// failing is given up after maxSendAttempts tries of its batch: its recipients are marked failed with the
// last error, so the report says so instead of waiting for ever; other channels' batches never wait on it.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { webPushMaxPlaintextBytes } from '../channels/types.ts';
import type { ChannelSenders, SendOutcome } from './senders.ts';

export class RetryLater extends Error {
  override name = 'RetryLater';
}

/** Tries of one batch before a channel's temporary failure counts as failed (the job's retryLimit + 1). */
export const maxSendAttempts = 13;

interface Recipient {
  subscriber_id: string;
  address: string;
  keys: { p256dh: string; auth: string } | null;
  account_id: string | null;
}

/** The body a subscriber of `language` gets: theirs, or Japanese when the message has none in it. */
export function bodyFor(message: Record<string, any>, language: string): string {
  const body = language === 'en' ? message.body_en : language === 'ja-easy' ? message.body_easy : null;
  return body ?? message.body_ja;
}

/** What LINE and e-mail carry: the title, a blank line and the body. */
export function textFor(message: Record<string, any>, language: string): string {
  return `${message.title}\n\n${bodyFor(message, language)}`;
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/**
 * The JSON a Web Push notification carries for one recipient: title, body, where it leads and how to stop.
 * A push message holds 3,993 bytes of plaintext (RFC 8291), about 1,300 Japanese characters: a longer body
 * is cut at a character boundary (never inside an emoji or a combining sequence) and ends with 「…」, and
 * the notification leads to the whole text.
 */
export function webPushPayload(input: { title: string; body: string; url: string; unsubscribeUrl?: string }): string {
  const json = (body: string) =>
    JSON.stringify({
      title: input.title,
      body,
      url: input.url,
      ...(input.unsubscribeUrl ? { unsubscribeUrl: input.unsubscribeUrl } : {}),
    });
  const fits = (text: string) => Buffer.byteLength(text, 'utf8') <= webPushMaxPlaintextBytes;
  const whole = json(input.body);
  if (fits(whole)) return whole;
  const parts = Array.from(graphemes.segment(input.body), (s) => s.segment);
  const cut = (n: number) => json(`${parts.slice(0, n).join('').trimEnd()}…`);
  // The longest prefix that fits; JSON escapes (newlines, quotes) make the size not simply additive.
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(mid))) low = mid;
    else high = mid - 1;
  }
  return cut(low);
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
      .select(['d.subscriber_id', 's.address', 's.keys', 's.account_id'])
      .where('d.batch_id', '=', batch.id)
      .where('d.status', '=', 'pending')
      .orderBy('d.subscriber_id')
      .execute()) as Recipient[];
    return { batch, message, recipients };
  });
  if (!loaded) return { status: 'skipped', recipients: 0 };
  const { batch, message, recipients } = loaded;
  const text = textFor(message, batch.language);
  // The last try of this batch: a temporary failure now counts as failed.
  const lastTry = batch.attempts + 1 >= maxSendAttempts;
  let retry: string | undefined;
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
    const outcome: SendOutcome = deps.senders.line
      ? await deps.senders.line({ userIds: recipients.map((r) => r.address), text, retryKey: batch.retry_key })
      : { status: 'failed', permanent: false, error: 'LINE の送信設定がありません' };
    await input.afterSend?.();
    if (outcome.status === 'failed' && !outcome.permanent && !lastTry) retry = outcome.error;
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
        const unsubscribeUrl = deps.unsubscribeUrl?.(r.subscriber_id);
        outcome = await deps.senders.webpush({
          endpoint: r.address,
          keys: r.keys,
          payload: webPushPayload({
            title: message.title,
            body: bodyFor(message, batch.language),
            // A resident's own notice opens in their inbox; anyone else's in the list of the city's notices.
            url: r.account_id ? `/notifications/${message.id}` : '/notifications',
            ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
          }),
          urgent: message.urgent,
        });
      } else {
        outcome = { status: 'failed', permanent: false, error: `${batch.channel} の送信設定がありません` };
      }
      await input.afterSend?.();
      if (outcome.status === 'failed' && !outcome.permanent && !lastTry) {
        retry = outcome.error;
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
  if (retry !== undefined) {
    const why = retry.slice(0, 500);
    // Kept on the batch so the report can say why it is still waiting.
    await withTenant(deps.db, input.tenantId, (trx) =>
      trx.updateTable('msg_batches').set({ last_error: why }).where('id', '=', batch.id).execute(),
    );
    throw new RetryLater(`${batch.channel} への送信を後でやり直します（${batch.id}）`);
  }

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
