// 代理の依頼: a resident lets another account holder act for them, for some procedures or all, until a
// date. Staff register the same from documents (a guardian's 登記事項証明書) with `grantedBy: 'staff'`.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { checkEmail, normaliseEmail } from '../validate.ts';

export const relationships = ['family', 'supporter', 'guardian'] as const;
export type Relationship = (typeof relationships)[number];

export interface GrantProxyInput {
  tenantId: string;
  /** The person who will be acted for: their account id, or (staff) their e-mail. */
  principal: { accountId: string } | { email: string };
  proxyEmail: string;
  relationship: string;
  /** Procedure codes, one per line or comma separated; empty: all that allow a proxy. */
  procedures: string;
  validUntil: string;
  grantedBy: { kind: 'principal' | 'staff'; accountId: string };
  basis?: string;
  today?: Date;
  meta: RequestMeta;
}

function isoDay(d: Date): string {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}

export async function grantProxy(deps: { db: Kysely<any> }, input: GrantProxyInput): Promise<{ grantId: string }> {
  const errors: FieldError[] = [];
  const proxyEmail = normaliseEmail(input.proxyEmail);
  const emailProblem = checkEmail(proxyEmail);
  if (emailProblem) errors.push({ field: 'proxyEmail', message: emailProblem });
  if (!(relationships as readonly string[]).includes(input.relationship)) {
    errors.push({ field: 'relationship', message: '代理人との関係を選んでください。' });
  }
  const procedures = input.procedures
    .split(/[\s,、]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const badCode = procedures.find((p) => !/^[A-Za-z0-9._-]{1,40}$/.test(p));
  if (badCode)
    errors.push({
      field: 'procedures',
      message: `手続の番号「${badCode}」の形式が正しくありません（英数字と . _ - のみ）。`,
    });
  const today = isoDay(input.today ?? new Date());
  const limit = `${Number(today.slice(0, 4)) + 5}${today.slice(4)}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil) || Number.isNaN(Date.parse(input.validUntil))) {
    errors.push({ field: 'validUntil', message: '有効期限を 2027-03-31 のように入力してください。' });
  } else if (input.validUntil < today) {
    errors.push({ field: 'validUntil', message: '有効期限には今日以降の日付を入力してください。' });
  } else if (input.validUntil > limit) {
    errors.push({ field: 'validUntil', message: `有効期限は最長5年（${limit}まで）です。` });
  }
  if (input.grantedBy.kind === 'staff' && !input.basis?.trim()) {
    errors.push({ field: 'basis', message: '確認した書類を入力してください。' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', '入力内容を確認してください。', { errors });

  return withTenant(deps.db, input.tenantId, async (trx) => {
    const principal =
      'accountId' in input.principal
        ? await trx
            .selectFrom('accounts')
            .select(['id', 'kind'])
            .where('id', '=', input.principal.accountId)
            .executeTakeFirst()
        : await trx
            .selectFrom('accounts')
            .select(['id', 'kind'])
            .where('email', '=', normaliseEmail(input.principal.email))
            .executeTakeFirst();
    if (principal?.kind !== 'resident') {
      throw new AppError('validation_failed', '本人のアカウントが見つかりません。', {
        errors: [{ field: 'principalEmail', message: 'このメールアドレスの住民アカウントは登録されていません。' }],
      });
    }
    const proxy = await trx
      .selectFrom('accounts')
      .select(['id', 'kind'])
      .where('email', '=', proxyEmail)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (proxy?.kind !== 'resident') {
      throw new AppError('validation_failed', '代理人のアカウントが見つかりません。', {
        errors: [
          {
            field: 'proxyEmail',
            message:
              'このメールアドレスのアカウントは登録されていません。代理人にアカウントの登録をお願いしてください。',
          },
        ],
      });
    }
    if (proxy.id === principal.id) {
      throw new AppError('validation_failed', 'ご自身を代理人にはできません。', {
        errors: [{ field: 'proxyEmail', message: 'ご自身を代理人にはできません。' }],
      });
    }
    // A form sent twice (a double click, a retried request) gives the same grant, not a second one.
    const same = await trx
      .selectFrom('proxy_grants')
      .select('id')
      .where('principal_id', '=', principal.id)
      .where('proxy_id', '=', proxy.id)
      .where('relationship', '=', input.relationship)
      .where(sql<boolean>`procedures = ${sql.val(procedures)}::text[]`)
      .where('valid_until', '=', input.validUntil)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (same) return { grantId: same.id as string };
    const grant = await trx
      .insertInto('proxy_grants')
      .values({
        tenant_id: input.tenantId,
        principal_id: principal.id,
        proxy_id: proxy.id,
        relationship: input.relationship,
        procedures,
        valid_until: input.validUntil,
        granted_by: input.grantedBy.accountId,
        granted_by_kind: input.grantedBy.kind,
        basis: input.basis?.trim() || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'proxy.grant',
      actor: input.grantedBy.accountId,
      actorKind: input.grantedBy.kind === 'staff' ? 'staff' : 'resident',
      onBehalfOf: principal.id,
      resourceType: 'proxy_grant',
      resourceId: grant.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { proxy: proxy.id, relationship: input.relationship, procedures, validUntil: input.validUntil },
    });
    return { grantId: grant.id as string };
  });
}
