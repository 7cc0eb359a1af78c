// パスワードでサインイン. Limits: per address and per account (429 with Retry-After), and after five
// wrong passwords the account locks for 1, 2, 4 … minutes (at most an hour). Every attempt is audited.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type pg from 'pg';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { readWithTenant, withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { enforceRateLimits, tooManyRequests } from '../../../platform/http/rate-limit.ts';
import type { RequestMeta } from '../audit.ts';
import { verifyAgainstDecoy, verifyPassword } from '../passwords.ts';
import { normaliseEmail } from '../validate.ts';

export interface SignInInput {
  tenantId: string;
  email: string;
  password: string;
  /** Which accounts may sign in here: residents' page or the staff page. */
  kind: 'resident' | 'staff';
  meta: RequestMeta;
  /** Attempts per client address in 10 minutes (config RATE_LIMIT_SIGN_IN_PER_IP). */
  limitPerIp?: number;
}

export interface SignedInAccount {
  id: string;
  kind: 'resident' | 'staff';
  displayName: string;
}

export const lockAfterFailures = 5;

const wrong = () =>
  new AppError('unauthorized', 'メールアドレスまたはパスワードが違います。', {
    errors: [{ field: 'email', message: 'メールアドレスまたはパスワードが違います。' }],
  });

export async function signInWithPassword(
  deps: { db: Kysely<any>; pool: pg.Pool },
  input: SignInInput,
): Promise<SignedInAccount> {
  const email = normaliseEmail(input.email);
  if (!email || !input.password) {
    const errors = [];
    if (!email) errors.push({ field: 'email', message: 'メールアドレスを入力してください。' });
    if (!input.password) errors.push({ field: 'password', message: 'パスワードを入力してください。' });
    throw new AppError('validation_failed', '入力内容を確認してください。', { errors });
  }
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `sign-in:ip:${input.meta.ip}`, limit: input.limitPerIp ?? 30, windowSeconds: 600 },
    { key: `sign-in:account:${email}`, limit: 10, windowSeconds: 600 },
  ]);

  // Single statements in one round trip each (readWithTenant, recordAudit): sign-in is a hot path.
  const [account] = await readWithTenant<{
    id: string;
    kind: 'resident' | 'staff';
    display_name: string;
    password_hash: string | null;
    email_verified_at: Date | null;
    disabled_at: Date | null;
    failed_sign_ins: number;
    locked_for: number;
  }>(
    deps.pool,
    input.tenantId,
    deps.db
      .selectFrom('accounts')
      .select([
        'id',
        'kind',
        'display_name',
        'password_hash',
        'email_verified_at',
        'disabled_at',
        'failed_sign_ins',
        sql<number>`greatest(0, ceil(extract(epoch from locked_until - now())))::int`.as('locked_for'),
      ])
      .where('email', '=', email),
  );
  const record = async (decision: 'allow' | 'deny', reason: string | null, accountId: string | null) =>
    recordAudit(deps, {
      tenantId: input.tenantId,
      action: `auth.sign_in.${input.kind}`,
      actor: accountId ?? `email:${email}`,
      actorKind: accountId ? input.kind : 'anonymous',
      resourceType: 'account',
      resourceId: accountId,
      decision,
      reason,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      dataClass: 'personal',
      details: { method: 'password' },
    });

  if (!account?.password_hash || account.kind !== input.kind || account.disabled_at) {
    await verifyAgainstDecoy(input.password);
    await record('deny', 'unknown_account', null);
    throw wrong();
  }
  if (account.locked_for > 0) {
    await record('deny', 'locked', account.id);
    throw tooManyRequests(account.locked_for);
  }
  if (!(await verifyPassword(account.password_hash, input.password))) {
    await withTenant(deps.db, input.tenantId, (trx) =>
      trx
        .updateTable('accounts')
        .set({
          failed_sign_ins: sql`failed_sign_ins + 1`,
          locked_until: sql`case when failed_sign_ins + 1 >= ${lockAfterFailures}
            then now() + make_interval(mins => least(60, power(2, failed_sign_ins + 1 - ${lockAfterFailures})::int))
            else locked_until end`,
        })
        .where('id', '=', account.id)
        .execute(),
    );
    await record('deny', 'wrong_password', account.id);
    throw wrong();
  }
  if (!account.email_verified_at) {
    await record('deny', 'email_not_verified', account.id);
    throw new AppError(
      'forbidden',
      'メールアドレスの確認が済んでいません。登録時にお送りしたメールのリンクを開いてください。',
    );
  }
  if (account.failed_sign_ins > 0) {
    await withTenant(deps.db, input.tenantId, (trx) =>
      trx
        .updateTable('accounts')
        .set({ failed_sign_ins: 0, locked_until: null })
        .where('id', '=', account.id)
        .execute(),
    );
  }
  await record('allow', null, account.id);
  return { id: account.id, kind: account.kind, displayName: account.display_name };
}
