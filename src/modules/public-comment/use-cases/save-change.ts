// Staff record a change from the draft (改定案からの変更点): what changed, the text after and before.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadForAnalysis, nextPosition } from '../queries.ts';
import { fail, parseText } from '../validate.ts';

export async function saveChange(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    actor: StaffActor;
    consultationId: string;
    changeId?: string | undefined;
    fields: { summary?: string; after?: string; before?: string };
  },
): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const summary = parseText(input.fields.summary, errors, 'changeSummary', '変更の概要', { required: true, max: 2000 });
  const after = parseText(input.fields.after, errors, 'changeAfter', '変更後の内容', { required: true, max: 10000 });
  const before = parseText(input.fields.before, errors, 'changeBefore', '変更前の内容', { max: 10000 });
  if (errors.length > 0) fail(errors);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    const values = { summary, after_text: after, before_text: before || 'なし' };
    let id: string;
    if (input.changeId) {
      const row = await trx
        .updateTable('pc_changes')
        .set(values)
        .where('consultation_id', '=', c.id)
        .where('id', '=', input.changeId)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', '変更点が見つかりません。');
      id = row.id;
    } else {
      const row = await trx
        .insertInto('pc_changes')
        .values({
          ...values,
          tenant_id: input.tenantId,
          consultation_id: c.id,
          position: await nextPosition(trx, 'pc_changes', c.id),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await auditStaff(trx, input, {
      action: input.changeId ? 'public_comment.change.updated' : 'public_comment.change.created',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { changeId: id },
    });
    return { id };
  });
}
