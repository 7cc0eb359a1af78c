// The job that mails the confirm link, or tells a subscribed address that it already is. It runs after
// the request's transaction commits; the token is made again here from the subscription id.
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { alreadySubscribedMessage, confirmMessage, subscriptionLinks } from './emails.ts';
import { cityName } from './queries.ts';
import { tokenForMail } from './tokens.ts';

export const sendSubscriptionMailJob = 'public-comment.send-subscription-mail';

export interface SubscriptionMailJob {
  tenantId: string;
  subscriptionId: string;
  kind: 'confirm' | 'already';
  baseUrl: string;
}

export async function sendSubscriptionMail(
  deps: Pick<PlatformDeps, 'db' | 'mail' | 'secrets'>,
  data: SubscriptionMailJob,
): Promise<void> {
  const mail = await withTenant(deps.db, data.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('pc_subscriptions')
      .select(['id', 'email', 'token_hash', 'unsubscribed_at'])
      .where('id', '=', data.subscriptionId)
      .executeTakeFirst();
    // Stopped in the meantime: a confirm link would only start it again, so nothing is sent.
    if (!row || row.unsubscribed_at !== null) return undefined;
    const links = subscriptionLinks(data.baseUrl, await tokenForMail(trx, deps.secrets, data.tenantId, row));
    const city = await cityName(trx, data.tenantId);
    return data.kind === 'already'
      ? alreadySubscribedMessage(row.email, city, links)
      : confirmMessage(row.email, city, links);
  });
  if (mail) await deps.mail.send(mail);
}
