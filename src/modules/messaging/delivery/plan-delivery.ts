// Turning a message into work: one delivery row per subscriber in the segment (the key makes a second
// plan add nothing), grouped into batches per channel and language (a LINE multicast holds at most 500
// user ids and one text). Each batch gets its retry key now, before anything is sent.
import { type Kysely, sql } from 'kysely';
import { type Channel, type Segment, segmentCondition } from './segment.ts';

/** A personal notice goes to its recipients' active channels that carry personal notices. */
function personalCondition(messageId: string) {
  // The inbox is the record of what the city said: personal notices reach it even when its topics are stopped.
  return sql<boolean>`((s.status = 'active' or (s.channel = 'inbox' and s.status = 'unsubscribed')) and s.personal and s.account_id in (
    select a.account_id from msg_message_accounts a where a.message_id = ${messageId}::uuid))`;
}

/** Recipients per batch: LINE's multicast limit; the others are sized for one job's work. */
export const batchSizes = { line: 500, webpush: 100, email: 50, inbox: 1000 } as const;

export async function planDelivery(
  trx: Kysely<any>,
  input: { tenantId: string; messageId: string; segment: Segment; year: number; personal?: boolean },
): Promise<{ deliveries: number; batchIds: string[]; batches: { id: string; channel: Channel }[] }> {
  // One statement: pick the segment, number each subscriber within its channel and language, and name its
  // batch by (message, channel, language, number) — so deliveries and batches agree without an UPDATE.
  const result = await sql<{ id: string; channel: Channel; recipients: number }>`
    with picked as (
      select s.id as subscriber_id, s.channel, s.language,
        (row_number() over (partition by s.channel, s.language order by s.id) - 1)
          / (case s.channel when 'line' then ${sql.lit(batchSizes.line)} when 'webpush' then ${sql.lit(batchSizes.webpush)}
               when 'email' then ${sql.lit(batchSizes.email)} else ${sql.lit(batchSizes.inbox)} end) as n
      from msg_subscribers s
      where ${input.personal ? personalCondition(input.messageId) : segmentCondition(input.segment, input.year)}
    ), named as (
      select subscriber_id, channel, language,
        md5(${input.messageId} || '/' || channel || '/' || language || '/' || n)::uuid as batch_id
      from picked
    ), deliveries as (
      insert into msg_deliveries (tenant_id, message_id, subscriber_id, channel, batch_id)
      select ${input.tenantId}, ${input.messageId}::uuid, subscriber_id, channel, batch_id from named
      on conflict do nothing
      returning batch_id
    ), counted as (
      select batch_id, count(*)::int as recipients from deliveries group by batch_id
    )
    insert into msg_batches (tenant_id, id, message_id, channel, language, retry_key, recipients)
    select ${input.tenantId}, c.batch_id, ${input.messageId}::uuid, n.channel, n.language, gen_random_uuid(), c.recipients
    from counted c join (select distinct batch_id, channel, language from named) n using (batch_id)
    on conflict do nothing
    returning id, channel, recipients`.execute(trx);
  return {
    deliveries: result.rows.reduce((sum, r) => sum + r.recipients, 0),
    batchIds: result.rows.map((r) => r.id).sort(),
    batches: result.rows.map((r) => ({ id: r.id, channel: r.channel })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
