// The applications module's SQL: only this module touches applications, application_history,
// application_messages and application_attachments.
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../platform/http/errors.ts';
import type { Session } from '../identity/index.ts';
import { type Application, rowToApplication, type Status } from './model.ts';

export async function loadApplication(trx: Kysely<any>, id: string, options: { forUpdate?: boolean } = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = trx.selectFrom('applications').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? rowToApplication(row) : undefined;
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

export async function nextReceiptSerial(trx: Kysely<any>): Promise<number> {
  const row = await sql<{ n: string }>`select nextval('application_receipt_seq') as n`.execute(trx);
  return Number(row.rows[0]!.n);
}
