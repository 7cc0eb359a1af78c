// What the public page of a consultation shows: the consultation (never a draft), its documents, where it
// is in its life (募集開始前, 募集中, 募集終了, 集計中, 結果公表) and, once published, the frozen result.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { consultationPhase } from '../feed/phase.ts';
import { type Consultation, type ConsultationDocument, type ConsultationPhase, japanToday } from '../model.ts';
import { listDocuments, loadConsultation } from '../queries.ts';
import type { ResultReport } from '../report/types.ts';

export interface PublicConsultation {
  consultation: Consultation;
  documents: ConsultationDocument[];
  phase: ConsultationPhase;
  result: ResultReport | null;
}

export async function getPublicConsultation(
  deps: { db: Kysely<any> },
  input: { tenantId: string; number: number; today?: string },
): Promise<PublicConsultation> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const consultation = await loadConsultation(trx, { number: input.number });
    if (!consultation || consultation.status === 'draft') {
      throw new AppError('not_found', 'このパブリックコメントは見つかりません。');
    }
    const documents = await listDocuments(trx, consultation.id);
    const result =
      consultation.status === 'published'
        ? (((
            await trx
              .selectFrom('pc_consultations')
              .select('result')
              .where('id', '=', consultation.id)
              .executeTakeFirst()
          )?.result ?? null) as ResultReport | null)
        : null;
    return { consultation, documents, phase: consultationPhase(consultation, input.today ?? japanToday()), result };
  });
}
