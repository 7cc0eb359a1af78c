// The SQL of data requests: only this file reads od_data_requests and od_data_request_supports (and looks
// a dataset up by name in od_datasets, the same module's catalogue). Every function runs inside the
// caller's tenant transaction (withTenant), so row-level security keeps each city to its own requests.
import { type Kysely, sql } from 'kysely';
import type { LinkedDataset, RequestSort, RequestStatus, StaffDataRequest } from './model.ts';

// The support count is counted, not stored: one place of truth, and a city has hundreds of requests,
// not millions. The dataset is joined for its name and title; `dataset_public` says whether to link it.
const requestColumns = sql`
  r.id, r.number, r.title, r.description, r.purpose, r.contact_email, r.status, r.answer, r.answered_at,
  r.answered_by, r.hidden_reason, r.revision, r.created_at, r.updated_at,
  d.name as dataset_name, d.title as dataset_title,
  coalesce(d.state = 'active' and not d.private, false) as dataset_public,
  (select count(*)::int from od_data_request_supports s
    where s.tenant_id = r.tenant_id and s.request_id = r.id) as support_count`;

const requestFrom = sql`od_data_requests r
  left join od_datasets d on d.tenant_id = r.tenant_id and d.id = r.dataset_id`;

function toRequest(row: any): StaffDataRequest {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    purpose: row.purpose,
    status: row.status,
    answer: row.answer,
    answeredAt: row.answered_at,
    dataset: row.dataset_name && row.dataset_public ? { name: row.dataset_name, title: row.dataset_title } : null,
    supportCount: row.support_count,
    createdAt: row.created_at,
    hasContact: row.contact_email !== null,
    contactEmail: row.contact_email,
    hiddenReason: row.hidden_reason,
    answeredBy: row.answered_by,
    linkedDatasetName: row.dataset_name ?? null,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

export interface RequestFilter {
  status?: RequestStatus | undefined;
  /** Staff see requests taken off the public list; the public never does. */
  includeHidden: boolean;
}

function where(filter: RequestFilter) {
  const conditions = [sql`true`];
  if (!filter.includeHidden) conditions.push(sql`r.hidden_reason is null`);
  if (filter.status) conditions.push(sql`r.status = ${filter.status}`);
  return sql.join(conditions, sql` and `);
}

export async function listRequests(
  trx: Kysely<any>,
  filter: RequestFilter & { sort: RequestSort; limit: number; offset: number },
): Promise<{ items: StaffDataRequest[]; total: number }> {
  const order =
    filter.sort === 'supports' ? sql`support_count desc, r.created_at desc, r.number desc` : sql`r.number desc`;
  const { rows } = await sql<any>`
    select ${requestColumns} from ${requestFrom}
    where ${where(filter)}
    order by ${order}
    limit ${filter.limit} offset ${filter.offset}`.execute(trx);
  const total = await sql<{ n: number }>`
    select count(*)::int as n from od_data_requests r where ${where(filter)}`.execute(trx);
  return { items: rows.map(toRequest), total: total.rows[0]!.n };
}

/** How many requests are in each status (the filter shows the numbers). */
export async function countByStatus(
  trx: Kysely<any>,
  filter: { includeHidden: boolean },
): Promise<Record<RequestStatus, number>> {
  const { rows } = await sql<{ status: RequestStatus; n: number }>`
    select r.status, count(*)::int as n from od_data_requests r where ${where(filter)} group by r.status`.execute(trx);
  const counts: Record<RequestStatus, number> = { open: 0, considering: 0, published: 0, declined: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export async function loadRequest(
  trx: Kysely<any>,
  by: { number: number } | { id: string },
  options: { includeHidden: boolean; forUpdate?: boolean },
): Promise<StaffDataRequest | undefined> {
  const match = 'number' in by ? sql`r.number = ${by.number}` : sql`r.id = ${by.id}`;
  const hidden = options.includeHidden ? sql`` : sql` and r.hidden_reason is null`;
  // `for update of r`: two staff answering at once, or supports arriving, see each other's writes in turn.
  const lock = options.forUpdate ? sql` for update of r` : sql``;
  const { rows } = await sql<any>`
    select ${requestColumns} from ${requestFrom} where ${match}${hidden}${lock}`.execute(trx);
  return rows[0] ? toRequest(rows[0]) : undefined;
}

/** Numbers are per city and never reused; call under the creation lock (lockRequestCreation). */
export async function nextRequestNumber(trx: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select coalesce(max(number), 0) + 1 as n from od_data_requests`.execute(trx);
  return rows[0]!.n;
}

/** Serialises creations in one city: numbering and the repeat check stay exact. */
export async function lockRequestCreation(trx: Kysely<any>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`od_data_requests:${tenantId}`}))`.execute(trx);
}

/**
 * An earlier request this one repeats: the same idempotency key (with its content hash, so the caller can
 * tell a retry from a reused key), or the same text from the same sender since `since`.
 */
export async function findRepeat(
  trx: Kysely<any>,
  q: { idempotencyKey: string | null; contentHash: Buffer; senderHash: Buffer; since: Date },
): Promise<{ number: number; contentHash: Buffer; byKey: boolean } | undefined> {
  if (q.idempotencyKey !== null) {
    const byKey = await trx
      .selectFrom('od_data_requests')
      .select(['number', 'content_hash'])
      .where('idempotency_key', '=', q.idempotencyKey)
      .executeTakeFirst();
    if (byKey) return { number: byKey.number, contentHash: byKey.content_hash, byKey: true };
  }
  const same = await trx
    .selectFrom('od_data_requests')
    .select(['number', 'content_hash'])
    .where('sender_hash', '=', q.senderHash)
    .where('content_hash', '=', q.contentHash)
    .where('created_at', '>=', q.since)
    .orderBy('number')
    .executeTakeFirst();
  return same ? { number: same.number, contentHash: same.content_hash, byKey: false } : undefined;
}

export async function insertRequest(
  trx: Kysely<any>,
  r: {
    tenantId: string;
    number: number;
    title: string;
    description: string;
    purpose: string;
    contactEmail: string | null;
    contentHash: Buffer;
    senderHash: Buffer;
    idempotencyKey: string | null;
    createdAt?: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('od_data_requests')
    .values({
      tenant_id: r.tenantId,
      number: r.number,
      title: r.title,
      description: r.description,
      purpose: r.purpose,
      contact_email: r.contactEmail,
      content_hash: r.contentHash,
      sender_hash: r.senderHash,
      idempotency_key: r.idempotencyKey,
      ...(r.createdAt ? { created_at: r.createdAt, updated_at: r.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function hasSupport(trx: Kysely<any>, requestId: string, supporterHash: Buffer): Promise<boolean> {
  const row = await trx
    .selectFrom('od_data_request_supports')
    .select('request_id')
    .where('request_id', '=', requestId)
    .where('supporter_hash', '=', supporterHash)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when the support is new; a second one from the same supporter changes nothing. */
export async function insertSupport(
  trx: Kysely<any>,
  s: { tenantId: string; requestId: string; supporterHash: Buffer; createdAt?: Date },
): Promise<boolean> {
  const result = await trx
    .insertInto('od_data_request_supports')
    .values({
      tenant_id: s.tenantId,
      request_id: s.requestId,
      supporter_hash: s.supporterHash,
      ...(s.createdAt ? { created_at: s.createdAt } : {}),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'request_id', 'supporter_hash']).doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return result !== undefined;
}

/** A catalogue dataset by its CKAN name, with what decides whether a request may link to it. */
export async function findDatasetByName(
  trx: Kysely<any>,
  name: string,
): Promise<(LinkedDataset & { id: string; state: string; private: boolean }) | undefined> {
  return trx
    .selectFrom('od_datasets')
    .select(['id', 'name', 'title', 'state', 'private'])
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function updateAnswer(
  trx: Kysely<any>,
  id: string,
  a: { status: RequestStatus; answer: string; datasetId: string | null; answeredBy: string; answeredAt?: Date },
): Promise<void> {
  await trx
    .updateTable('od_data_requests')
    .set({
      status: a.status,
      answer: a.answer,
      dataset_id: a.datasetId,
      answered_by: a.answeredBy,
      answered_at: a.answeredAt ?? sql`now()`,
      revision: sql`revision + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function updateHidden(trx: Kysely<any>, id: string, hiddenReason: string | null): Promise<void> {
  await trx
    .updateTable('od_data_requests')
    .set({ hidden_reason: hiddenReason, revision: sql`revision + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
