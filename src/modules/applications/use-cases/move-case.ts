// Staff move a case along its workflow: start review (審査開始), approve (承認), reject (却下, reason
// required), close (完了). Approving a procedure that issues a document queues its issuance. The
// caller has already passed the policy decision point; this checks the workflow and writes, with the
// timeline row, the audit row and the event, in one transaction.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { topProperties, uiOf } from '../../../platform/forms/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import type { CaseStatus, Procedure } from '../../procedures/definition.ts';
import { sendApplicationEmailJob } from '../emails.ts';
import { statusLabel } from '../messages.ts';
import { type Application, canMove } from '../model.ts';
import { loadApplication, loadApplicationWithSecrets, recordTransition } from '../queries.ts';
import { decryptSecrets, mergeSecrets } from '../secrets.ts';
import { documentValues, placeholdersOf } from './document-values.ts';

/** The issuance module's job (src/modules/issuance): generates, signs and records the document. */
export const issueDocumentJob = 'issuance.issue';

/** The staff-only fields of the form that the document template uses: all needed before approval. */
export function internalFields(procedure: Procedure): { field: string; title: string; maxLength: number }[] {
  const properties = topProperties(procedure.form!);
  const used = new Set(placeholdersOf(procedure));
  return Object.entries(properties)
    .filter(([name, schema]) => uiOf(schema).internal && used.has(name))
    .map(([name, schema]) => ({ field: name, title: schema.title ?? name, maxLength: schema.maxLength ?? 200 }));
}

function internalValues(procedure: Procedure, given: Record<string, string>) {
  const values: Record<string, string> = {};
  const missing: { field: string; title: string }[] = [];
  for (const f of internalFields(procedure)) {
    const value = (given[f.field] ?? '').trim().slice(0, f.maxLength);
    if (value) values[f.field] = value;
    else missing.push(f);
  }
  return { values, missing };
}

export type CaseMove = 'start_review' | 'approve' | 'reject' | 'close';

const targets: Record<CaseMove, CaseStatus> = {
  start_review: 'in_review',
  approve: 'approved',
  reject: 'rejected',
  close: 'closed',
};

export async function moveCase(
  deps: { db: Kysely<any>; jobs: Jobs; events: Events; fieldCrypto: FieldCrypto },
  input: {
    tenantId: string;
    staffId: string;
    applicationId: string;
    move: CaseMove;
    procedure: Procedure;
    reason?: string | undefined;
    /** The payments module already confirms the fee (its event may not have arrived yet). */
    feePaid?: boolean;
    /** Values staff fill in at the decision (x-ui.internal fields: permit number, collection date …). */
    internal?: Record<string, string> | undefined;
    publicBaseUrl?: string | undefined;
    meta: { ip: string; requestId: string };
  },
): Promise<Application> {
  const to = targets[input.move];
  const reason = input.reason?.trim() ?? '';
  if (input.move === 'reject' && reason.length === 0) {
    throw new AppError('validation_failed', '却下の理由を入力してください。', {
      errors: [{ field: 'reason', message: '却下の理由を入力してください（申請者に通知されます）。' }],
    });
  }
  if (reason.length > 2000) {
    throw new AppError('validation_failed', '理由は2000文字以内で入力してください。', {
      errors: [{ field: 'reason', message: '理由は2000文字以内で入力してください。' }],
    });
  }
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const found = await loadApplicationWithSecrets(trx, input.applicationId, { forUpdate: true });
    const app = found?.application;
    if (!app || app.status === 'draft') throw new AppError('not_found', '案件が見つかりません。');
    if (app.status === to) return app; // the same button pressed twice
    if (!canMove(input.procedure.workflow, app.status, to)) {
      throw new AppError(
        'conflict',
        `「${statusLabel('ja', app.status)}」の案件を「${statusLabel('ja', to)}」にはできません。画面を更新して最新の状況を確認してください。`,
      );
    }
    const paidNow = app.paymentStatus === 'pending' && input.feePaid === true;
    if (to === 'approved' && app.feeAmount > 0 && app.paymentStatus !== 'paid' && !paidNow) {
      throw new AppError(
        'conflict',
        `手数料（${app.feeAmount.toLocaleString('ja-JP')}円）の支払いが確認できていません。`,
      );
    }
    const internal = internalValues(input.procedure, input.internal ?? {});
    if (to === 'approved' && internal.missing.length > 0) {
      throw new AppError('validation_failed', '交付物に載せる項目を入力してください。', {
        errors: internal.missing.map((m) => ({
          field: `internal-${m.field}`,
          message: `${m.title}を入力してください。`,
        })),
      });
    }
    const decided = to === 'approved' || to === 'rejected';
    await trx
      .updateTable('applications')
      .set({
        status: to,
        updated_at: sql`now()`,
        ...(decided ? { decided_at: sql`now()`, decision_reason: reason || null } : {}),
        ...(input.move === 'start_review' && !app.assignedTo ? { assigned_to: input.staffId } : {}),
        ...(paidNow ? { payment_status: 'paid' } : {}),
        ...(to === 'approved' && Object.keys(internal.values).length > 0
          ? { answers: JSON.stringify({ ...app.answers, ...internal.values }) }
          : {}),
      })
      .where('id', '=', app.id)
      .execute();
    await recordTransition(trx, deps.events, {
      tenantId: input.tenantId,
      app,
      actorId: input.staffId,
      actorKind: 'staff',
      to,
      auditAction: `case.${input.move}`,
      note: reason || null,
      meta: input.meta,
    });
    if (to === 'approved' && input.procedure.workflow?.issuesDocument && input.procedure.document) {
      const answers = mergeSecrets(
        // The fields staff filled at this approval go on the document too.
        { ...app.answers, ...internal.values },
        await decryptSecrets(deps.fieldCrypto, input.tenantId, found!.secretBlob),
      );
      await deps.jobs.enqueue(
        trx,
        issueDocumentJob,
        {
          tenantId: input.tenantId,
          applicationId: app.id,
          receiptNumber: app.receiptNumber,
          procedureCode: app.procedureCode,
          department: app.department,
          recipientAccountId: app.onBehalfOf,
          template: input.procedure.document,
          values: documentValues(input.procedure, answers, { ...app, decidedAt: new Date() }),
          ...(input.publicBaseUrl ? { publicBaseUrl: input.publicBaseUrl } : {}),
        },
        { singletonKey: `issue:${app.id}` },
      );
    }
    if (app.notifyEmail) {
      await deps.jobs.enqueue(trx, sendApplicationEmailJob, {
        tenantId: input.tenantId,
        applicationId: app.id,
        kind: 'status_changed',
      });
    }
    return (await loadApplication(trx, app.id))!;
  });
}
