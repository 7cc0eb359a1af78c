// Reaction to every domain event: one delivery per active endpoint that wants it (same department, or a
// city-wide endpoint; all types or this one). The (event, endpoint) pair is unique, so running this twice
// for one event (the event job may be retried) enqueues nothing more.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { DomainEvent } from '../../../platform/events/events.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';

export const deliverWebhookJob = 'integration.deliver_webhook';

export interface DeliverWebhookJob {
  tenantId: string;
  deliveryId: string;
  /** The attempt this job makes (1-based); a job whose attempt was already made does nothing. */
  attempt: number;
}

export async function enqueueWebhookDeliveries(
  deps: { db: Kysely<any>; jobs: Jobs },
  event: DomainEvent,
): Promise<string[]> {
  return withTenant(deps.db, event.tenantId, async (trx) => {
    const endpoints = await trx
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('active', '=', true)
      .where((eb) =>
        event.department === null
          ? eb('department', 'is', null)
          : eb.or([eb('department', 'is', null), eb('department', '=', event.department)]),
      )
      .where(sql<boolean>`(cardinality(event_types) = 0 or ${event.type} = any(event_types))`)
      .execute();
    if (endpoints.length === 0) return [];
    const created = await trx
      .insertInto('webhook_deliveries')
      .values(endpoints.map((e) => ({ tenant_id: event.tenantId, event_id: event.id, endpoint_id: e.id })))
      .onConflict((oc) => oc.columns(['tenant_id', 'event_id', 'endpoint_id']).doNothing())
      .returning('id')
      .execute();
    for (const { id } of created) {
      await deps.jobs.enqueue(trx, deliverWebhookJob, {
        tenantId: event.tenantId,
        deliveryId: id,
        attempt: 1,
      } satisfies DeliverWebhookJob);
    }
    return created.map((c) => c.id as string);
  });
}
