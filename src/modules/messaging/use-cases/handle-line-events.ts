// What the city's LINE account hears: a follow makes a subscriber, an unfollow (the user blocked the
// account) stops every message to them, the text 「配信停止」 stops them in one step (a new follow, or the
// settings page of a linked account, starts them again), and a text that is a live one-time code links
// that LINE user to the resident who asked for it, with the topics, ward and language they chose. Each event is handled once, however often LINE
// redelivers it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { LineWebhookEvent } from '../channels/line-webhook.ts';
import { linkCodeHash, linkCodePattern } from './issue-line-link-code.ts';

export type LineEventOutcome =
  | 'subscribed'
  | 'blocked'
  | 'unsubscribed'
  | 'linked'
  | 'code_invalid'
  | 'ignored'
  | 'repeated';

/** The words that stop a LINE user's messages (as the page and every notice tell them). */
export const lineStopWords = ['配信停止'];

export async function handleLineEvents(
  deps: { db: Kysely<any> },
  input: { tenantId: string; events: LineWebhookEvent[] },
): Promise<LineEventOutcome[]> {
  const outcomes: LineEventOutcome[] = [];
  for (const event of input.events) {
    outcomes.push(
      await withTenant(deps.db, input.tenantId, async (trx): Promise<LineEventOutcome> => {
        const fresh = await trx
          .insertInto('msg_webhook_events')
          .values({ tenant_id: input.tenantId, webhook_event_id: event.webhookEventId })
          .onConflict((oc) => oc.doNothing())
          .returning('webhook_event_id')
          .executeTakeFirst();
        if (!fresh) return 'repeated';
        const upsert = (accountId: string | null) =>
          sql`insert into msg_subscribers (tenant_id, channel, address, account_id, status)
            values (${input.tenantId}, 'line', ${event.userId}, ${accountId}::uuid, 'active')
            on conflict (tenant_id, channel, address) do update set status = 'active', updated_at = now(),
              account_id = coalesce(excluded.account_id, msg_subscribers.account_id)`.execute(trx);
        if (event.type === 'follow') {
          await upsert(null);
          return 'subscribed';
        }
        if (event.type === 'unfollow') {
          await trx
            .updateTable('msg_subscribers')
            .set({ status: 'blocked', updated_at: new Date() })
            .where('channel', '=', 'line')
            .where('address', '=', event.userId)
            .execute();
          return 'blocked';
        }
        const said = event.text.normalize('NFKC').trim();
        if (lineStopWords.includes(said)) {
          await trx
            .updateTable('msg_subscribers')
            .set({ status: 'unsubscribed', updated_at: new Date() })
            .where('channel', '=', 'line')
            .where('address', '=', event.userId)
            .where('status', '=', 'active')
            .execute();
          return 'unsubscribed';
        }
        const text = said.toUpperCase();
        if (!linkCodePattern.test(text)) return 'ignored';
        const code = await trx
          .updateTable('msg_link_codes')
          .set({ used_at: new Date(), used_by: event.userId })
          .where('code_hash', '=', linkCodeHash(text))
          .where('used_at', 'is', null)
          .where('expires_at', '>', new Date())
          .returning('account_id')
          .executeTakeFirst();
        if (!code) return 'code_invalid';
        await upsert(code.account_id as string);
        // The resident chose topics, ward, language and year on the settings page (kept on every row of their
        // account; the inbox row always exists once saved): the newly linked LINE user gets the same.
        await sql`update msg_subscribers l set topics = i.topics, ward_code = i.ward_code, language = i.language,
            birth_year = i.birth_year, updated_at = now()
          from msg_subscribers i
          where l.channel = 'line' and l.address = ${event.userId}
            and i.account_id = ${code.account_id}::uuid and i.channel = 'inbox'`.execute(trx);
        return 'linked';
      }),
    );
  }
  return outcomes;
}
