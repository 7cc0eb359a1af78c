// Staff remove an opinion split by mistake; the submission it came from is untouched.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadForAnalysis } from '../queries.ts';

export async function deleteOpinion(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string; opinionId: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    const deleted = await trx
      .deleteFrom('pc_opinions')
      .where('consultation_id', '=', c.id)
      .where('id', '=', input.opinionId)
      .returning(['submission_id', 'summary'])
      .executeTakeFirst();
    if (!deleted) throw new AppError('not_found', '意見が見つかりません。');
    await auditStaff(trx, input, {
      action: 'public_comment.opinion.deleted',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { opinionId: input.opinionId, submissionId: deleted.submission_id },
    });
  });
}
