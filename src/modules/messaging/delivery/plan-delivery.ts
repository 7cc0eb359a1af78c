// Turning a message into work: one delivery row per subscriber in the segment (the key makes a second
// plan add nothing), grouped into batches per channel and language (a LINE multicast holds at most 500
// user ids and one text). Each batch gets its retry key now, before anything is sent.
import { type Kysely, sql } from 'kysely';
import { type Segment, segmentCondition } from './segment.ts';

/** Recipients per batch: LINE's multicast limit; the others are sized for one job's work. */
export const batchSizes = { line: 500, webpush: 100, email: 50, inbox: 1000 } as const;

export async function planDelivery(
  trx: Kysely<any>,
  input: { tenantId: string; messageId: string; segment: Segment; year: number },
): Promise<{ deliveries: number; batchIds: string[] }> {
  const inserted = await sql`insert into msg_deliveries (tenant_id, message_id, subscriber_id, channel)
    select s.tenant_id, ${input.messageId}::uuid, s.id, s.channel from msg_subscribers s
    where ${segmentCondition(input.segment, input.year)}
    on conflict do nothing`.execute(trx);
  const batches = await sql<{ id: string }>`
    with numbered as (
      select d.subscriber_id, d.channel, s.language,
        (row_number() over (partition by d.channel, s.language order by d.subscriber_id) - 1)
          / (case d.channel when 'line' then ${sql.lit(batchSizes.line)} when 'webpush' then ${sql.lit(batchSizes.webpush)}
               when 'email' then ${sql.lit(batchSizes.email)} else ${sql.lit(batchSizes.inbox)} end) as n
      from msg_deliveries d join msg_subscribers s on s.tenant_id = d.tenant_id and s.id = d.subscriber_id
      where d.message_id = ${input.messageId}::uuid and d.batch_id is null
    ), groups as materialized (
      select channel, language, n, gen_random_uuid() as id, gen_random_uuid() as retry_key, count(*)::int as recipients
      from numbered group by channel, language, n
    ), created as (
      insert into msg_batches (tenant_id, id, message_id, channel, language, retry_key, recipients)
      select ${input.tenantId}, id, ${input.messageId}::uuid, channel, language, retry_key, recipients from groups
      returning id
    ), assigned as (
      update msg_deliveries d set batch_id = g.id
      from numbered x join groups g using (channel, language, n)
      where d.tenant_id = ${input.tenantId} and d.message_id = ${input.messageId}::uuid and d.subscriber_id = x.subscriber_id
      returning d.subscriber_id
    )
    select id from created order by id`.execute(trx);
  return { deliveries: Number(inserted.numAffectedRows ?? 0), batchIds: batches.rows.map((r) => r.id) };
}
