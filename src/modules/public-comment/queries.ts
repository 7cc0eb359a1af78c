// The module's SQL: only this file reads the pc_* tables. Every function runs inside the caller's tenant
// transaction (withTenant), so row-level security keeps each city to its own consultations.
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../platform/http/errors.ts';
import type {
  Change,
  Consultation,
  ConsultationDocument,
  Opinion,
  ResponseClass,
  Submission,
  SubmissionMethod,
  Topic,
} from './model.ts';
import { receiptNumber } from './model.ts';
import { kawasakiResponseClasses } from './report/classes.ts';

const isoDay = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

// Dates come back as text: a `date` column turned into a JS Date would shift with the server's zone.
const consultationColumns = sql`
  c.id, c.number, c.department, c.title, c.subject, c.summary, c.status,
  c.opens_on::text as opens_on, c.closes_on::text as closes_on, c.methods, c.announcements, c.send_to,
  c.background, c.overview, c.changes_note, c.schedule, c.classes, c.published_on::text as published_on,
  c.opened_at, c.created_at, c.updated_at,
  coalesce((select json_agg(json_build_object('code', t.code, 'title', t.title) order by t.position)
            from pc_topics t where t.tenant_id = c.tenant_id and t.consultation_id = c.id), '[]') as topics`;

function toConsultation(row: any): Consultation {
  return {
    id: row.id,
    number: row.number,
    department: row.department,
    title: row.title,
    subject: row.subject,
    summary: row.summary,
    status: row.status,
    opensOn: isoDay(row.opens_on),
    closesOn: isoDay(row.closes_on),
    methods: row.methods,
    announcements: row.announcements,
    sendTo: row.send_to,
    background: row.background,
    overview: row.overview,
    changesNote: row.changes_note,
    schedule: row.schedule,
    classes: row.classes,
    topics: row.topics,
    publishedOn: row.published_on,
    openedAt: row.opened_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function loadConsultation(
  trx: Kysely<any>,
  by: { number: number } | { id: string },
  options: { forUpdate?: boolean } = {},
): Promise<Consultation | undefined> {
  const where = 'number' in by ? sql`c.number = ${by.number}` : sql`c.id = ${by.id}`;
  const lock = options.forUpdate ? sql`for update of c` : sql``;
  const { rows } = await sql`select ${consultationColumns} from pc_consultations c where ${where} ${lock}`.execute(trx);
  return rows[0] ? toConsultation(rows[0]) : undefined;
}

export async function listConsultations(
  trx: Kysely<any>,
  filter: { publicOnly?: boolean; departments?: readonly string[] | 'all' } = {},
): Promise<(Consultation & { submissionCount: number; opinionCount: number })[]> {
  const conditions = [sql`true`];
  if (filter.publicOnly) conditions.push(sql`c.status <> 'draft'`);
  if (filter.departments && filter.departments !== 'all') {
    conditions.push(
      filter.departments.length === 0 ? sql`false` : sql`c.department in (${sql.join([...filter.departments])})`,
    );
  }
  const { rows } = await sql<any>`
    select ${consultationColumns},
      (select count(*)::int from pc_submissions s where s.tenant_id = c.tenant_id and s.consultation_id = c.id
         and s.excluded_reason is null) as submission_count,
      (select count(*)::int from pc_opinions o where o.tenant_id = c.tenant_id and o.consultation_id = c.id) as opinion_count
    from pc_consultations c where ${sql.join(conditions, sql` and `)}
    order by c.opens_on desc, c.number desc`.execute(trx);
  return rows.map((r) => ({
    ...toConsultation(r),
    submissionCount: r.submission_count,
    opinionCount: r.opinion_count,
  }));
}

export async function nextConsultationNumber(trx: Kysely<any>, tenantId: string): Promise<number> {
  // Serialised per tenant so two staff creating at once do not take the same number.
  await sql`select pg_advisory_xact_lock(hashtext(${`pc_consultations:${tenantId}`}))`.execute(trx);
  const { rows } = await sql<{ n: number }>`select coalesce(max(number), 0) + 1 as n from pc_consultations`.execute(
    trx,
  );
  return rows[0]!.n;
}

export async function tenantResponseClasses(trx: Kysely<any>): Promise<ResponseClass[]> {
  const rows = await trx.selectFrom('pc_response_classes').select(['code', 'label']).orderBy('position').execute();
  return rows.length > 0 ? (rows as ResponseClass[]) : kawasakiResponseClasses.map((c) => ({ ...c }));
}

export async function replaceTopics(trx: Kysely<any>, tenantId: string, consultationId: string, topics: Topic[]) {
  const codes = topics.map((t) => t.code);
  // Opinions already sorted under a topic keep it: a topic in use cannot be removed (the FK refuses).
  await trx
    .deleteFrom('pc_topics')
    .where('consultation_id', '=', consultationId)
    .$if(codes.length > 0, (q) => q.where('code', 'not in', codes))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pc_opinions as o')
            .select(sql`1`.as('one'))
            .whereRef('o.consultation_id', '=', 'pc_topics.consultation_id')
            .whereRef('o.topic_code', '=', 'pc_topics.code'),
        ),
      ),
    )
    .execute();
  for (const [position, topic] of topics.entries()) {
    await trx
      .insertInto('pc_topics')
      .values({ tenant_id: tenantId, consultation_id: consultationId, code: topic.code, title: topic.title, position })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'consultation_id', 'code']).doUpdateSet({ title: topic.title, position }),
      )
      .execute();
  }
}

