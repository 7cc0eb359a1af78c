// メールでの受け取りの申し込み: an address asks for the city's notices. Nothing is sent to it until its owner
// follows the mailed link (double opt-in), and whoever typed it learns nothing about whether it was on
// file: a new, pending or stopped address is (again) pending and gets the confirm link; one already
// receiving gets a short "already subscribed" mail with its stop link; a signed-in resident naming an
// address that receives for someone else (or nobody) gets a confirm link that would link it to their
// account. The page says the same in every case. The mail goes from a job after the commit, and the job
// makes the link again from the subscriber id: no token is written to the queue's table.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import { japanDateTime } from '../../../platform/ja/today.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import type { ModuleJob, PlatformDeps } from '../../../platform/module.ts';
import { tenantName } from '../../../platform/tenancy/tenants.ts';
import { auditSubscriber } from '../audit.ts';
import { k, topicKey } from '../pages/resident-messages.ts';
import { unsubscribeUrl } from '../unsubscribe-link.ts';
import { confirmHours, confirmPath, confirmToken } from './confirm-email.ts';
import type { Preferences } from './save-preferences.ts';

export const sendEmailConfirmationJob = 'messaging.send-email-confirmation';

export type EmailProblemKey = 'emailMissing' | 'emailTooLong' | 'emailInvalid';

/** Full-width ＠ and ． typed with a Japanese IME are a common slip: NFKC makes them ASCII. */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** The message key of what is wrong with a normalised address, or undefined. */
export function emailProblem(email: string): EmailProblemKey | undefined {
  if (email === '') return 'emailMissing';
  if (email.length > 254) return 'emailTooLong';
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email)) return 'emailInvalid';
  return undefined;
}

export interface SubscribeEmailInput {
  tenantId: string;
  email: string;
  /** The signed-in resident asking; null for an anonymous visitor. */
  accountId: string | null;
  preferences: Preferences;
  /** Whether notices meant for the account may come to this address too. */
  personal: boolean;
  /** Origin the links in the mail point to (PUBLIC_URL, or the request's own). */
  origin: string;
  meta: RequestMeta;
}

export interface EmailConfirmationJob {
  tenantId: string;
  subscriberId: string;
  accountId: string | null;
  kind: 'confirm' | 'already';
  origin: string;
  /** When the confirm link stops working (ms since the epoch). */
  expiresAt: number;
}

export async function subscribeEmail(deps: { db: Kysely<any>; jobs: Jobs }, input: SubscribeEmailInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const problem = emailProblem(email);
  if (problem) {
    const message = t('ja', k(problem));
    throw new AppError('validation_failed', message, { errors: [{ field: 'email', message }] });
  }
  // Every request sends a mail: the limits keep the form from being used to flood someone's mailbox.
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `msg-subscribe:ip:${input.meta.ip}`, limit: 20, windowSeconds: 3600 },
    { key: `msg-subscribe:email:${email}`, limit: 5, windowSeconds: 3600 },
  ]);
  const p = input.preferences;
  await withTenant(deps.db, input.tenantId, async (trx) => {
    // A new address is inserted pending; on a conflict the insert waited for any racing request, so the
    // row is there to read and lock.
    await sql`insert into msg_subscribers (tenant_id, channel, address, topics, ward_code, language, birth_year,
        status, personal)
      values (${input.tenantId}, 'email', ${email}, ${p.topics}::text[], ${p.wardCode}, ${p.language},
        ${p.birthYear}::integer, 'pending', ${input.personal}::boolean)
      on conflict (tenant_id, channel, address) do nothing`.execute(trx);
    const row = await trx
      .selectFrom('msg_subscribers')
      .select(['id', 'status', 'account_id'])
      .where('channel', '=', 'email')
      .where('address', '=', email)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let kind: EmailConfirmationJob['kind'] | undefined;
    if (row.status !== 'active') {
      // Nothing is sent to it until confirmed, so what it asks for may change until then.
      await trx
        .updateTable('msg_subscribers')
        .set({
          status: 'pending',
          topics: p.topics,
          ward_code: p.wardCode,
          language: p.language,
          birth_year: p.birthYear,
          personal: input.personal,
          updated_at: new Date(),
        })
        .where('id', '=', row.id)
        .execute();
      kind = 'confirm';
    } else if (input.accountId === null) kind = 'already';
    else if (row.account_id !== input.accountId) kind = 'confirm';
    // else: already this account's address, receiving; its settings were saved with the rest.
    if (!kind) return;
    await auditSubscriber(
      trx,
      { tenantId: input.tenantId, accountId: input.accountId, meta: input.meta },
      { action: 'messaging.email.requested', resourceId: row.id },
    );
    await deps.jobs.enqueue(trx, sendEmailConfirmationJob, {
      tenantId: input.tenantId,
      subscriberId: row.id,
      accountId: input.accountId,
      kind,
      origin: input.origin,
      expiresAt: Date.now() + confirmHours * 3600_000,
    } satisfies EmailConfirmationJob);
  });
}

