// Stops sending to an endpoint. Deliveries already queued end as failed ("送信先が無効") when their turn comes.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditChange, type StaffActor } from '../audit.ts';

export async function disableWebhookEndpoint(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: StaffActor; endpointId: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .updateTable('webhook_endpoints')
      .set({ active: false, disabled_at: new Date() })
      .where('id', '=', input.endpointId)
      .where('active', '=', true)
      .returning(['department', 'url'])
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Webhook の送信先が見つかりません（すでに停止済みの可能性があります）。');
    await auditChange(trx, input, {
      action: 'integration.webhook.disabled',
      resourceType: 'webhook_endpoint',
      resourceId: input.endpointId,
      department: row.department,
      details: { url: row.url },
    });
  });
}
