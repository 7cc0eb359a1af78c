// The job that mails the confirm link, or tells a subscribed address that it already is. It runs after
// the request's transaction commits; the token is made again here from the subscription id.
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { alreadySubscribedMessage, confirmMessage, subscriptionLinks } from './emails.ts';
import { cityName } from './queries.ts';
import { subscriptionToken } from './tokens.ts';

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
  const found = await withTenant(deps.db, data.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('pc_subscriptions')
      .select(['email', 'confirmed_at', 'unsubscribed_at'])
      .where('id', '=', data.subscriptionId)
      .executeTakeFirst();
    return row ? { row, city: await cityName(trx, data.tenantId) } : undefined;
  });
  // Stopped in the meantime: a confirm link would only start it again, so nothing is sent.
  if (!found || found.row.unsubscribed_at !== null) return;
  const links = subscriptionLinks(data.baseUrl, subscriptionToken(deps.secrets, data.tenantId, data.subscriptionId));
  const email = found.row.email as string;
  await deps.mail.send(
    data.kind === 'already'
      ? alreadySubscribedMessage(email, found.city, links)
      : confirmMessage(email, found.city, links),
  );
}
