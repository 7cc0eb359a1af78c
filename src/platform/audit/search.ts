// Auditors' search and CSV export over the log (back office /staff/audit).
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import { toCsv } from '../ja/csv.ts';

export interface AuditQuery {
  from?: Date;
  to?: Date;
  actor?: string;
  action?: string;
  decision?: 'allow' | 'deny';
  limit?: number;
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
  dataClass: string;
  decision: string;
  reason: string | null;
  zone: string | null;
  ip: string | null;
}

export async function searchAudit(db: Kysely<any>, tenantId: string, q: AuditQuery): Promise<AuditRecord[]> {
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
        'data_class as dataClass',
        'decision',
        'reason',
        'zone',
        'ip',
      ])
      .orderBy('occurred_at', 'desc')
      .limit(Math.min(q.limit ?? 200, 10_000));
    if (q.from) query = query.where('occurred_at', '>=', q.from);
    if (q.to) query = query.where('occurred_at', '<', q.to);
    if (q.actor) query = query.where('actor', '=', q.actor);
    if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.decision) query = query.where('decision', '=', q.decision);
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
];

export function auditCsv(records: AuditRecord[]): string {
  return toCsv([
    auditCsvHeader,
    ...records.map((r) => [
      r.chainSeq ?? '',
      r.occurredAt.toISOString(),
      r.actor,
      r.actorKind,
      r.onBehalfOf ?? '',
      r.action,
      r.resourceType,
      r.resourceId ?? '',
      r.dataClass,
      r.decision,
      r.reason ?? '',
      r.zone ?? '',
      r.ip ?? '',
    ]),
  ]);
}
