// API tokens staff create for CKAN clients. The token is shown once; only its SHA-256 is kept. A request
// carrying it acts as the staff member with the roles and departments they have now, not when it was made.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { readStaffProfile } from '../../identity/index.ts';
import type { OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';

const hashOf = (token: string) => createHash('sha256').update(`open-data-token:${token}`).digest('hex');

export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function createApiToken(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; name: string },
): Promise<{ id: string; token: string }> {
  const name = input.name.normalize('NFC').trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (name === '' || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name)) {
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'name', message: 'トークンの名前（用途）を100文字以内で入力してください。' }],
    });
  }
  const token = `odt_${randomBytes(32).toString('base64url')}`;
  const id = await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .insertInto('od_api_tokens')
      .values({ tenant_id: input.tenantId, account_id: input.actor.accountId, name, token_hash: hashOf(token) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditOpenData(trx, input, {
      action: 'open_data.token.created',
      resourceType: 'api_token',
      resourceId: row.id,
      department: null,
      details: { name },
    });
    return row.id as string;
  });
  return { id, token };
}

export async function listApiTokens(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string },
): Promise<ApiTokenSummary[]> {
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('od_api_tokens')
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .where('account_id', '=', input.accountId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
  }));
}

export async function revokeApiToken(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; id: string },
): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(input.id)) throw new AppError('not_found', 'トークンが見つかりません。');
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .updateTable('od_api_tokens')
      .set({ revoked_at: sql`coalesce(revoked_at, now())` })
      .where('id', '=', input.id)
      .where('account_id', '=', input.actor.accountId)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'トークンが見つかりません。');
    await auditOpenData(trx, input, {
      action: 'open_data.token.revoked',
      resourceType: 'api_token',
      resourceId: input.id,
      department: null,
    });
  });
}

/** The staff member a token belongs to, or undefined for an unknown or revoked token. */
export async function authenticateApiToken(
  deps: { db: Kysely<any> },
  input: { tenantId: string; token: string },
): Promise<OpenDataActor | undefined> {
  const token = input.token.trim();
  if (!/^odt_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  // One round trip; the last use is written at most once a minute per token, not on every API call.
  const row = await withTenant(deps.db, input.tenantId, async (trx) => {
    const found = await sql<{ account_id: string }>`
      with t as (
        select id, account_id, last_used_at from od_api_tokens
        where token_hash = ${hashOf(token)} and revoked_at is null
      ), touched as (
        update od_api_tokens set last_used_at = now()
        where id in (select id from t where last_used_at is null or last_used_at < now() - interval '1 minute')
      )
      select account_id from t`.execute(trx);
    return found.rows[0];
  });
  if (!row) return undefined;
  const profile = await readStaffProfile(deps, { tenantId: input.tenantId, accountId: row.account_id });
  if (!profile) return undefined;
  return { accountId: profile.accountId, roles: profile.roles, departments: profile.departments };
}
