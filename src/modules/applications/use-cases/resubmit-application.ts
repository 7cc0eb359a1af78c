// The applicant sends the corrected application back (補正後の再提出). Only the fields staff marked could
// change (save-step enforces it); the whole answer set must still pass the form's schema.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { validateAnswers } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Lang } from '../../../platform/i18n/i18n.ts';
import type { Session } from '../../identity/index.ts';
import type { Application } from '../model.ts';
import { loadApplication, recordTransition } from '../queries.ts';
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
    await recordTransition(trx, deps.events, {
      tenantId: input.tenantId,
      app,
      actorId: input.session.accountId,
      actorKind: 'resident',
      to: 'resubmitted',
      auditAction: 'application.resubmit',
      details: { corrected: Object.keys(app.correction?.fields ?? {}), request: app.correction },
      meta: input.meta,
    });
    return (await loadApplication(trx, app.id))!;
  });
}
