// 取下げ: the applicant withdraws an application that has not been decided yet.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Session } from '../../identity/index.ts';
import { type Application, withdrawable } from '../model.ts';
import { assertOwnApplication, loadApplication, recordTransition } from '../queries.ts';

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
    await recordTransition(trx, deps.events, {
      tenantId: input.tenantId,
      app,
      actorId: input.session.accountId,
      actorKind: 'resident',
      to: 'withdrawn',
      auditAction: 'application.withdraw',
      meta: input.meta,
    });
    return (await loadApplication(trx, app.id))!;
  });
}
