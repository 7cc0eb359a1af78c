// The SQL of subscriptions and notices (pc_subscriptions, pc_notices). Every function runs inside the
// caller's tenant transaction (withTenant), so row-level security keeps each city to its own subscribers.
import { type Kysely, sql } from 'kysely';
import { tenantName } from '../../../platform/tenancy/tenants.ts';

export type SubscriptionState = 'pending' | 'confirmed' | 'stopped';

export interface SubscriptionRow {
  id: string;
  email: string;
  state: SubscriptionState;
}

const columns = [
  'id',
  'email',
  sql<SubscriptionState>`case when unsubscribed_at is not null then 'stopped' when confirmed_at is not null then 'confirmed' else 'pending' end`.as(
    'state',
  ),
] as const;

/** Inserts a pending subscription; false when the address is already on file (the row is left as it is). */
export async function insertSubscription(
  trx: Kysely<any>,
  row: { tenantId: string; id: string; email: string; tokenHash: Buffer },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('pc_subscriptions')
    .values({ tenant_id: row.tenantId, id: row.id, email: row.email, token_hash: row.tokenHash })
    .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function subscriptionByEmail(trx: Kysely<any>, email: string): Promise<SubscriptionRow | undefined> {
  return trx.selectFrom('pc_subscriptions').select(columns).where('email', '=', email).forUpdate().executeTakeFirst();
}

export async function subscriptionByToken(trx: Kysely<any>, hash: Buffer): Promise<SubscriptionRow | undefined> {
  return trx.selectFrom('pc_subscriptions').select(columns).where('token_hash', '=', hash).executeTakeFirst();
}

/** A stopped subscription asked for again starts over: it must be confirmed before anything is sent. */
export async function restartSubscription(trx: Kysely<any>, id: string): Promise<void> {
  await trx
    .updateTable('pc_subscriptions')
    .set({ confirmed_at: null, unsubscribed_at: null })
    .where('id', '=', id)
    .execute();
}

/** Confirms a pending subscription; undefined when the token is unknown or not pending. */
export async function confirmByToken(trx: Kysely<any>, hash: Buffer): Promise<string | undefined> {
  const row = await trx
    .updateTable('pc_subscriptions')
    .set({ confirmed_at: sql`now()` })
    .where('token_hash', '=', hash)
    .where('confirmed_at', 'is', null)
    .where('unsubscribed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id as string | undefined;
}

/** Stops a subscription (pending or confirmed); undefined when the token is unknown or already stopped. */
export async function stopByToken(trx: Kysely<any>, hash: Buffer): Promise<string | undefined> {
  const row = await trx
    .updateTable('pc_subscriptions')
    .set({ unsubscribed_at: sql`now()` })
    .where('token_hash', '=', hash)
    .where('unsubscribed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id as string | undefined;
}

export async function activeSubscription(
  trx: Kysely<any>,
  id: string,
): Promise<{ id: string; email: string; token_hash: Buffer } | undefined> {
  return trx
    .selectFrom('pc_subscriptions')
    .select(['id', 'email', 'token_hash'])
    .where('id', '=', id)
    .where('confirmed_at', 'is not', null)
    .where('unsubscribed_at', 'is', null)
    .executeTakeFirst();
}

/** Points the subscription's links at `hash` (see send-open-notices.ts for when it is needed). */
export async function setTokenHash(trx: Kysely<any>, id: string, hash: Buffer): Promise<void> {
  await trx.updateTable('pc_subscriptions').set({ token_hash: hash }).where('id', '=', id).execute();
}

/** Confirmed, not stopped subscribers who have not yet been sent the notice of this consultation. */
export async function recipientsOf(trx: Kysely<any>, consultationId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('pc_subscriptions as s')
    .select('s.id')
    .where('s.confirmed_at', 'is not', null)
    .where('s.unsubscribed_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('pc_notices as n')
            .select(sql`1`.as('one'))
            .whereRef('n.subscription_id', '=', 's.id')
            .where('n.consultation_id', '=', consultationId),
        ),
      ),
    )
    .orderBy('s.created_at')
    .execute();
  return rows.map((r) => r.id as string);
}

/**
 * Records the notice; false when a committed row says it was already sent. A row inserted by another
 * transaction that is still open makes this wait for it: its commit means sent (false here), its rollback
 * means not sent (this insert then goes ahead).
 */
export async function claimNotice(
  trx: Kysely<any>,
  row: { tenantId: string; subscriptionId: string; consultationId: string },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('pc_notices')
    .values({ tenant_id: row.tenantId, subscription_id: row.subscriptionId, consultation_id: row.consultationId })
    .onConflict((oc) => oc.columns(['tenant_id', 'subscription_id', 'consultation_id']).doNothing())
    .returning('sent_at')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The city's name as its mail is signed (【川崎市】). */
export async function cityName(trx: Kysely<any>, tenantId: string): Promise<string> {
  return tenantName(trx, tenantId);
}
