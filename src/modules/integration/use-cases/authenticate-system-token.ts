// The one check every API for business systems makes: a valid, unexpired, unrevoked `chs_` token of this
// tenant (by host) that carries the scope. Department-scoped tokens report their department; the caller
// must narrow what it returns to it (a null department means city-wide).
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import { readWithTenant, withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { hashSystemToken, looksLikeSystemToken, type SystemScope } from '../tokens.ts';

export interface SystemCaller {
  tokenId: string;
  tenantId: string;
  /** null: city-wide token. */
  department: string | null;
  scopes: SystemScope[];
}

const challenge = { 'www-authenticate': 'Bearer realm="cityhall"' };

export async function authenticateSystemToken(
  deps: { db: Kysely<any>; pool: pg.Pool; log: Logger },
  request: FastifyRequest,
  scope: SystemScope,
): Promise<SystemCaller> {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer (\S+)$/.exec(header)?.[1];
  if (!token) {
    throw new AppError('unauthorized', 'Authorization: Bearer ヘッダーで API トークンを送ってください。', {
      headers: challenge,
    });
  }
  const refused = new AppError('unauthorized', 'API トークンが無効です（失効・期限切れ・誤りのいずれか）。', {
    headers: { 'www-authenticate': 'Bearer realm="cityhall", error="invalid_token"' },
  });
  if (!looksLikeSystemToken(token)) throw refused;
  const tenantId = request.tenant.id;
  const hash = hashSystemToken(token).toString('hex');
  const [row] = await readWithTenant(
    deps.pool,
    tenantId,
    deps.db
      .selectFrom('system_tokens')
      .select(['id', 'department', 'scopes'])
      .select(sql<boolean>`last_used_at is null or last_used_at < now() - interval '1 minute'`.as('stale'))
      .where('token_hash', '=', sql<Buffer>`decode(${hash}, 'hex')`)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)])),
  );
  if (!row) throw refused;
  const scopes = parseArray(row.scopes);
  if (!scopes.includes(scope)) {
    throw new AppError('forbidden', `この API トークンには ${scope} の権限がありません。`, {
      headers: { 'www-authenticate': `Bearer realm="cityhall", error="insufficient_scope", scope="${scope}"` },
    });
  }
  if (row.stale) {
    // At most one write a minute per token: "last used" is for staff reviewing tokens, not an access log.
    withTenant(deps.db, tenantId, (trx) =>
      trx.updateTable('system_tokens').set({ last_used_at: sql`now()` }).where('id', '=', row.id).execute(),
    ).catch((error: unknown) => deps.log.warn({ err: error }, 'API トークンの最終利用日時を記録できませんでした'));
  }
  return { tokenId: row.id as string, tenantId, department: (row.department as string | null) ?? null, scopes };
}

// readWithTenant returns rows of the simple protocol, where pg already parses text[] into arrays; a
// literal '{a,b}' string is handled too in case the driver's type parsers change.
function parseArray(value: unknown): SystemScope[] {
  if (Array.isArray(value)) return value as SystemScope[];
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean) as SystemScope[];
  return [];
}
