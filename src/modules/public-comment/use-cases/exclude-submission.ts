// Staff set a submission aside (スパム, 案と関係のない内容 …) with a reason, or take it back. An excluded
// submission is not counted in 通 and needs no opinions; the reason stays on record.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadForAnalysis } from '../queries.ts';
import { fail, parseText } from '../validate.ts';

export async function excludeSubmission(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    actor: StaffActor;
    consultationId: string;
    submissionId: string;
    reason: string | undefined;
    include?: boolean;
  },
): Promise<void> {
  const errors: FieldError[] = [];
  const reason = input.include
    ? null
    : parseText(input.reason, errors, 'reason', '対象外にする理由', { required: true, max: 500 });
  if (errors.length > 0) fail(errors);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    if (reason !== null) {
      // Staff work is never thrown away by a click: opinions already split from it must go first.
      const split = await trx
        .selectFrom('pc_opinions')
        .select('id')
        .where('submission_id', '=', input.submissionId)
        .executeTakeFirst();
      if (split)
        throw new AppError(
          'conflict',
          'この提出からは意見が作られています。対象外にする前に、その意見を削除してください。',
        );
    }
    const updated = await trx
      .updateTable('pc_submissions')
      .set({ excluded_reason: reason })
      .where('consultation_id', '=', c.id)
      .where('id', '=', input.submissionId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('not_found', '提出された意見が見つかりません。');
    await auditStaff(trx, input, {
      action: input.include ? 'public_comment.submission.included' : 'public_comment.submission.excluded',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { submissionId: input.submissionId, reason },
    });
  });
}
