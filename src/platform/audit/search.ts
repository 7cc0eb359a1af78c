// Auditors' search and CSV export over the log (back office /staff/audit). Newest first, paged by a
// cursor on (occurred_at, id): an offset would skip or repeat entries while requests keep appending.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import { AppError } from '../http/errors.ts';
import { toCsv } from '../ja/csv.ts';

export interface AuditQuery {
  from?: Date;
  to?: Date;
  actor?: string;
  /** A prefix of the dotted action: 'auth.sign_in' finds 'auth.sign_in.staff' too. */
  action?: string;
  resourceType?: string;
  resourceId?: string;
  decision?: 'allow' | 'deny';
  limit?: number;
  /** The `cursor` of the last record of the previous page: the next page starts after it. */
  before?: string;
}

export interface AuditRecord {
  id: string;
  chainSeq: string | null;
  occurredAt: Date;
  actor: string;
  actorKind: string;
  onBehalfOf: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  department: string | null;
  dataClass: string;
  decision: string;
  reason: string | null;
  zone: string | null;
  ip: string | null;
  requestId: string | null;
  details: unknown;
  /** Opaque position of this record, for `before`. */
  cursor: string;
}

export const maxAuditPage = 10_000;

// The time as PostgreSQL stores it (microseconds): a JavaScript Date keeps milliseconds only, and a
// cursor rounded to them would skip entries written in the same millisecond.
const cursorPattern = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)~(\d{1,19})$/;

function parseCursor(cursor: string): { at: string; id: string } {
  const m = cursorPattern.exec(cursor);
  if (!m) {
    throw new AppError('validation_failed', '監査ログの続きの位置（before）の形式が正しくありません。', {
      errors: [{ field: 'before', message: '検索結果の続きの位置が正しくありません。最初から検索し直してください。' }],
    });
  }
  return { at: m[1]!, id: m[2]! };
}

export async function searchAudit(db: Kysely<any>, tenantId: string, q: AuditQuery): Promise<AuditRecord[]> {
  const before = q.before === undefined ? undefined : parseCursor(q.before);
  return withTenant(db, tenantId, async (trx) => {
    let query = trx
      .selectFrom('audit_log')
      .select([
        sql<string>`id::text`.as('id'),
        sql<string | null>`chain_seq::text`.as('chainSeq'),
        'occurred_at as occurredAt',
        'actor',
        'actor_kind as actorKind',
        'on_behalf_of as onBehalfOf',
        'action',
        'resource_type as resourceType',
        'resource_id as resourceId',
        'department',
        'data_class as dataClass',
        'decision',
        'reason',
        'zone',
        'ip',
        'request_id as requestId',
        'details',
        sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '~' || id`.as('cursor'),
      ])
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(Math.max(1, Math.min(q.limit ?? 200, maxAuditPage)));
    if (q.from) query = query.where('occurred_at', '>=', q.from);
    if (q.to) query = query.where('occurred_at', '<', q.to);
    if (q.actor) query = query.where('actor', '=', q.actor);
    if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.resourceType) query = query.where('resource_type', '=', q.resourceType);
    if (q.resourceId) query = query.where('resource_id', '=', q.resourceId);
    if (q.decision) query = query.where('decision', '=', q.decision);
    if (before) {
      query = query.where(sql<boolean>`(occurred_at, id) < (${before.at}::timestamptz, ${before.id}::bigint)`);
    }
    return (await query.execute()) as AuditRecord[];
  });
}

export const auditCsvHeader = [
  '連番',
  '日時',
  '操作者',
  '操作者の種別',
  '代理の相手',
  '操作',
  '対象の種類',
  '対象ID',
  '情報の区分',
  '結果',
  '理由',
  '接続元',
  'IPアドレス',
  '部署',
  'リクエストID',
  '詳細',
];

function auditCsvRow(r: AuditRecord): (string | null)[] {
  return [
    r.chainSeq ?? '',
    r.occurredAt.toISOString(),
    r.actor,
    r.actorKind,
    r.onBehalfOf,
    r.action,
    r.resourceType,
    r.resourceId,
    r.dataClass,
    r.decision,
    r.reason,
    r.zone,
    r.ip,
    r.department,
    r.requestId,
    r.details === null || r.details === undefined ? '' : JSON.stringify(r.details),
  ];
}

/** One page of records as CSV text, header first (UTF-8; encodeCsvUtf8Bom adds the BOM for Excel). */
export function auditCsv(records: AuditRecord[]): string {
  return toCsv([auditCsvHeader, ...records.map(auditCsvRow)]);
}

/**
 * Every matching record as CSV lines (header first, one line per record, each ending CRLF), read in pages of `pageSize`
 * so an export of any size keeps memory flat: stream it (e.g. Readable.from) into the response. Each
 * page is its own short transaction; entries appended meanwhile are newer than the export's first page
 * and are left out, never repeated.
 */
export async function* exportAuditCsv(
  db: Kysely<any>,
  tenantId: string,
  q: Omit<AuditQuery, 'limit' | 'before'>,
  pageSize = 2_000,
): AsyncGenerator<string> {
  yield toCsv([auditCsvHeader]);
  let before: string | undefined;
  for (;;) {
    const page = await searchAudit(db, tenantId, { ...q, limit: pageSize, ...(before ? { before } : {}) });
    for (const r of page) yield toCsv([auditCsvRow(r)]);
    if (page.length < pageSize) return;
    before = page.at(-1)!.cursor;
  }
}
