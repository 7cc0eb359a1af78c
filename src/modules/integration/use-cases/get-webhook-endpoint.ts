// One webhook endpoint, for the staff pages to authorize against its department.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';

export interface WebhookEndpoint {
  id: string;
  department: string | null;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
}

export function toEndpoint(row: Record<string, unknown>): WebhookEndpoint {
  return {
    id: row.id as string,
    department: (row.department as string | null) ?? null,
    url: row.url as string,
    eventTypes: row.event_types as string[],
    active: row.active as boolean,
    createdAt: row.created_at as Date,
  };
}

export async function getWebhookEndpoint(
  deps: { db: Kysely<any> },
  input: { tenantId: string; endpointId: string },
): Promise<WebhookEndpoint> {
  const notFound = new AppError('not_found', 'Webhook の送信先が見つかりません。');
  if (!/^[0-9a-f-]{36}$/.test(input.endpointId)) throw notFound;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx.selectFrom('webhook_endpoints').selectAll().where('id', '=', input.endpointId).executeTakeFirst(),
  );
  if (!row) throw notFound;
  return toEndpoint(row);
}
