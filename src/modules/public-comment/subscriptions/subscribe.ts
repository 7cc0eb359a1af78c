// お知らせメールの登録: an address asks to be told when a consultation opens. Nothing is sent to it until
// the owner follows the link mailed to it (double opt-in). The caller learns nothing about whether the
// address was already on file: a new address gets the confirm link, a confirmed one a short "already
// subscribed" mail with its stop link, and the page says the same in every case.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { messages } from './messages.ts';
import { insertSubscription, restartSubscription, subscriptionByEmail } from './queries.ts';
import { type SubscriptionMailJob, sendSubscriptionMailJob } from './send-subscription-mail.ts';
import { subscriptionToken, type TokenSecrets, tokenHash } from './tokens.ts';

export type EmailProblem = 'emailMissing' | 'emailTooLong' | 'emailInvalid';

/** Full-width ＠ and ． typed with a Japanese IME are a common slip: NFKC makes them ASCII. */
export function normaliseEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** The message key of what is wrong with a normalised address, or undefined. */
export function emailProblem(email: string): EmailProblem | undefined {
  if (email === '') return 'emailMissing';
  if (email.length > 254) return 'emailTooLong';
  if (!/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(email)) return 'emailInvalid';
  return undefined;
}

export interface SubscribeInput {
  tenantId: string;
  email: string;
  /** Origin the links in the mail point to (PUBLIC_URL, or the request's own). */
  baseUrl: string;
  meta: RequestMeta;
}

export async function subscribe(
  deps: { db: Kysely<any>; jobs: Jobs; secrets: TokenSecrets },
  input: SubscribeInput,
): Promise<void> {
  const email = normaliseEmail(input.email);
  const problem = emailProblem(email);
  if (problem) {
    const message = messages.ja[problem]!;
    throw new AppError('validation_failed', message, { errors: [{ field: 'email', message }] });
  }
  // Every request sends a mail: the limits keep the form from being used to flood someone's mailbox.
  await enforceRateLimits(deps.db, input.tenantId, [
    { key: `pc-subscribe:ip:${input.meta.ip}`, limit: 20, windowSeconds: 3600 },
    { key: `pc-subscribe:email:${email}`, limit: 3, windowSeconds: 3600 },
  ]);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const id = randomUUID();
    const created = await insertSubscription(trx, {
      tenantId: input.tenantId,
      id,
      email,
      tokenHash: tokenHash(subscriptionToken(deps.secrets, input.tenantId, id)),
    });
    // On a conflict the insert waited for any racing request, so the row is there to read.
    const row = created ? { id, state: 'pending' as const } : await subscriptionByEmail(trx, email);
    if (!row) throw new Error('subscription vanished between insert and read');
    if (row.state === 'stopped') await restartSubscription(trx, row.id);
    if (created || row.state === 'stopped') {
      await appendAudit(trx, {
        tenantId: input.tenantId,
        actor: 'anonymous',
        actorKind: 'anonymous',
        action: created ? 'public_comment.subscription.requested' : 'public_comment.subscription.restarted',
        resourceType: 'pc_subscription',
        resourceId: row.id,
        dataClass: 'personal',
        decision: 'allow',
        ip: input.meta.ip,
        requestId: input.meta.requestId,
      });
    }
    // The job makes the token again from the id: no token is written to the queue's table.
    await deps.jobs.enqueue(trx, sendSubscriptionMailJob, {
      tenantId: input.tenantId,
      subscriptionId: row.id,
      kind: row.state === 'confirmed' ? 'already' : 'confirm',
      baseUrl: input.baseUrl,
    } satisfies SubscriptionMailJob);
  });
}
