// Staff publish the result: every check passes, the report is built from the records and frozen in the
// consultation (HTML, PDF, CSV and JSON are all rendered from that frozen copy), and the consultation
// becomes 結果公表. Publishing twice is publishing once.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { type Change, type Consultation, japanToday, type Opinion, type Submission } from '../model.ts';
import { listChanges, listOpinions, listSubmissions, loadConsultation } from '../queries.ts';
import { buildResultReport } from '../report/build-report.ts';
import type { ReportInput, ResultReport } from '../report/types.ts';
import { checkPublication } from './check-publication.ts';

export const resultPublishedEvent = 'public_comment.result_published';

export function reportInputOf(
  c: Consultation,
  names: { cityName: string; departmentName: string },
  records: { submissions: Submission[]; opinions: Opinion[]; changes: Change[] },
  publishedOn: string,
): ReportInput {
  return {
    cityName: names.cityName,
    departmentName: names.departmentName,
    subject: c.subject,
    publishedOn,
    background: c.background,
    period: { from: c.opensOn, to: c.closesOn },
    methods: c.methods,
    announcements: c.announcements,
    submissionCount: records.submissions.filter((s) => s.excludedReason === null).length,
    overview: c.overview.split(/\n+/).filter((p) => p.trim() !== ''),
    classes: c.classes,
    topics: c.topics,
    opinions: records.opinions.map((o) => ({
      topicCode: o.topicCode ?? '',
      summary: o.summary,
      response: o.response,
      classCode: o.classCode ?? '',
    })),
    changes: records.changes.map((ch) => ({ summary: ch.summary, after: ch.after, before: ch.before })),
    changesNote: c.changesNote,
    schedule: c.schedule,
  };
}

export async function publishResult(
  deps: { db: Kysely<any>; events: Events },
  input: {
    tenantId: string;
    actor: StaffActor;
    consultationId: string;
    cityName: string;
    departmentName: string;
    today?: string;
  },
): Promise<ResultReport> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadConsultation(trx, { id: input.consultationId }, { forUpdate: true });
    if (!c) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    if (c.status === 'published') {
      const row = await trx
        .selectFrom('pc_consultations')
        .select('result')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      return row.result as ResultReport;
    }
    if (c.status !== 'analysing') throw new AppError('conflict', '集計・分析中のときだけ結果を公表できます。');
    const [submissions, opinions, changes] = [
      await listSubmissions(trx, c),
      await listOpinions(trx, c.id),
      await listChanges(trx, c.id),
    ];
    const problems = checkPublication(c, submissions, opinions);
    if (problems.length > 0) {
      throw new AppError('validation_failed', `公表の前に直すところが${problems.length}件あります。`, {
        errors: problems.map((p) => ({ field: p.href, message: p.message })),
      });
    }
    const publishedOn = input.today ?? japanToday();
    const report = buildResultReport(reportInputOf(c, input, { submissions, opinions, changes }, publishedOn));
    await trx
      .updateTable('pc_consultations')
      .set({ status: 'published', result: JSON.stringify(report), published_on: publishedOn, updated_at: new Date() })
      .where('id', '=', c.id)
      .execute();
    await deps.events.emit(trx, {
      tenantId: input.tenantId,
      type: resultPublishedEvent,
      subjectType: 'consultation',
      subjectId: c.id,
      department: c.department,
      data: { number: c.number, title: c.title, submissions: report.submissionCount, opinions: report.opinionCount },
    });
    await auditStaff(trx, input, {
      action: 'public_comment.result.published',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { submissions: report.submissionCount, opinions: report.opinionCount },
    });
    return report;
  });
}