export async function listDocuments(trx: Kysely<any>, consultationId: string): Promise<ConsultationDocument[]> {
  const rows = await trx
    .selectFrom('pc_documents')
    .select(['id', 'title', 'file_name', 'content_type', 'size', 'sha256'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .execute();
  return rows.map((r: any) => ({
    id: r.id,
    title: r.title,
    fileName: r.file_name,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
  }));
}

export async function loadDocumentFile(
  trx: Kysely<any>,
  consultationId: string,
  documentId: string,
): Promise<{ fileKey: string; fileName: string; contentType: string; size: number } | undefined> {
  const row: any = await trx
    .selectFrom('pc_documents')
    .select(['file_key', 'file_name', 'content_type', 'size'])
    .where('consultation_id', '=', consultationId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return row
    ? { fileKey: row.file_key, fileName: row.file_name, contentType: row.content_type, size: Number(row.size) }
    : undefined;
}

function toSubmission(row: any, consultationNumber: number): Submission {
  return {
    id: row.id,
    seq: row.seq,
    receiptNumber: receiptNumber(consultationNumber, row.seq),
    channel: row.channel as SubmissionMethod,
    receivedOn: isoDay(row.received_on),
    body: row.body,
    name: row.name,
    contact: row.contact,
    scanFileName: row.scan_file_name,
    duplicateOf: row.duplicate_of,
    excludedReason: row.excluded_reason,
    registeredBy: row.registered_by,
    createdAt: row.created_at,
  };
}

const submissionColumns = [
  'id',
  'seq',
  'channel',
  sql<string>`received_on::text`.as('received_on'),
  'body',
  'name',
  'contact',
  'scan_file_name',
  'duplicate_of',
  'excluded_reason',
  'registered_by',
  'created_at',
] as const;

export async function listSubmissions(trx: Kysely<any>, consultation: Consultation): Promise<Submission[]> {
  const rows = await trx
    .selectFrom('pc_submissions')
    .select(submissionColumns as any)
    .where('consultation_id', '=', consultation.id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => toSubmission(r, consultation.number));
}

export async function loadSubmission(
  trx: Kysely<any>,
  consultation: Consultation,
  submissionId: string,
): Promise<(Submission & { scanFileKey: string | null; scanContentType: string | null }) | undefined> {
  const row: any = await trx
    .selectFrom('pc_submissions')
    .select([...(submissionColumns as any), 'scan_file_key', 'scan_content_type'])
    .where('consultation_id', '=', consultation.id)
    .where('id', '=', submissionId)
    .executeTakeFirst();
  return row
    ? {
        ...toSubmission(row, consultation.number),
        scanFileKey: row.scan_file_key,
        scanContentType: row.scan_content_type,
      }
    : undefined;
}

export async function listOpinions(trx: Kysely<any>, consultationId: string): Promise<Opinion[]> {
  const rows = await trx
    .selectFrom('pc_opinions as o')
    .innerJoin('pc_submissions as s', (j) =>
      j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.submission_id'),
    )
    .select([
      'o.id',
      'o.submission_id',
      'o.topic_code',
      'o.topic_confirmed',
      'o.summary',
      'o.response',
      'o.class_code',
      'o.change_id',
      'o.position',
    ])
    .where('o.consultation_id', '=', consultationId)
    .orderBy('o.position')
    .orderBy('s.seq')
    .orderBy('o.created_at')
    .execute();
  return rows.map((r: any) => ({
    id: r.id,
    submissionId: r.submission_id,
    topicCode: r.topic_code,
    topicConfirmed: r.topic_confirmed,
    summary: r.summary,
    response: r.response,
    classCode: r.class_code,
    changeId: r.change_id,
    position: r.position,
  }));
}

export async function listChanges(trx: Kysely<any>, consultationId: string): Promise<Change[]> {
  const rows = await trx
    .selectFrom('pc_changes')
    .select(['id', 'position', 'summary', 'after_text', 'before_text'])
    .where('consultation_id', '=', consultationId)
    .orderBy('position')
    .execute();
  return rows.map((r: any) => ({
    id: r.id,
    position: r.position,
    summary: r.summary,
    after: r.after_text,
    before: r.before_text,
  }));
}

export async function nextPosition(trx: Kysely<any>, table: 'pc_opinions' | 'pc_changes', consultationId: string) {
  const { rows } = await sql<{ n: number }>`
    select coalesce(max(position), 0) + 1 as n from ${sql.table(table)} where consultation_id = ${consultationId}`.execute(
    trx,
  );
  return rows[0]!.n;
}

export async function nextDocumentPosition(trx: Kysely<any>, consultationId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select coalesce(max(position), 0) + 1 as n from pc_documents where consultation_id = ${consultationId}`.execute(
    trx,
  );
  return rows[0]!.n;
}

/** The consultation, locked, when its opinions may still be worked on (after opening, before publication). */
export async function loadForAnalysis(trx: Kysely<any>, consultationId: string): Promise<Consultation> {
  const c = await loadConsultation(trx, { id: consultationId }, { forUpdate: true });
  if (!c) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
  if (c.status === 'draft') throw new AppError('conflict', '募集を始める前は、意見を扱えません。');
  if (c.status === 'published') throw new AppError('conflict', '結果を公表した後は、意見を変更できません。');
  return c;
}
