// The provider's webhook: verify the signature over the raw body, drop events already handled, then
// confirm by asking the provider (the event only says which session to look at).
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PaymentDeps, RequestMeta } from '../deps.ts';
import { checkSignature } from '../signature.ts';
import { confirmPayment } from './confirm-payment.ts';

const problems = {
  missing: '署名（Provider-Signature ヘッダー）がありません。',
  malformed: '署名の形式が正しくありません。',
  too_old: '署名の時刻が許容範囲（5分）を外れています。',
  mismatch: '署名が一致しません。',
};

export interface HandleWebhookInput {
  /** The tenant of the host the webhook came to; the event's metadata.tenant_id wins when present. */
  tenantId: string;
  rawBody: Buffer;
  signature: string | undefined;
  now?: Date;
  meta?: RequestMeta;
}

export async function handleWebhook(
  deps: PaymentDeps,
  input: HandleWebhookInput,
): Promise<{ outcome: 'confirmed' | 'duplicate' | 'ignored'; status?: string }> {
  const problem = checkSignature(deps.provider.webhookSecret, input.rawBody, input.signature, input.now);
  if (problem) throw new AppError('bad_request', problems[problem]);
  let event: { id?: unknown; type?: unknown; data?: { object?: Record<string, any> } };
  try {
    event = JSON.parse(input.rawBody.toString('utf8'));
  } catch {
    throw new AppError('bad_request', '本文が正しい JSON ではありません。');
  }
  const session = event.data?.object;
  if (typeof event.id !== 'string' || typeof event.type !== 'string' || !session || typeof session.id !== 'string') {
    throw new AppError('bad_request', 'イベントの形式が正しくありません。');
  }
  if (!event.type.startsWith('checkout.session.')) return { outcome: 'ignored' };
  const tenant = session.metadata?.tenant_id;
  const tenantId = typeof tenant === 'string' && /^[a-z][a-z0-9-]{1,62}$/.test(tenant) ? tenant : input.tenantId;
  const paymentId = String(session.client_reference_id ?? '');

  const seen = await withTenant(deps.db, tenantId, async (trx) => {
    const known = await trx
      .selectFrom('payments')
      .select('id')
      .where('id', '=', /^[0-9a-f-]{36}$/i.test(paymentId) ? paymentId : '00000000-0000-0000-0000-000000000000')
      .where('provider_session_id', '=', session.id)
      .executeTakeFirst();
    if (!known) return 'unknown';
    const done = await trx
      .selectFrom('payment_provider_events')
      .select('event_id')
      .where('event_id', '=', event.id as string)
      .executeTakeFirst();
    return done ? 'duplicate' : 'new';
  });
  // Not ours (another system on the same provider account): acknowledge, or the provider retries forever.
  if (seen === 'unknown') return { outcome: 'ignored' };
  if (seen === 'duplicate') return { outcome: 'duplicate' };
  const payment = await confirmPayment(deps, {
    tenantId,
    paymentId,
    source: 'webhook',
    ...(input.meta ? { meta: input.meta } : {}),
  });
  // Recorded only once handled: an event that failed half-way is handled again on the provider's retry.
  await withTenant(deps.db, tenantId, (trx) =>
    trx
      .insertInto('payment_provider_events')
      .values({
        tenant_id: tenantId,
        event_id: event.id as string,
        type: event.type as string,
        provider_session_id: session.id,
      })
      .onConflict((oc) => oc.doNothing())
      .execute(),
  );
  return { outcome: 'confirmed', status: payment.status };
}
