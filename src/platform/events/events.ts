// Domain events (an outbox): a use case writes an event in the same transaction as its change (one
// INSERT, nothing else on the request's path). The relay (relay.ts) then gives every subscribing module
// one job per event, so a reaction is never lost nor run for a rolled-back change. Handlers must be
// idempotent (a job may run twice after a crash). The same rows feed business systems (/api/events,
// webhooks), ordered by (txid, seq) so a late commit never slips behind a cursor.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../db/tenant.ts';

export interface DomainEvent<D = Record<string, unknown>> {
  id: string;
  seq: number;
  tenantId: string;
  /** `<module>.<what_happened>`, e.g. `application.submitted`. */
  type: string;
  subjectType: string;
  subjectId: string;
  department: string | null;
  data: D;
  occurredAt: Date;
}

export interface NewEvent {
  tenantId: string;
  type: string;
  subjectType: string;
  subjectId: string;
  department?: string | null;
  data: Record<string, unknown>;
}

export type EventHandler = (event: DomainEvent) => Promise<void>;

/** The job queue that runs one subscriber's reaction to one event. */
export const eventJob = 'events.handle';

export interface Events {
  /** Writes the event with `trx`, in the caller's transaction; the relay hands it to subscribers. */
  emit(trx: Kysely<any>, event: NewEvent): Promise<DomainEvent>;
  /** Subscribers by event type; `*` receives every event (webhooks). */
  subscribers(type: string): string[];
}

/** The row of an event, for a use case that writes it inside a larger statement (a CTE). */
export function eventValues(event: NewEvent) {
  return {
    tenant_id: event.tenantId,
    type: event.type,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
    department: event.department ?? null,
    data: JSON.stringify(event.data),
  };
}

export interface Subscription {
  subscriber: string;
  types: string[];
}

export function createEvents(subscriptions: Subscription[]): Events {
  const byType = new Map<string, string[]>();
  for (const { subscriber, types } of subscriptions) {
    for (const type of types) byType.set(type, [...(byType.get(type) ?? []), subscriber]);
  }
  const subscribers = (type: string) => [...(byType.get(type) ?? []), ...(byType.get('*') ?? [])];
  return {
    subscribers,
    async emit(trx, event) {
      const row = await trx
        .insertInto('domain_events')
        .values(eventValues(event))
        .returning(['id', 'seq', 'occurred_at'])
        .executeTakeFirstOrThrow();
      return {
        id: row.id as string,
        seq: Number(row.seq),
        tenantId: event.tenantId,
        type: event.type,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        department: event.department ?? null,
        data: event.data,
        occurredAt: row.occurred_at as Date,
      };
    },
  };
}

function toEvent(row: Record<string, unknown>): DomainEvent {
  return {
    id: row.id as string,
    seq: Number(row.seq),
    tenantId: row.tenant_id as string,
    type: row.type as string,
    subjectType: row.subject_type as string,
    subjectId: row.subject_id as string,
    department: (row.department as string | null) ?? null,
    data: row.data as Record<string, unknown>,
    occurredAt: row.occurred_at as Date,
  };
}

export async function loadEvent(db: Kysely<any>, tenantId: string, id: string): Promise<DomainEvent | undefined> {
  const row = await withTenant(db, tenantId, (trx) =>
    trx.selectFrom('domain_events').selectAll().where('id', '=', id).executeTakeFirst(),
  );
  return row ? toEvent(row) : undefined;
}

/** A position in the feed: the transaction id and sequence of the last event read, as `txid.seq`. */
export interface FeedCursor {
  txid: string;
  seq: number;
}

export function parseCursor(value: string | undefined): FeedCursor | undefined {
  if (value === undefined || value === '' || value === '0') return { txid: '0', seq: 0 };
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(value);
  if (!match) return undefined;
  return { txid: match[1]!, seq: Number(match[2]) };
}

export function formatCursor(cursor: FeedCursor): string {
  return `${cursor.txid}.${cursor.seq}`;
}

/**
 * Events after `cursor`, oldest first, only from transactions that can no longer be overtaken (older than
 * every transaction still running). `department` narrows to one department's events.
 */
export async function readEventFeed(
  db: Kysely<any>,
  input: { tenantId: string; after: FeedCursor; limit: number; department?: string | undefined; types?: string[] },
): Promise<{ events: (DomainEvent & { cursor: string })[]; next: string }> {
  const rows = await withTenant(db, input.tenantId, (trx) => {
    let query = trx
      .selectFrom('domain_events')
      .selectAll()
      .select(sql<string>`txid::text`.as('txid_text'))
      .where(sql<boolean>`(txid, seq) > (${input.after.txid}::xid8, ${input.after.seq}::bigint)`)
      .where(sql<boolean>`txid < pg_snapshot_xmin(pg_current_snapshot())`)
      .orderBy('txid')
      .orderBy('seq')
      .limit(input.limit);
    if (input.department !== undefined) query = query.where('department', '=', input.department);
    if (input.types && input.types.length > 0) query = query.where('type', 'in', input.types);
    return query.execute();
  });
  const events = rows.map((row) => ({
    ...toEvent(row),
    cursor: formatCursor({ txid: row.txid_text as string, seq: Number(row.seq) }),
  }));
  return { events, next: events.at(-1)?.cursor ?? formatCursor(input.after) };
}
