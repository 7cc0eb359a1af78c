// Issues an API token for a business system. The token is returned once; only its hash is kept.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { auditChange, type StaffActor } from '../audit.ts';
import { newSystemToken } from '../tokens.ts';
import { fail, parseDepartment, parseName, parseScopes } from '../validate.ts';

export interface CreateSystemTokenInput {
  tenantId: string;
  actor: StaffActor;
  name: string | undefined;
  /** '' or null: city-wide. */
  department: string | null | undefined;
  scopes: string[];
  /** Days until the token stops working; undefined: no end date. */
  expiresInDays?: number | undefined;
}

export async function createSystemToken(
  deps: { db: Kysely<any> },
  input: CreateSystemTokenInput,
): Promise<{ id: string; token: string; prefix: string }> {
  const errors: FieldError[] = [];
  const name = parseName(input.name, errors);
  const department = parseDepartment(input.department, errors);
  const scopes = parseScopes(input.scopes, errors);
  if (
    input.expiresInDays !== undefined &&
    !(Number.isInteger(input.expiresInDays) && input.expiresInDays >= 1 && input.expiresInDays <= 730)
  ) {
    errors.push({
      field: 'expiresInDays',
      message: '有効期間は1〜730日の整数で入力してください（空欄なら期限なし）。',
    });
  }
  if (errors.length > 0) fail(errors);
  const { token, hash, prefix } = newSystemToken();
  const id = await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .insertInto('system_tokens')
      .values({
        tenant_id: input.tenantId,
        name,
        department,
        scopes,
        token_hash: hash,
        prefix,
        created_by: input.actor.accountId,
        expires_at: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditChange(trx, input, {
      action: 'integration.token.created',
      resourceType: 'system_token',
      resourceId: row.id,
      department,
      details: { name, scopes, prefix },
    });
    return row.id as string;
  });
  return { id, token, prefix };
}
