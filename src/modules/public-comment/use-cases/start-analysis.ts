// After the last day of the period staff start the analysis: submissions are split into opinions, each
// gets a topic, the city's view and a class. The web form is closed by then (the period decides that).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { consultationPhase } from '../feed/phase.ts';
import { japanToday } from '../model.ts';
import { loadConsultation } from '../queries.ts';

export async function startAnalysis(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string; today?: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadConsultation(trx, { id: input.consultationId }, { forUpdate: true });
    if (!c) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    if (c.status === 'analysing') return;
    const phase = consultationPhase(c, input.today ?? japanToday());
    if (phase !== 'closed') {
      throw new AppError(
        'conflict',
        phase === 'open' || phase === 'upcoming'
          ? `意見の募集期間中です（${c.closesOn} まで）。募集が終わってから集計・分析を始めてください。`
          : 'この状態からは集計・分析を始められません。',
      );
    }
    await trx
      .updateTable('pc_consultations')
      .set({ status: 'analysing', updated_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    await auditStaff(trx, input, {
      action: 'public_comment.consultation.analysis_started',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
    });
  });
}
