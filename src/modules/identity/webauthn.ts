// WebAuthn relying-party facts taken from the request the browser made: the RP ID is the host name the
// resident sees, the origin is scheme + host. Browsers sign the origin into every response, so a page
// on another site cannot use a passkey made here.
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';

export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingParty(request: FastifyRequest): RelyingParty {
  return {
    id: request.hostname,
    name: `${request.tenant.name} デジタル市役所`,
    origin: `${request.protocol}://${request.host}`,
  };
}

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
