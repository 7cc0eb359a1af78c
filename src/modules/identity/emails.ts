// The e-mails identity sends. They go out from a job (identity.send-email), enqueued in the same
// transaction as the token they carry: no mail for a rolled-back sign-up, no sign-up without its mail.
import { createHash, randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Jobs } from '../../platform/jobs/queue.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';

export const sendEmailJob = 'identity.send-email';

export type EmailPurpose = 'verify' | 'recover';

const lifetimeMinutes: Record<EmailPurpose, number> = { verify: 24 * 60, recover: 60 };

/** Creates a one-time token for an e-mail link; the database keeps only its hash. */
export async function createEmailToken(
  trx: Kysely<any>,
  tenantId: string,
  accountId: string,
  purpose: EmailPurpose,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await trx
    .insertInto('email_tokens')
    .values({
      tenant_id: tenantId,
      token_hash: createHash('sha256').update(token).digest(),
      account_id: accountId,
      purpose,
      expires_at: sql`now() + make_interval(mins => ${lifetimeMinutes[purpose]})`,
    })
    .execute();
  return token;
}

/** Marks the token used and returns its account, or undefined if unknown, used or expired. */
export async function consumeEmailToken(
  trx: Kysely<any>,
  token: string,
  purpose: EmailPurpose,
): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await trx
    .updateTable('email_tokens')
    .set({ used_at: sql`now()` })
    .where('token_hash', '=', createHash('sha256').update(token).digest())
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('account_id')
    .executeTakeFirst();
  return row?.account_id as string | undefined;
}

export async function enqueueEmail(jobs: Jobs, trx: Kysely<any>, message: MailMessage): Promise<void> {
  await jobs.enqueue(trx, sendEmailJob, message);
}

const footer = `\n\n-- \nこのメールは送信専用です。心当たりがない場合は、このメールを破棄してください。\nThis is an automated message from the city's online services.`;

export function verifyEmailMessage(to: string, name: string, link: string, city: string): MailMessage {
  return {
    to,
    subject: `【${city}】メールアドレスの確認`,
    text: `${name} 様\n\n${city}のデジタル市役所にアカウントを登録していただき、ありがとうございます。\n次のリンクを開くと、メールアドレスの確認が終わり、登録が完了します（24時間有効）。\n\n${link}\n\nTo finish creating your account, open the link above within 24 hours.${footer}`,
  };
}

export function alreadyRegisteredMessage(
  to: string,
  signInLink: string,
  recoverLink: string,
  city: string,
): MailMessage {
  return {
    to,
    subject: `【${city}】アカウント登録のお申し込みについて`,
    text: `このメールアドレスで、すでにアカウントが登録されています。\n\nサインイン: ${signInLink}\nパスワードを忘れた場合: ${recoverLink}\n\nAn account with this address already exists. Sign in or recover it with the links above.${footer}`,
  };
}

export function recoverMessage(to: string, name: string, link: string, city: string): MailMessage {
  return {
    to,
    subject: `【${city}】パスワードの再設定`,
    text: `${name} 様\n\nパスワードの再設定を受け付けました。次のリンクから新しいパスワードを設定してください（1時間有効、1回限り）。\n再設定すると、ほかの端末のサインインはすべて終了します。\n\n${link}\n\nOpen the link within one hour to set a new password.${footer}`,
  };
}
