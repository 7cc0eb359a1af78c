// 端末の登録: a DX administrator marks this browser as one of the city's managed devices. The browser
// keeps a random token in a cookie; the database keeps its hash.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { audit, type RequestMeta } from '../audit.ts';
import { deviceTokenHash } from '../staff-access.ts';

export async function registerDevice(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string; label: string; meta: RequestMeta },
): Promise<{ token: string }> {
  const label = input.label.trim();
  if (!label || [...label].length > 60) {
    throw new AppError('validation_failed', '端末の名前を60文字以内で入力してください。', {
      errors: [{ field: 'label', message: '端末の名前を60文字以内で入力してください。' }],
    });
  }
  const token = randomBytes(32).toString('base64url');
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const device = await trx
      .insertInto('staff_devices')
      .values({
        tenant_id: input.tenantId,
        token_hash: deviceTokenHash(token),
        label,
        account_id: input.accountId,
        registered_by: input.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      tenantId: input.tenantId,
      action: 'device.register',
      actor: input.accountId,
      actorKind: 'staff',
      resourceType: 'device',
      resourceId: device.id,
      dataClass: 'public',
      ip: input.meta.ip,
      requestId: input.meta.requestId,
      details: { label },
    });
  });
  return { token };
}
