// 新規登録: a resident creates an account with e-mail and password; the address is proven by a link.
// An address already registered gets a "you already have an account" mail instead, and the page says
// the same in both cases, so nobody can find out who has an account here.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { alreadyRegisteredMessage, createEmailToken, enqueueEmail, verifyEmailMessage } from '../emails.ts';
import { hashPassword, passwordProblem } from '../passwords.ts';
import { checkEmail, normaliseEmail } from '../validate.ts';

export interface SignUpInput {
  tenantId: string;
  cityName: string;
  baseUrl: string;
  email: string;
  displayName: string;
  password: string;
  meta: RequestMeta;
}

export async function signUp(deps: { db: Kysely<any>; jobs: Jobs }, input: SignUpInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  const errors: FieldError[] = [];
  const emailProblem = checkEmail(email);
  if (emailProblem) errors.push({ field: 'email', message: emailProblem });
  if (!displayName) errors.push({ field: 'displayName', message: 'お名前を入力してください。' });
  else if ([...displayName].length > 100)
    errors.push({ field: 'displayName', message: 'お名前は100文字以内で入力してください。' });
  const weak = passwordProblem(input.password, { email, name: displayName });
  if (weak) errors.push({ field: 'password', message: weak });
  if (errors.length > 0) throw new AppError('validation_failed', '入力内容を確認してください。', { errors });

  // Sign-ups send mail: limits keep the form from being used to flood someone's mailbox.
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `sign-up:ip:${input.meta.ip}`, limit: 20, windowSeconds: 3600 },
    { key: `sign-up:email:${email}`, limit: 3, windowSeconds: 3600 },
  ]);
  const passwordHash = await hashPassword(input.password);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const existing = await trx.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) {
      await enqueueEmail(
        deps.jobs,
        trx,
        alreadyRegisteredMessage(email, `${input.baseUrl}/sign-in`, `${input.baseUrl}/account/recover`, input.cityName),
      );
      return;
    }
    const account = await trx
      .insertInto('accounts')
      .values({
        tenant_id: input.tenantId,
        kind: 'resident',
        email,
        display_name: displayName,
        password_hash: passwordHash,
      })
      // Two sign-ups racing for one address: the second becomes the "already registered" case.
      .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!account) return;
    const token = await createEmailToken(trx, input.tenantId, account.id, 'verify');
    await enqueueEmail(
      deps.jobs,
      trx,
      verifyEmailMessage(email, displayName, `${input.baseUrl}/verify-email?token=${token}`, input.cityName),
    );
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'account.sign_up',
      actor: account.id,
      actorKind: 'resident',
      resourceType: 'account',
      resourceId: account.id,
      ip: input.meta.ip,
      requestId: input.meta.requestId,
    });
  });
}
