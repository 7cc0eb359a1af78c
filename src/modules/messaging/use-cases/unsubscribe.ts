// 配信停止 in one step: the link in every message names its subscriber with an HMAC (unsubscribe-link.ts),
// and that token alone is the authority: a person pressing the page's button and a mail program's RFC 8058
// one-click POST (no cookie, no page) stop it alike, at once. Stopping again changes nothing. A token this
// server did not make for this city names nobody.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { RequestMeta } from '../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { auditSubscriber } from '../audit.ts';
import { readUnsubscribeToken } from '../unsubscribe-link.ts';

type Deps = { db: Kysely<any> } & Pick<PlatformDeps, 'secrets'>;

export interface UnsubscribeTarget {
  channel: 'line' | 'email' | 'webpush' | 'inbox';
  address: string;
  /** Whether it still receives (active, or an e-mail waiting for its confirmation). */
  receiving: boolean;
}

const receiving = (status: string) => status === 'active' || status === 'pending';

/** What the link would stop, or undefined for a link that names nobody. */
export async function readUnsubscribe(
  deps: Deps,
  input: { tenantId: string; token: string },
): Promise<UnsubscribeTarget | undefined> {
  const id = readUnsubscribeToken(deps, input.tenantId, input.token);
  if (!id) return undefined;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx.selectFrom('msg_subscribers').select(['channel', 'address', 'status']).where('id', '=', id).executeTakeFirst(),
  );
  return row ? { channel: row.channel, address: row.address, receiving: receiving(row.status) } : undefined;
}

/** stopped: done now; already: it was not receiving; unknown: the link names nobody. */
export type UnsubscribeOutcome = 'stopped' | 'already' | 'unknown';

export async function unsubscribe(
  deps: Deps,
  input: { tenantId: string; token: string; oneClick: boolean; meta: RequestMeta },
): Promise<UnsubscribeOutcome> {
  const id = readUnsubscribeToken(deps, input.tenantId, input.token);
  if (!id) return 'unknown';
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const stopped = await trx
      .updateTable('msg_subscribers')
      .set({ status: 'unsubscribed', updated_at: new Date() })
      .where('id', '=', id)
      .where('status', 'in', ['active', 'pending'])
      .returning('channel')
      .executeTakeFirst();
    if (!stopped) {
      const exists = await trx.selectFrom('msg_subscribers').select('id').where('id', '=', id).executeTakeFirst();
      return exists ? 'already' : 'unknown';
    }
    await auditSubscriber(
      trx,
      { tenantId: input.tenantId, accountId: null, meta: input.meta },
      {
        action: 'messaging.subscriber.unsubscribed',
        resourceId: id,
        details: { channel: stopped.channel, oneClick: input.oneClick },
      },
    );
    return 'stopped';
  });
}
