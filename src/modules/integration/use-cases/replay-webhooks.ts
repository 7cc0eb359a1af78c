// 再送: send a delivery again (after it failed, or to a receiver that lost it), or an event again to every
// endpoint that wants it. The receiver gets the same event id, so it can tell a replay from a new event.
// A replay gives the delivery a fresh retry budget.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { auditChange, type StaffActor } from '../audit.ts';
import { type DeliverWebhookJob, deliverWebhookJob } from './enqueue-webhook-deliveries.ts';

async function requeue(trx: Kysely<any>, jobs: Jobs, tenantId: string, deliveryId: string): Promise<boolean> {
  const row = await trx
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      budget_from: sql`attempts`,
      leased_until: null,
      next_attempt_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', '=', deliveryId)
    // An attempt in flight finishes first; replaying it now would race it.
    .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', sql<Date>`now()`)]))
    .returning('attempts')
    .executeTakeFirst();
  if (!row) return false;
  await jobs.enqueue(trx, deliverWebhookJob, {
    tenantId,
    deliveryId,
    attempt: (row.attempts as number) + 1,
  } satisfies DeliverWebhookJob);
  return true;
}

export async function replayDelivery(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; actor: StaffActor; deliveryId: string },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const delivery = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', (j) =>
        j.onRef('e.tenant_id', '=', 'd.tenant_id').onRef('e.id', '=', 'd.endpoint_id'),
      )
      .select(['d.event_id', 'e.department', 'e.active'])
      .where('d.id', '=', input.deliveryId)
      .executeTakeFirst();
    if (!delivery) throw new AppError('not_found', '配信記録が見つかりません。');
    if (!delivery.active) throw new AppError('conflict', '送信先が停止されているため、再送できません。');
    if (!(await requeue(trx, deps.jobs, input.tenantId, input.deliveryId))) {
      throw new AppError('conflict', 'いま送信中です。結果が出てからもう一度お試しください。');
    }
    await auditChange(trx, input, {
      action: 'integration.webhook.replayed',
      resourceType: 'webhook_delivery',
      resourceId: input.deliveryId,
      department: delivery.department,
      details: { eventId: delivery.event_id },
    });
  });
}

/** Sends an event again to every active endpoint of `department` (null: city-wide endpoints) that wants it. */
export async function replayEvent(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; actor: StaffActor; eventId: string; department: string | null },
): Promise<number> {
  if (!/^[0-9a-f-]{36}$/.test(input.eventId)) throw new AppError('not_found', 'イベントが見つかりません。');
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const event = await trx
      .selectFrom('domain_events')
      .select(['id', 'type', 'department'])
      .where('id', '=', input.eventId)
      .executeTakeFirst();
    if (!event) throw new AppError('not_found', 'イベントが見つかりません。');
    const endpoints = await trx
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('active', '=', true)
      .where((eb) =>
        input.department === null ? eb('department', 'is', null) : eb('department', '=', input.department),
      )
      .where((eb) =>
        event.department === null
          ? eb('department', 'is', null)
          : eb.or([eb('department', 'is', null), eb('department', '=', event.department)]),
      )
      .where(sql<boolean>`(cardinality(event_types) = 0 or ${event.type} = any(event_types))`)
      .execute();
    let count = 0;
    for (const endpoint of endpoints) {
      const created = await trx
        .insertInto('webhook_deliveries')
        .values({ tenant_id: input.tenantId, event_id: event.id, endpoint_id: endpoint.id })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'event_id', 'endpoint_id']).doUpdateSet({ updated_at: sql`now()` }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      if (await requeue(trx, deps.jobs, input.tenantId, created.id as string)) count++;
    }
    await auditChange(trx, input, {
      action: 'integration.event.replayed',
      resourceType: 'domain_event',
      resourceId: input.eventId,
      department: input.department,
      details: { deliveries: count },
    });
    return count;
  });
}
