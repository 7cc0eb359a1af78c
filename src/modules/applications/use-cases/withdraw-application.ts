// 取下げ: the applicant withdraws an application that has not been decided yet.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Session } from '../../identity/index.ts';
import { type Application, withdrawable } from '../model.ts';
import { addHistory, assertOwnApplication, loadApplication } from '../queries.ts';

export async function withdrawApplication(
  deps: { db: Kysely<any>; events: Events },
  input: { tenantId: string; session: Session; applicationId: string; meta: { ip: string; requestId: string } },
): Promise<Application> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const app = assertOwnApplication(
      await loadApplication(trx, input.applicationId, { forUpdate: true }),
      input.session,
    );
    if (app.status === 'withdrawn') return app;
    if (app.status === 'draft') {
      // A draft is simply discarded.
      await trx.deleteFrom('application_attachments').where('application_id', '=', app.id).execute();
      await trx.deleteFrom('applications').where('id', '=', app.id).where('status', '=', 'draft').execute();
      return { ...app, status: 'withdrawn' };
    }
    if (!withdrawable.includes(app.status)) {
      throw new AppError('conflict', '決定済みの申請は取り下げられません。担当窓口にご相談ください。');
    }
    await trx
      .updateTable('applications')
      .set({ status: 'withdrawn', updated_at: sql`now()` })
      .where('id', '=', app.id)
      .execute();
    await addHistory(trx, {
      tenantId: input.tenantId,
      applicationId: app.id,
      actorId: input.session.accountId,
      actorKind: 'resident',
      from: app.status,
      to: 'withdrawn',
    });
    await appendAudit(trx, {
      tenantId: input.tenantId,
      action: 'application.withdraw',
      actor: input.session.accountId,
      actorKind: 'resident',
      onBehalfOf: null,
      resourceType: 'application',
      resourceId: app.id,
      department: app.department,
      dataClass: 'personal',
      decision: 'allow',
      reason: null,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: {},
    });
    await deps.events.emit(trx, {
      tenantId: input.tenantId,
      type: 'case.status_changed',
      subjectType: 'application',
      subjectId: app.id,
      department: app.department,
      data: { receiptNumber: app.receiptNumber, procedureCode: app.procedureCode, from: app.status, to: 'withdrawn' },
    });
    return (await loadApplication(trx, app.id))!;
  });
}
