// The applications module's SQL: only this module touches applications, application_history,
// application_messages and application_attachments.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Events } from '../../platform/events/events.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Session } from '../identity/index.ts';
import { type Application, rowToApplication, type Status } from './model.ts';

export async function loadApplication(trx: Kysely<any>, id: string, options: { forUpdate?: boolean } = {}) {
  return (await loadApplicationWithSecrets(trx, id, options))?.application;
}

/** The application and its encrypted My Number answers (secret_answers), in one read. */
export async function loadApplicationWithSecrets(
  trx: Kysely<any>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ application: Application; secretBlob: Buffer | null } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = trx.selectFrom('applications').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row
    ? { application: rowToApplication(row), secretBlob: (row.secret_answers as Buffer | null) ?? null }
    : undefined;
}

/** The open draft of this procedure by this actor for this person, newest first (to resume it). */
export async function findDraft(
  trx: Kysely<any>,
  input: { procedureCode: string; actorId: string; onBehalfOf: string },
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('applications')
    .select('id')
    .where('procedure_code', '=', input.procedureCode)
    .where('actor_id', '=', input.actorId)
    .where('on_behalf_of', '=', input.onBehalfOf)
    .where('status', '=', 'draft')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id as string | undefined;
}

/** The person's own application (as applicant or the person acted for); anything else is 404. */
export function assertOwnApplication(app: Application | undefined, session: Session): Application {
  const principal = session.actingFor?.id ?? session.accountId;
  if (!app || (app.onBehalfOf !== principal && app.actorId !== session.accountId)) {
    throw new AppError('not_found', '申請が見つかりません。');
  }
  return app;
}

export async function addHistory(
  trx: Kysely<any>,
  entry: {
    tenantId: string;
    applicationId: string;
    actorId: string;
    actorKind: 'resident' | 'staff' | 'business' | 'system';
    from: Status | null;
    to: Status;
    note?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .insertInto('application_history')
    .values({
      tenant_id: entry.tenantId,
      application_id: entry.applicationId,
      actor_id: entry.actorId,
      actor_kind: entry.actorKind,
      from_status: entry.from,
      to_status: entry.to,
      note: entry.note ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/**
 * A status change as the record keeps it, in the caller's transaction: the timeline row, the audit entry
 * and the `case.status_changed` event business systems and other modules see.
 */
export async function recordTransition(
  trx: Kysely<any>,
  events: Events,
  change: {
    tenantId: string;
    app: Application;
    actorId: string;
    actorKind: 'resident' | 'staff';
    to: Status;
    auditAction: string;
    note?: string | null;
    details?: Record<string, unknown>;
    meta: { ip: string; requestId: string };
  },
): Promise<void> {
  const { app } = change;
  await addHistory(trx, {
    tenantId: change.tenantId,
    applicationId: app.id,
    actorId: change.actorId,
    actorKind: change.actorKind,
    from: app.status,
    to: change.to,
    note: change.note ?? null,
    details: change.details ?? {},
  });
  await appendAudit(trx, {
    tenantId: change.tenantId,
    action: change.auditAction,
    actor: change.actorId,
    actorKind: change.actorKind,
    onBehalfOf: change.actorKind === 'resident' && app.onBehalfOf !== change.actorId ? app.onBehalfOf : null,
    resourceType: 'application',
    resourceId: app.id,
    department: app.department,
    dataClass: 'personal',
    decision: 'allow',
    reason: null,
    ip: change.meta.ip,
    requestId: change.meta.requestId,
    details: { from: app.status, to: change.to, receiptNumber: app.receiptNumber, ...(change.details ?? {}) },
  });
  await events.emit(trx, {
    tenantId: change.tenantId,
    type: 'case.status_changed',
    subjectType: 'application',
    subjectId: app.id,
    department: app.department,
    data: { receiptNumber: app.receiptNumber, procedureCode: app.procedureCode, from: app.status, to: change.to },
  });
}

export async function historyOf(trx: Kysely<any>, applicationId: string) {
  return trx
    .selectFrom('application_history')
    .select(['at', 'actor_kind as actorKind', 'from_status as from', 'to_status as to', 'note', 'details'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export async function messagesOf(trx: Kysely<any>, applicationId: string, includeInternal: boolean) {
  let query = trx
    .selectFrom('application_messages')
    .select(['at', 'author_kind as authorKind', 'internal', 'body'])
    .where('application_id', '=', applicationId)
    .orderBy('id');
  if (!includeInternal) query = query.where('internal', '=', false);
  return query.execute();
}

export async function attachmentsOf(trx: Kysely<any>, applicationId: string) {
  return trx
    .selectFrom('application_attachments')
    .select(['id', 'field', 'filename', 'content_type as contentType', 'bytes', 'sha256', 'storage_key as storageKey'])
    .where('application_id', '=', applicationId)
    .orderBy('created_at')
    .execute();
}
