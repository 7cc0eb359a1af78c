// What the staff integration page shows: tokens and endpoints of the departments the viewer administers
// ('all' for the DX office, city-wide ones included), and an endpoint's recent deliveries with attempts.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type SystemTokenSummary, tokenColumns, toTokenSummary } from './get-system-token.ts';
import { toEndpoint, type WebhookEndpoint } from './get-webhook-endpoint.ts';

export type DepartmentScope = 'all' | string[];

export async function listIntegration(
  deps: { db: Kysely<any> },
  input: { tenantId: string; departments: DepartmentScope },
): Promise<{ tokens: SystemTokenSummary[]; endpoints: WebhookEndpoint[] }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    let tokens = trx.selectFrom('system_tokens').select(tokenColumns).orderBy('created_at', 'desc').limit(200);
    let endpoints = trx.selectFrom('webhook_endpoints').selectAll().orderBy('created_at', 'desc').limit(200);
    if (input.departments !== 'all') {
      if (input.departments.length === 0) return { tokens: [], endpoints: [] };
      tokens = tokens.where('department', 'in', input.departments);
      endpoints = endpoints.where('department', 'in', input.departments);
    }
    return {
      tokens: (await tokens.execute()).map(toTokenSummary),
      endpoints: (await endpoints.execute()).map(toEndpoint),
    };
  });
}

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
  attemptLog: { attempt: number; outcome: string; httpStatus: number | null; error: string | null; at: Date }[];
}

export async function listDeliveries(
  deps: { db: Kysely<any> },
  input: { tenantId: string; endpointId: string; limit?: number },
): Promise<DeliveryRow[]> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('domain_events as ev', (j) =>
        j.onRef('ev.tenant_id', '=', 'd.tenant_id').onRef('ev.id', '=', 'd.event_id'),
      )
      .select([
        'd.id',
        'd.event_id',
        'ev.type',
        'd.status',
        'd.attempts',
        'd.last_http_status',
        'd.last_error',
        'd.next_attempt_at',
        'd.delivered_at',
        'd.created_at',
      ])
      .where('d.endpoint_id', '=', input.endpointId)
      .orderBy('d.created_at', 'desc')
      .limit(input.limit ?? 100)
      .execute();
    const attempts =
      rows.length === 0
        ? []
        : await trx
            .selectFrom('webhook_attempts')
            .selectAll()
            .where(
              'delivery_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('attempt')
            .execute();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.type,
      status: r.status,
      attempts: r.attempts,
      lastHttpStatus: r.last_http_status,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      createdAt: r.created_at,
      attemptLog: attempts
        .filter((a) => a.delivery_id === r.id)
        .map((a) => ({
          attempt: a.attempt,
          outcome: a.outcome,
          httpStatus: a.http_status,
          error: a.error,
          at: a.finished_at,
        })),
    }));
  });
}

/** The endpoint a delivery belongs to (the staff page authorizes against its department). */
export async function endpointOfDelivery(
  deps: { db: Kysely<any> },
  input: { tenantId: string; deliveryId: string },
): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(input.deliveryId)) return undefined;
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx.selectFrom('webhook_deliveries').select('endpoint_id').where('id', '=', input.deliveryId).executeTakeFirst(),
  );
  return row?.endpoint_id as string | undefined;
}