// A city name goes into the subject line: no control characters, one line.
const oneLine = (text: string) => text.replace(/[\p{Cc}\p{Cs}\u2028\u2029]+/gu, ' ').trim();

const footer = (city: string) =>
  `\n\n-- \n${city} デジタル市役所（送信専用のメールです。返信はできません）\nThis is an automated message from the city's online services.`;

/** The job: the confirm link, or word that the address already receives (with its stop link). */
export async function sendEmailConfirmation(
  deps: Pick<PlatformDeps, 'db' | 'mail' | 'secrets'>,
  data: EmailConfirmationJob,
): Promise<void> {
  const found = await withTenant(deps.db, data.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('msg_subscribers')
      .select(['id', 'address', 'status', 'topics'])
      .where('id', '=', data.subscriberId)
      .executeTakeFirst();
    return row ? { row, city: oneLine(await tenantName(trx, data.tenantId)) } : undefined;
  });
  if (!found) return;
  const { row, city } = found;
  // Stopped in the meantime: a confirm link would start it again, an "already" mail would be wrong.
  if (data.kind === 'confirm' && row.status !== 'pending' && row.status !== 'active') return;
  if (data.kind === 'already' && row.status !== 'active') return;
  if (data.kind === 'already') {
    const stop = unsubscribeUrl(deps, data.origin, data.tenantId, row.id);
    await deps.mail.send({
      to: row.address,
      subject: `【${city}】お知らせメールは登録済みです`,
      text: `このメールアドレスには、すでに${city}からのお知らせが届いています。改めての手続は不要です。\n\nお知らせを止めるには、次のリンクを開いてください（ボタン1つで止まります）。\n${stop}\n\nThis address already receives the city's notices. To stop them, open the link above.${footer(city)}`,
    });
    return;
  }
  const expiresAt = new Date(data.expiresAt);
  const link = `${data.origin}${confirmPath}/${confirmToken(deps.secrets, data.tenantId, {
    subscriberId: row.id,
    accountId: data.accountId,
    expiresAt,
  })}`;
  const topics = (row.topics as string[]).map((x) => t('ja', topicKey(x))).join('、');
  await deps.mail.send({
    to: row.address,
    subject: `【${city}】お知らせメールの登録の確認`,
    text: `${city}からのお知らせをメールで受け取る申し込みを受け付けました。\n次のリンクを開き、「登録する」ボタンを押すと登録が完了します（${japanDateTime(expiresAt)}まで有効）。\n\n${link}\n\n受け取る分野: ${topics || '選んでいません（市内の全員に向けたお知らせだけ）'}\n\n心当たりがない場合は、このメールを破棄してください。登録は完了せず、お知らせも届きません。\n\nTo get the city's notices by e-mail, open the link above and press the button (valid for ${confirmHours} hours). If you did not ask for this, ignore this e-mail.${footer(city)}`,
  });
}

/** For the module's `jobs`: `[sendEmailConfirmationJob]: emailConfirmationJob`. */
export const emailConfirmationJob: ModuleJob = {
  async handler(data, _job, deps) {
    await sendEmailConfirmation(deps, data as EmailConfirmationJob);
  },
  // An SMTP relay down for an hour must not lose the mail; a resend of the same link does no harm.
  retryLimit: 8,
};
