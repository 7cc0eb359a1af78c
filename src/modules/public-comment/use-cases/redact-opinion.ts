// Staff hide words in an opinion before publication (a name, an address, a neighbour's shop): every
// occurrence in 要旨 and 考え方 becomes 〇〇. The audit row records how many were hidden, not the words.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditStaff, type StaffActor } from '../audit.ts';
import { loadForAnalysis } from '../queries.ts';
import { fail, parseText } from '../validate.ts';

export const redactionMark = '〇〇';

export async function redactOpinion(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; consultationId: string; opinionId: string; text: string | undefined },
): Promise<{ replaced: number }> {
  const errors: FieldError[] = [];
  const text = parseText(input.text, errors, 'redact', '伏せる文字', { required: true, max: 200 });
  if (errors.length > 0) fail(errors);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const c = await loadForAnalysis(trx, input.consultationId);
    const opinion = await trx
      .selectFrom('pc_opinions')
      .select(['summary', 'response'])
      .where('consultation_id', '=', c.id)
      .where('id', '=', input.opinionId)
      .executeTakeFirst();
    if (!opinion) throw new AppError('not_found', '意見が見つかりません。');
    const replaced = opinion.summary.split(text).length - 1 + (opinion.response.split(text).length - 1);
    if (replaced === 0) fail([{ field: 'redact', message: `「${text}」は要旨にも考え方にも見つかりません。` }]);
    await trx
      .updateTable('pc_opinions')
      .set({
        summary: opinion.summary.replaceAll(text, redactionMark),
        response: opinion.response.replaceAll(text, redactionMark),
        updated_at: new Date(),
      })
      .where('id', '=', input.opinionId)
      .execute();
    await auditStaff(trx, input, {
      action: 'public_comment.opinion.redacted',
      resourceType: 'consultation',
      resourceId: c.id,
      department: c.department,
      details: { opinionId: input.opinionId, replaced, length: text.length },
    });
    return { replaced };
  });
}
