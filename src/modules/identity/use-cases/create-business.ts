// 事業者の登録: a signed-in person registers a business and becomes its representative (owner).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';

/** 法人番号: 13 digits, the first a check digit over the other twelve (国税庁の計算式). */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const base = value.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return Number(value[0]) === 9 - (sum % 9);
}

export async function createBusiness(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    accountId: string;
    name: string;
    corporateNumber: string;
    address: string;
    meta: RequestMeta;
  },
): Promise<{ businessId: string }> {
  const name = input.name.trim();
  const address = input.address.trim();
  const corporateNumber = input.corporateNumber.normalize('NFKC').replace(/[\s-]/g, '');
  const errors: FieldError[] = [];
  if (!name) errors.push({ field: 'name', message: '事業者名を入力してください。' });
  if (!address) errors.push({ field: 'address', message: '所在地を入力してください。' });
  if (corporateNumber && !isValidCorporateNumber(corporateNumber)) {
    errors.push({
      field: 'corporateNumber',
      message: '法人番号は13桁の数字です。国税庁の法人番号公表サイトで確認してください（検査用数字が一致しません）。',
    });
  }
  if (errors.length > 0) throw new AppError('validation_failed', '入力内容を確認してください。', { errors });
  return withTenant(deps.db, input.tenantId, async (trx) => {
    // Sent twice by the same person (a retried request): the business that first request made.
    const same = await trx
      .selectFrom('businesses')
      .select('id')
      .where('created_by', '=', input.accountId)
      .where('name', '=', name)
      .where('address', '=', address)
      .executeTakeFirst();
    if (same) return { businessId: same.id as string };
    if (corporateNumber) {
      const existing = await trx
        .selectFrom('businesses')
        .select('id')
        .where('corporate_number', '=', corporateNumber)
        .executeTakeFirst();
      if (existing) {
        throw new AppError(
          'conflict',
          'この法人番号の事業者はすでに登録されています。代表者にメンバーへの追加を依頼してください。',
          {
            errors: [{ field: 'corporateNumber', message: 'この法人番号の事業者はすでに登録されています。' }],
          },
        );
      }
    }
    const business = await trx
      .insertInto('businesses')
      .values({
        tenant_id: input.tenantId,
        name,
        corporate_number: corporateNumber || null,
        address,
        created_by: input.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('business_members')
      .values({
        tenant_id: input.tenantId,
        business_id: business.id,
        account_id: input.accountId,
        role: 'owner',
        added_by: input.accountId,
      })
      .execute();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'business.create',
      actor: input.accountId,
      actorKind: 'resident',
      resourceType: 'business',
      resourceId: business.id,
      dataClass: 'public',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
    return { businessId: business.id as string };
  });
}
