// Hand-shakes in flight (passkey challenges, OpenID Connect state, JPKI challenges): kept server side for
// five minutes, used once; the browser holds only the id, in a cookie.
import { type Kysely, sql } from 'kysely';

export type FlowPurpose = 'passkey_register' | 'passkey_sign_in' | 'oidc' | 'jpki_challenge';

export async function saveFlow(
  trx: Kysely<any>,
  tenantId: string,
  purpose: FlowPurpose,
  accountId: string | null,
  data: object,
): Promise<string> {
  // Old hand-shakes are swept as new ones start: the table only ever holds minutes of data.
  await trx.deleteFrom('auth_flows').where('expires_at', '<', sql<Date>`now()`).execute();
  const row = await trx
    .insertInto('auth_flows')
    .values({
      tenant_id: tenantId,
      purpose,
      account_id: accountId,
      data: JSON.stringify(data),
      expires_at: sql`now() + interval '5 minutes'`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as string;
}

/** Takes the flow (one use only) if it exists, has this purpose and has not expired. */
export async function takeFlow<T>(
  trx: Kysely<any>,
  id: string | undefined,
  purpose: FlowPurpose,
): Promise<{ accountId: string | null; data: T } | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const row = await trx
    .deleteFrom('auth_flows')
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['account_id', 'data'])
    .executeTakeFirst();
  return row ? { accountId: row.account_id as string | null, data: row.data as T } : undefined;
}
