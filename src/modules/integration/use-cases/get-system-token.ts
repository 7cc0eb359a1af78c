// One token's settings (never its hash), for the staff pages to authorize against its department.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';

export interface SystemTokenSummary {
  id: string;
  name: string;
  department: string | null;
  scopes: string[];
  prefix: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  replacedBy: string | null;
}

export const tokenColumns = [
  'id',
  'name',
  'department',
  'scopes',
  'prefix',
  'created_by',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
  'replaced_by',
] as const;

export function toTokenSummary(row: Record<string, unknown>): SystemTokenSummary {
  return {
    id: row.id as string,
    name: row.name as string,
    department: (row.department as string | null) ?? null,
    scopes: row.scopes as string[],
    prefix: row.prefix as string,
    createdBy: row.created_by as string,
    createdAt: row.created_at as Date,
    expiresAt: (row.expires_at as Date | null) ?? null,
    revokedAt: (row.revoked_at as Date | null) ?? null,
    lastUsedAt: (row.last_used_at as Date | null) ?? null,
    replacedBy: (row.replaced_by as string | null) ?? null,
  };
}

export async function getSystemToken(
  deps: { db: Kysely<any> },
  input: { tenantId: string; tokenId: string },
): Promise<SystemTokenSummary> {
  const notFound = new AppError('not_found', 'API トークンが見つかりません。');
  if (!/^[0-9a-f-]{36}$/.test(input.tokenId)) throw notFound;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx.selectFrom('system_tokens').select(tokenColumns).where('id', '=', input.tokenId).executeTakeFirst(),
  );
  if (!row) throw notFound;
  return toTokenSummary(row);
}
