// Staff open a draft for comment. From then on the public sees it (before its first day as 募集開始前),
// subscribers are told, and the web form takes opinions during the period.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { japanToday } from '../model.ts';
import { listDocuments, loadConsultation } from '../queries.ts';
import { fail } from '../validate.ts';

export const openedEvent = 'public_comment.opened';

export async function openConsultation(
  deps: { db: Kysely<any>; events: Events },
  input: { tenantId: string; actor: StaffActor; consultationId: string; today?: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadConsultation(trx, { id: input.consultationId }, { forUpdate: true });
    if (!c) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    // Opening twice (a double click) is the same as opening once.
    if (c.status !== 'draft') {
      if (c.status === 'open') return;
      throw new AppError('conflict', '下書きのときだけ募集を始められます。');
    }
    const today = input.today ?? japanToday();
    const documents = await listDocuments(trx, c.id);
    const problems = [
      ...(documents.length === 0
        ? [{ field: 'documentFile', message: '意見を募集する案の資料（PDF または HTML）を1つ以上登録してください。' }]
        : []),
      ...(c.topics.length === 0 ? [{ field: 'topics', message: '意見を分類する項目を1つ以上登録してください。' }] : []),
      ...(c.closesOn < today
        ? [{ field: 'closesOn', message: '募集終了日が過ぎています。募集期間を直してから始めてください。' }]
        : []),
    ];
    if (problems.length > 0) fail(problems);
    await trx
      .updateTable('pc_consultations')
      .set({ status: 'open', opened_at: new Date(), updated_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    await deps.events.emit(trx, {
      tenantId: input.tenantId,
      type: openedEvent,
      subjectType: 'consultation',
      subjectId: c.id,
      department: c.department,
      data: { number: c.number, title: c.title, opensOn: c.opensOn, closesOn: c.closesOn },
    });
    await auditStaff(trx, input, {
      action: 'public_comment.consultation.opened',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { opensOn: c.opensOn, closesOn: c.closesOn },
    });
  });
}
