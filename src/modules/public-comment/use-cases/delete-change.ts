// Staff remove a change from the list; opinions linked to it keep their text and lose only the link.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadForAnalysis } from '../queries.ts';

export async function deleteChange(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string; changeId: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    const deleted = await trx
      .deleteFrom('pc_changes')
      .where('consultation_id', '=', c.id)
      .where('id', '=', input.changeId)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) throw new AppError('not_found', '変更点が見つかりません。');
    await auditStaff(trx, input, {
      action: 'public_comment.change.deleted',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { changeId: input.changeId },
    });
  });
}
