// Who is acting and for whom. A proxy acting for someone may file a procedure only if a live grant
// covers it (not revoked, not expired, listing the procedure or all). Every record a capability writes
// keeps both: `actor` (the proxy) and `onBehalfOf` (the person acted for).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Session } from '../sessions.ts';

export interface ActingParty {
  actor: string;
  /** The principal when a proxy acts; otherwise the actor themself. */
  onBehalfOf: string;
  viaProxyGrant: string | null;
  /** The business (事業者) the actor files for, when the session acts as one. */
  business: string | null;
}

export async function findLiveGrant(
  trx: Kysely<any>,
  proxyId: string,
  principalId: string,
  procedureCode: string | undefined,
): Promise<string | undefined> {
  let query = trx
    .selectFrom('proxy_grants')
    .select('id')
    .where('proxy_id', '=', proxyId)
    .where('principal_id', '=', principalId)
    .where('revoked_at', 'is', null)
    .where('valid_until', '>=', sql<string>`(now() at time zone 'Asia/Tokyo')::date`);
  if (procedureCode !== undefined) {
    query = query.where((eb) =>
      eb.or([eb(sql`cardinality(procedures)`, '=', 0), eb(sql`${procedureCode}`, '=', sql`any(procedures)`)]),
    );
  }
  const row = await query.limit(1).executeTakeFirst();
  return row?.id as string | undefined;
}

/** Throws 403 with a plain reason when the session's proxy role does not cover this procedure. */
export async function resolveActingParty(
  deps: { db: Kysely<any> },
  input: { tenantId: string; session: Session; procedureCode: string; procedureAllowsProxy: boolean },
): Promise<ActingParty> {
  const { session } = input;
  if (!session.actingFor) {
    return {
      actor: session.accountId,
      onBehalfOf: session.accountId,
      viaProxyGrant: null,
      business: session.actingAsBusiness ?? null,
    };
  }
  if (!input.procedureAllowsProxy) {
    throw new AppError('forbidden', 'この手続は代理人による申請ができません。ご本人が申請してください。');
  }
  const grantId = await withTenant(deps.db, input.tenantId, (trx) =>
    findLiveGrant(trx, session.accountId, session.actingFor!.id, input.procedureCode),
  );
  if (!grantId) {
    throw new AppError(
      'forbidden',
      `${session.actingFor.name} さんから、この手続の代理を任されていません（取り消されたか、期限が切れた可能性があります）。`,
    );
  }
  return { actor: session.accountId, onBehalfOf: session.actingFor.id, viaProxyGrant: grantId, business: null };
}
