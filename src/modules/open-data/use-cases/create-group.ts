// The DX office creates a group (分類, CKAN "group") that datasets of any department can belong to. Groups
// are city-wide, so only a DX administrator makes them; a taken name is a field error, not a crash.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import type { GroupRef } from '../model.ts';

// Control characters other than tab and line breaks never belong in a title or description.
const controlCharacters = /[^\P{Cc}\t\n\r]/u;

export async function createGroup(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    actor: OpenDataActor;
    fields: { name?: string | undefined; title?: string | undefined; description?: string | undefined };
  },
): Promise<GroupRef> {
  if (!input.actor.roles.includes('dx_admin')) {
    throw new AppError('forbidden', '分類（グループ）は全庁共通のため、DX推進担当が作成します。');
  }
  const name = (input.fields.name ?? '').trim();
  const title = (input.fields.title ?? '').normalize('NFC').trim();
  const description = (input.fields.description ?? '').normalize('NFC').trim();
  const errors: FieldError[] = [];
  if (!/^[a-z0-9_-]{2,100}$/.test(name)) {
    errors.push({
      field: 'name',
      message: 'URL名は半角の英小文字・数字・ハイフン（-）・下線（_）で、2〜100文字にしてください（例: bosai）。',
    });
  }
  if (title === '') errors.push({ field: 'title', message: '分類の名前を入力してください。' });
  else if (title.length > 200 || controlCharacters.test(title)) {
    errors.push({ field: 'title', message: '分類の名前は200文字以内で入力してください。' });
  }
  if (description.length > 2000 || controlCharacters.test(description)) {
    errors.push({ field: 'description', message: '説明は2000文字以内で入力してください。' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .insertInto('od_groups')
      .values({ tenant_id: input.tenantId, name, title, description })
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .returning(['id', 'name', 'title', 'description'])
      .executeTakeFirst();
    if (!row) {
      throw new AppError('validation_failed', undefined, {
        errors: [{ field: 'name', message: 'このURL名の分類はすでにあります。別の名前にしてください。' }],
      });
    }
    await auditOpenData(trx, input, {
      action: 'open_data.group.created',
      resourceType: 'group',
      resourceId: row.id,
      department: null,
      details: { name },
    });
    return { id: row.id, name: row.name, title: row.title, description: row.description };
  });
}
