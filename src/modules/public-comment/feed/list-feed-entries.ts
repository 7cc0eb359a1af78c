// The consultations a feed lists: every one that is not a draft, most recently changed first, at most 50.
// "Changed" includes the period: the day an open consultation starts or ends counts as a change, so a
// feed reader shows it again when 意見募集中 turns into 募集終了, though no one touched the row.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import { readWithTenant } from '../../../platform/db/tenant.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { consultationPhase, type Phase } from './phase.ts';

export interface FeedEntry {
  id: string;
  number: number;
  title: string;
  phase: Exclude<Phase, 'draft'>;
  opensOn: string;
  closesOn: string;
  publishedOn: string | null;
  /** When it opened (or was created, if it never went through opening). */
  published: Date;
  /** The last change a reader should see, the period's edges included. */
  updated: Date;
}

export const feedLimit = 50;

export async function listFeedEntries(
  deps: { db: Kysely<any>; pool: pg.Pool },
  input: { tenantId: string; today?: string },
): Promise<FeedEntry[]> {
  const today = input.today ?? japanToday();
  // Midnight in Japan of a day, as an instant.
  const startOf = (day: string) => sql`(${sql.raw(day)}::timestamp at time zone 'Asia/Tokyo')`;
  const changed = sql<Date>`greatest(
    updated_at,
    case when status = 'open' and opens_on <= ${today}::date then ${startOf('opens_on')} end,
    case when status = 'open' and closes_on < ${today}::date then ${startOf('(closes_on + 1)')} end)`;
  const rows = await readWithTenant(
    deps.pool,
    input.tenantId,
    deps.db
      .selectFrom('pc_consultations')
      .select([
        'id',
        'number',
        'title',
        'status',
        sql<string>`opens_on::text`.as('opens_on'),
        sql<string>`closes_on::text`.as('closes_on'),
        sql<string | null>`published_on::text`.as('published_on'),
        sql<Date>`coalesce(opened_at, created_at)`.as('published'),
        changed.as('updated'),
      ])
      .where('status', '<>', 'draft')
      .orderBy('updated', 'desc')
      .orderBy('number', 'desc')
      .limit(feedLimit),
  );
  return rows.map((r) => ({
    id: r.id as string,
    number: r.number as number,
    title: r.title as string,
    phase: consultationPhase(
      { status: r.status, opensOn: r.opens_on, closesOn: r.closes_on },
      today,
    ) as FeedEntry['phase'],
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    publishedOn: r.published_on,
    published: new Date(r.published),
    updated: new Date(r.updated),
  }));
}
