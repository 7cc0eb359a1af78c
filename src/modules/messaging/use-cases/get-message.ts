// One message as staff read it before and after sending: its texts, segment, status and times, and what
// went wrong so far in words: recipients that failed with the channel's reason, and batches still waiting
// for another try with the reason of the last one.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Segment } from '../delivery/segment.ts';
import type { MessageStatus } from './list-messages.ts';

export interface DeliveryProblem {
  channel: string;
  /** failed: given up for these recipients; retrying: their batch will be tried again. */
  kind: 'failed' | 'retrying';
  error: string;
  recipients: number;
  /** Tries so far (retrying only). */
  attempts?: number;
}

export interface StaffMessage {
  id: string;
  title: string;
  bodyJa: string;
  bodyEasy: string | null;
  bodyEn: string | null;
  segment: Segment;
  urgent: boolean;
  kind: 'segment' | 'personal';
  status: MessageStatus;
  audience: number | null;
  /** Personal notices: the accounts it is for. */
  accounts: number | null;
  createdBy: string;
  approvedBy: string | null;
  createdAt: Date;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  problems: DeliveryProblem[];
}

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getMessage(
  deps: { db: Kysely<any> },
  input: { tenantId: string; messageId: string },
): Promise<StaffMessage> {
  if (!idPattern.test(input.messageId)) throw new AppError('not_found', 'お知らせが見つかりません。');
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const m = await trx.selectFrom('msg_messages').selectAll().where('id', '=', input.messageId).executeTakeFirst();
    if (!m) throw new AppError('not_found', 'お知らせが見つかりません。');
    const accounts =
      m.kind === 'personal'
        ? Number(
            (
              await trx
                .selectFrom('msg_message_accounts')
                .select(sql<string>`count(*)`.as('n'))
                .where('message_id', '=', m.id)
                .executeTakeFirstOrThrow()
            ).n,
          )
        : null;
    const problems = await sql<{
      channel: string;
      kind: 'failed' | 'retrying';
      error: string;
      n: string;
      attempts: number | null;
    }>`
      (select channel, 'failed' as kind, coalesce(last_error, '') as error, count(*) as n, null::int as attempts
         from msg_deliveries where message_id = ${m.id}::uuid and status = 'failed'
         group by channel, last_error order by count(*) desc limit 10)
      union all
      (select channel, 'retrying', last_error, sum(recipients), max(attempts)
         from msg_batches where message_id = ${m.id}::uuid and status = 'pending' and last_error is not null
         group by channel, last_error order by sum(recipients) desc limit 10)`.execute(trx);
    return {
      id: m.id,
      title: m.title,
      bodyJa: m.body_ja,
      bodyEasy: m.body_easy,
      bodyEn: m.body_en,
      segment: m.segment as Segment,
      urgent: m.urgent,
      kind: m.kind,
      status: m.status,
      audience: m.audience,
      accounts,
      createdBy: m.created_by,
      approvedBy: m.approved_by,
      createdAt: m.created_at,
      scheduledAt: m.scheduled_at,
      startedAt: m.started_at,
      finishedAt: m.finished_at,
      problems: problems.rows.map((p) => ({
        channel: p.channel,
        kind: p.kind,
        error: p.error,
        recipients: Number(p.n),
        ...(p.kind === 'retrying' && p.attempts !== null ? { attempts: p.attempts } : {}),
      })),
    };
  });
}
