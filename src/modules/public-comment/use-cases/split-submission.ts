// A first cut for staff: the submission's text split into candidate opinions (numbered items or
// paragraphs), each with a suggested topic. Staff then edit each into a 要旨 and confirm the topic. Runs
// only on a submission with no opinions yet, so pressing it twice does not double them.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { splitIntoOpinions, suggestTopic } from '../analysis/index.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { listOpinions, loadForAnalysis, nextPosition } from '../queries.ts';

export async function splitSubmission(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string; submissionId: string },
): Promise<{ created: number }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    const submission = await trx
      .selectFrom('pc_submissions')
      .select(['id', 'body', 'excluded_reason'])
      .where('consultation_id', '=', c.id)
      .where('id', '=', input.submissionId)
      .executeTakeFirst();
    if (!submission) throw new AppError('not_found', '提出された意見が見つかりません。');
    if (submission.excluded_reason) throw new AppError('conflict', '対象外にした提出は分けられません。');
    const opinions = await listOpinions(trx, c.id);
    if (opinions.some((o) => o.submissionId === submission.id)) return { created: 0 };
    // Opinions staff already confirmed teach the suggestion what each topic is about.
    const topics = c.topics.map((t) => ({
      code: t.code,
      title: t.title,
      examples: opinions.filter((o) => o.topicConfirmed && o.topicCode === t.code).map((o) => o.summary),
    }));
    const parts = splitIntoOpinions(submission.body).map((p) => p.slice(0, 10000));
    let position = await nextPosition(trx, 'pc_opinions', c.id);
    for (const part of parts) {
      await trx
        .insertInto('pc_opinions')
        .values({
          tenant_id: input.tenantId,
          consultation_id: c.id,
          submission_id: submission.id,
          summary: part,
          topic_code: suggestTopic(part, topics)?.code ?? null,
          topic_confirmed: false,
          position: position++,
        })
        .execute();
    }
    await auditStaff(trx, input, {
      action: 'public_comment.submission.split',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { submissionId: submission.id, opinions: parts.length },
    });
    return { created: parts.length };
  });
}
