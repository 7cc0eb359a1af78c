// The public list at /public-comments: every consultation that is not a draft, grouped by where it is
// (意見募集中 / 募集開始前 / 募集終了・集計中 / 結果公表), newest first.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { consultationPhase } from '../feed/phase.ts';
import { type Consultation, type ConsultationPhase, japanToday } from '../model.ts';
import { listConsultations } from '../queries.ts';

export type ListedConsultation = Consultation & {
  phase: ConsultationPhase;
  submissionCount: number;
  opinionCount: number;
};

export async function listPublicConsultations(
  deps: { db: Kysely<any> },
  input: { tenantId: string; today?: string },
): Promise<ListedConsultation[]> {
  const today = input.today ?? japanToday();
  const rows = await withTenant(deps.db, input.tenantId, (trx) => listConsultations(trx, { publicOnly: true }));
  return rows.map((c) => ({ ...c, phase: consultationPhase(c, today) }));
}

export async function listStaffConsultations(
  deps: { db: Kysely<any> },
  input: { tenantId: string; departments: readonly string[] | 'all'; today?: string },
): Promise<ListedConsultation[]> {
  const today = input.today ?? japanToday();
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    listConsultations(trx, { departments: input.departments }),
  );
  return rows.map((c) => ({ ...c, phase: consultationPhase(c, today) }));
}
