// Staff change a consultation. A draft changes freely. Once it has been opened the public has relied on
// its period and channels, so the period can only be extended and channels only added. The result's own
// texts (経過, the opening of 4, the note on changes, 今後の予定) are written while analysing. A published
// result is frozen.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { type Consultation, japanToday } from '../model.ts';
import { loadConsultation, replaceTopics } from '../queries.ts';
import { fail, parseSchedule, parseText } from '../validate.ts';
import { type ConsultationFields, parseConsultationFields } from './create-consultation.ts';

export interface ResultFields {
  background?: string;
  overview?: string;
  changesNote?: string;
  schedule?: string;
}

function checkOpenedChanges(
  current: Consultation,
  next: ReturnType<typeof parseConsultationFields>['value'],
  errors: FieldError[],
) {
  if (current.status === 'draft') return;
  if (next.opensOn !== current.opensOn) {
    errors.push({ field: 'opensOn', message: '募集を始めた後は、募集開始日を変えられません。' });
  }
  if (next.closesOn < current.closesOn) {
    errors.push({ field: 'closesOn', message: '募集を始めた後は、募集期間を短くできません（延長はできます）。' });
  }
  if (current.methods.some((m) => !next.methods.includes(m))) {
    errors.push({ field: 'methods', message: '募集を始めた後は、提出方法を減らせません（追加はできます）。' });
  }
}

export async function updateConsultation(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string } & (
    | { part: 'outline'; fields: ConsultationFields }
    | { part: 'result'; fields: ResultFields }
  ),
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const current = await loadConsultation(trx, { id: input.consultationId }, { forUpdate: true });
    if (!current) throw new AppError('not_found', 'パブリックコメントが見つかりません。');
    if (current.status === 'published') {
      throw new AppError('conflict', '結果を公表したパブリックコメントは変更できません。');
    }
    const errors: FieldError[] = [];
    if (input.part === 'outline') {
      const parsed = parseConsultationFields(input.fields);
      errors.push(...parsed.errors);
      if (parsed.errors.length === 0) checkOpenedChanges(current, parsed.value, errors);
      if (current.status === 'draft' && parsed.value.closesOn && parsed.value.closesOn < japanToday()) {
        errors.push({ field: 'closesOn', message: '募集終了日が過ぎています。今日以降の日にしてください。' });
      }
      if (errors.length > 0) fail(errors);
      const v = parsed.value;
      await trx
        .updateTable('pc_consultations')
        .set({
          title: v.title,
          subject: v.subject,
          summary: v.summary,
          opens_on: v.opensOn,
          closes_on: v.closesOn,
          methods: v.methods,
          announcements: v.announcements,
          send_to: v.sendTo,
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
      try {
        await replaceTopics(trx, input.tenantId, current.id, v.topics);
      } catch (error) {
        if ((error as { code?: string }).code === '23503') {
          fail([
            { field: 'topics', message: '意見が分類されている項目は削除できません。先に意見の項目を変えてください。' },
          ]);
        }
        throw error;
      }
    } else {
      const f = input.fields;
      const background = parseText(f.background, errors, 'background', '経過', { max: 5000 });
      const overview = parseText(f.overview, errors, 'overview', '御意見の内容と対応の前文', { max: 5000 });
      const changesNote = parseText(f.changesNote, errors, 'changesNote', '変更点の注記', { max: 1000 });
      const schedule = parseSchedule(f.schedule, errors);
      if (errors.length > 0) fail(errors);
      await trx
        .updateTable('pc_consultations')
        .set({
          background,
          overview,
          changes_note: changesNote,
          schedule: JSON.stringify(schedule),
          updated_at: new Date(),
        })
        .where('id', '=', current.id)
        .execute();
    }
    await auditStaff(trx, input, {
      action: `public_comment.consultation.${input.part === 'outline' ? 'updated' : 'result_texts_updated'}`,
      resourceType: 'consultation',
      resourceId: current.id,
      department: current.department,
    });
  });
}
