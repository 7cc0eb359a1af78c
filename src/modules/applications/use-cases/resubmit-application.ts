// The applicant sends the corrected application back (補正後の再提出). Only the fields staff marked could
// change (save-step enforces it); the whole answer set must still pass the form's schema.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { validateAnswers } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/i18n/i18n.ts';
import type { Session } from '../../identity/index.ts';
import type { Application } from '../model.ts';
import { addHistory, loadApplication } from '../queries.ts';
import { openApplication } from './open-application.ts';
import { validationError } from './submit-application.ts';

export async function resubmitApplication(
  deps: { db: Kysely<any>; fieldCrypto: FieldCrypto; events: Events },
  input: {
    tenantId: string;
    session: Session;
    applicationId: string;
    lang: Lang;
    meta: { ip: string; requestId: string };
  },
): Promise<Application> {
  const opened = await openApplication(deps, input);
  const { application: app, procedure, answers } = opened;
  if (app.status === 'resubmitted') return app; // sent twice
  if (app.status !== 'correction_requested') throw new AppError('conflict', '補正をお願いしている申請ではありません。');
  const errors = validateAnswers(procedure.form!, answers, { lang: input.lang });
  if (errors.length > 0) throw validationError(errors);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const updated = await trx
      .updateTable('applications')
      .set({ status: 'resubmitted', correction: null, updated_at: sql`now()` })
      .where('id', '=', app.id)
      .where('status', '=', 'correction_requested')
      .returning('id')
      .executeTakeFirst();
    if (!updated) return (await loadApplication(trx, app.id))!;
    await addHistory(trx, {
      tenantId: input.tenantId,
      applicationId: app.id,
      actorId: input.session.accountId,
      actorKind: 'resident',
      from: 'correction_requested',
      to: 'resubmitted',
      details: { corrected: Object.keys(app.correction?.fields ?? {}), request: app.correction },
    });
    await appendAudit(trx, {
      tenantId: input.tenantId,
      action: 'application.resubmit',
      actor: input.session.accountId,
      actorKind: 'resident',
      onBehalfOf: app.onBehalfOf === input.session.accountId ? null : app.onBehalfOf,
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
      data: {
        receiptNumber: app.receiptNumber,
        procedureCode: app.procedureCode,
        from: 'correction_requested',
        to: 'resubmitted',
      },
    });
    return (await loadApplication(trx, app.id))!;
  });
}
