// The DX office sets the city's list of response classes (対応区分), one per line as 「A 御意見を踏まえ…」.
// New consultations copy the list when created; consultations already made keep the list they started with,
// so a published report never changes under its readers.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { StaffActor } from '../audit.ts';
import type { ResponseClass } from '../model.ts';
import { fail, hasBadText, lines } from '../validate.ts';

export function parseResponseClasses(value: string | undefined, errors: FieldError[]): ResponseClass[] {
  const classes: ResponseClass[] = [];
  for (const line of lines(value)) {
    const match = /^([A-Z])[\s　]+(.{1,200})$/.exec(line.replace(/^[Ａ-Ｚ]/, (c) => c.normalize('NFKC')));
    if (!match || hasBadText(line)) {
      errors.push({
        field: 'classes',
        message: `「${line.slice(0, 30)}」は「記号（A〜Z） 内容」の形で書いてください（例: A 御意見を踏まえ、当初案に反映したもの）。`,
      });
      continue;
    }
    if (classes.some((c) => c.code === match[1])) {
      errors.push({ field: 'classes', message: `対応区分の記号「${match[1]}」が重複しています。` });
      continue;
    }
    classes.push({ code: match[1]!, label: match[2]!.trim() });
  }
  if (classes.length < 2 && errors.length === 0) {
    errors.push({ field: 'classes', message: '対応区分を2つ以上入力してください（「その他」も1つの区分です）。' });
  }
  if (classes.length > 10) errors.push({ field: 'classes', message: '対応区分は10個までです。' });
  return classes;
}

export async function setResponseClasses(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; classes: string | undefined },
): Promise<ResponseClass[]> {
  const errors: FieldError[] = [];
  const classes = parseResponseClasses(input.classes, errors);
  if (errors.length > 0) fail(errors);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    await trx.deleteFrom('pc_response_classes').execute();
    await trx
      .insertInto('pc_response_classes')
      .values(classes.map((c, position) => ({ tenant_id: input.tenantId, code: c.code, label: c.label, position })))
      .execute();
    await appendAudit(trx, {
      tenantId: input.tenantId,
      actor: input.actor.accountId,
      actorKind: 'staff',
      action: 'public_comment.response_classes.set',
      resourceType: 'response_classes',
      dataClass: 'public',
      decision: 'allow',
      ip: input.actor.ip ?? null,
      requestId: input.actor.requestId ?? null,
      details: { codes: classes.map((c) => c.code) },
    });
  });
  return classes;
}
