// 補正 (request to correct): staff mark the fields to change, each with a message, and the applicant
// may then change only those and resubmit. The request and the resubmission stay in the timeline.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { topProperties } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { sendApplicationEmailJob } from '../emails.ts';
import { type Application, type Correction, canMove } from '../model.ts';
import { loadApplication, recordTransition } from '../queries.ts';

export async function requestCorrection(
  deps: { db: Kysely<any>; jobs: Jobs; events: Events },
  input: {
    tenantId: string;
    staffId: string;
    applicationId: string;
    procedure: Procedure;
    message: string;
    /** Top-level field → what to change. */
    fields: Record<string, string>;
    meta: { ip: string; requestId: string };
  },
): Promise<Application> {
  const properties = topProperties(input.procedure.form!);
  const fields = Object.fromEntries(
    Object.entries(input.fields)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([k]) => k in properties),
  );
  const errors: { field: string; message: string }[] = [];
  if (Object.keys(fields).length === 0)
    errors.push({ field: 'fields', message: '補正が必要な項目を1つ以上選んでください。' });
  if (!input.message.trim()) errors.push({ field: 'message', message: '申請者へのお願いの内容を入力してください。' });
  if (input.message.length > 2000) errors.push({ field: 'message', message: '2000文字以内で入力してください。' });
  if (errors.length > 0) throw new AppError('validation_failed', '補正の依頼内容に誤りがあります。', { errors });
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const app = await loadApplication(trx, input.applicationId, { forUpdate: true });
    if (!app || app.status === 'draft') throw new AppError('not_found', '案件が見つかりません。');
    if (!canMove(input.procedure.workflow, app.status, 'correction_requested')) {
      throw new AppError('conflict', '審査中の案件にだけ補正を依頼できます。先に「審査を始める」を押してください。');
    }
    const correction: Correction = {
      message: input.message.trim(),
      fields,
      requestedAt: new Date().toISOString(),
      requestedBy: input.staffId,
    };
    await trx
      .updateTable('applications')
      .set({ status: 'correction_requested', correction: JSON.stringify(correction), updated_at: sql`now()` })
      .where('id', '=', app.id)
      .execute();
    await recordTransition(trx, deps.events, {
      tenantId: input.tenantId,
      app,
      actorId: input.staffId,
      actorKind: 'staff',
      to: 'correction_requested',
      auditAction: 'case.request_correction',
      note: correction.message,
      details: { fields },
      meta: input.meta,
    });
    if (app.notifyEmail) {
      await deps.jobs.enqueue(trx, sendApplicationEmailJob, {
        tenantId: input.tenantId,
        applicationId: app.id,
        kind: 'correction_requested',
      });
    }
    return (await loadApplication(trx, app.id))!;
  });
}
