// Staff write one opinion (件) of a submission: its topic, 意見の要旨, 本市の考え方, 区分 and the change in
// the plan it led to. Creating needs the submission; updating names the opinion. Saving a topic is staff
// confirming it (a suggested topic is only a suggestion until then).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { listChanges, loadForAnalysis, nextPosition } from '../queries.ts';
import { fail, parseText } from '../validate.ts';

export interface OpinionFields {
  topicCode?: string;
  summary?: string;
  response?: string;
  classCode?: string;
  changeId?: string;
}

export async function saveOpinion(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string; fields: OpinionFields } & (
    | { submissionId: string; opinionId?: undefined }
    | { opinionId: string; submissionId?: undefined }
  ),
): Promise<{ id: string }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    const f = input.fields;
    const errors: FieldError[] = [];
    const summary = parseText(f.summary, errors, 'summary', '意見の要旨', { required: true, max: 10000 });
    const response = parseText(f.response, errors, 'response', '本市の考え方', { max: 10000 });
    const topicCode = (f.topicCode ?? '').trim() || null;
    if (topicCode && !c.topics.some((t) => t.code === topicCode)) {
      errors.push({ field: 'topicCode', message: `項目「${topicCode}」はこの案にありません。` });
    }
    const classCode = (f.classCode ?? '').trim() || null;
    if (classCode && !c.classes.some((k) => k.code === classCode)) {
      errors.push({ field: 'classCode', message: `対応区分「${classCode}」はありません。` });
    }
    const changeId = (f.changeId ?? '').trim() || null;
    if (changeId && !(await listChanges(trx, c.id)).some((ch) => ch.id === changeId)) {
      errors.push({ field: 'changeId', message: '選んだ変更点が見つかりません。' });
    }
    if (errors.length > 0) fail(errors);
    const values = {
      topic_code: topicCode,
      topic_confirmed: topicCode !== null,
      summary,
      response,
      class_code: classCode,
      change_id: changeId,
      updated_at: new Date(),
    };
    let id: string;
    if (input.opinionId) {
      const row = await trx
        .updateTable('pc_opinions')
        .set(values)
        .where('consultation_id', '=', c.id)
        .where('id', '=', input.opinionId)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', '意見が見つかりません。');
      id = row.id;
    } else {
      const submission = await trx
        .selectFrom('pc_submissions')
        .select(['id', 'excluded_reason'])
        .where('consultation_id', '=', c.id)
        .where('id', '=', input.submissionId!)
        .executeTakeFirst();
      if (!submission) throw new AppError('not_found', '提出された意見が見つかりません。');
      if (submission.excluded_reason) throw new AppError('conflict', '対象外にした提出からは意見を作れません。');
      const row = await trx
        .insertInto('pc_opinions')
        .values({
          ...values,
          tenant_id: input.tenantId,
          consultation_id: c.id,
          submission_id: submission.id,
          position: await nextPosition(trx, 'pc_opinions', c.id),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await auditStaff(trx, input, {
      action: input.opinionId ? 'public_comment.opinion.updated' : 'public_comment.opinion.created',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { opinionId: id, topicCode, classCode },
    });
    return { id };
  });
}
