// One delivery attempt: claim the attempt, POST the signed event, log the attempt, then either mark the
// delivery delivered, schedule the next attempt (exponential backoff) or, out of attempts, mark it failed.
// The claim (attempts = attempt - 1 → attempt) makes a duplicate job a no-op; a lease lets a job retried
// after a crashed worker take over an attempt that never finished.
import { type Kysely, sql } from 'kysely';
import type { Config } from '../../../platform/config/config.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { eventIdHeader, signatureHeader, signWebhook, webhookSecret } from '../webhook-signature.ts';
import { type DeliverWebhookJob, deliverWebhookJob } from './enqueue-webhook-deliveries.ts';

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

export function retryDelaySeconds(base: number, attempt: number): number {
  return base * 2 ** (attempt - 1);
}

export async function deliverWebhook(
  deps: { db: Kysely<any>; jobs: Jobs; config: Pick<Config, 'webhooks'>; secrets: { derive(p: string): Buffer } },
  job: DeliverWebhookJob,
): Promise<AttemptOutcome> {
  const { timeoutMs, maxAttempts, retryBaseSeconds } = deps.config.webhooks;
  const claimed = await withTenant(deps.db, job.tenantId, async (trx) => {
    const delivery = await trx
      .updateTable('webhook_deliveries')
      .set({
        attempts: job.attempt,
        leased_until: sql`now() + make_interval(secs => ${Math.ceil(timeoutMs / 1000) + 30})`,
        next_attempt_at: null,
        updated_at: sql`now()`,
      })
      .where('id', '=', job.deliveryId)
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.or([
          eb('attempts', '=', job.attempt - 1),
          eb.and([eb('attempts', '=', job.attempt), eb('leased_until', '<', sql<Date>`now()`)]),
        ]),
      )
      .returning(['event_id', 'endpoint_id', 'budget_from'])
      .executeTakeFirst();
    if (!delivery) return undefined;
    const endpoint = await trx
      .selectFrom('webhook_endpoints')
      .select(['url', 'active'])
      .where('id', '=', delivery.endpoint_id)
      .executeTakeFirstOrThrow();
    const event = await trx
      .selectFrom('domain_events')
      .selectAll()
      .where('id', '=', delivery.event_id)
      .executeTakeFirstOrThrow();
    return { delivery, endpoint, event };
  });
  if (!claimed) return 'skipped';
  const { delivery, endpoint, event } = claimed;

  const started = new Date();
  let httpStatus: number | null = null;
  let error: string | null = null;
  if (!endpoint.active) {
    error = '送信先が停止されています。';
  } else {
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      occurredAt: (event.occurred_at as Date).toISOString(),
      subject: { type: event.subject_type, id: event.subject_id },
      department: event.department,
      data: event.data,
    });
    const secret = webhookSecret(deps.secrets.derive('integration.webhook'), job.tenantId, delivery.endpoint_id);
    try {
      const response = await fetch(endpoint.url as string, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'DigitalCityHall-Webhook/1',
          [eventIdHeader]: event.id as string,
          [signatureHeader]: signWebhook(secret, body, new Date()),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      httpStatus = response.status;
      // The receiver's answer is not read beyond its status; cancel the body so the socket is freed.
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status > 299) error = `HTTP ${response.status} が返されました。`;
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      error =
        err.name === 'TimeoutError' || err.name === 'AbortError'
          ? `${timeoutMs / 1000} 秒以内に応答がありませんでした。`
          : `接続できませんでした（${err.cause?.code ?? err.message}）。`;
    }
  }

  const used = job.attempt - (delivery.budget_from as number);
  const outcome: AttemptOutcome =
    error === null ? 'delivered' : !endpoint.active || used >= maxAttempts ? 'failed' : 'retrying';
  await withTenant(deps.db, job.tenantId, async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        tenant_id: job.tenantId,
        delivery_id: job.deliveryId,
        attempt: job.attempt,
        started_at: started,
        outcome: error === null ? 'success' : 'failure',
        http_status: httpStatus,
        error,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'delivery_id', 'attempt']).doNothing())
      .execute();
    const delay = retryDelaySeconds(retryBaseSeconds, used);
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: outcome === 'retrying' ? 'pending' : outcome,
        leased_until: null,
        last_http_status: httpStatus,
        last_error: error,
        delivered_at: outcome === 'delivered' ? sql`now()` : null,
        next_attempt_at: outcome === 'retrying' ? sql`now() + make_interval(secs => ${delay})` : null,
        updated_at: sql`now()`,
      })
      .where('id', '=', job.deliveryId)
      .where('attempts', '=', job.attempt)
      .execute();
    if (outcome === 'retrying') {
      await deps.jobs.enqueue(
        trx,
        deliverWebhookJob,
        { tenantId: job.tenantId, deliveryId: job.deliveryId, attempt: job.attempt + 1 } satisfies DeliverWebhookJob,
        { startAfter: delay },
      );
    }
  });
  return outcome;
}
