// 入金の確認: ask the provider for the checkout session (a webhook or the return from the provider's page
// only says "look now"; neither is trusted on its own) and record what it says. Paid: status, audit row and
// `payment.confirmed` in one transaction. Safe to call any number of times.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditPayment, type PaymentDeps, type RequestMeta } from '../deps.ts';
import { findPayment, type Payment, type PaymentStatus, toPayment } from '../queries.ts';

export interface ConfirmPaymentInput {
  tenantId: string;
  paymentId: string;
  source: 'webhook' | 'return' | 'start' | 'staff';
  meta?: RequestMeta;
}

/** Data of the `payment.confirmed` event (applications subscribe to it). */
export interface PaymentConfirmed {
  applicationId: string | null;
  paymentId: string;
  receiptNumber: string | null;
  amount: number;
  method: string;
  channel: 'online' | 'counter';
  paidAt: string;
}

export async function confirmPayment(deps: PaymentDeps, input: ConfirmPaymentInput): Promise<Payment> {
  const payment = await withTenant(deps.db, input.tenantId, (trx) => findPayment(trx, input.paymentId));
  if (!payment) throw new AppError('not_found', 'この支払は見つかりません。');
  if (payment.status !== 'pending' || !payment.providerSessionId) return payment;

  const session = await deps.provider.retrieveCheckoutSession(payment.providerSessionId);
  if (session.client_reference_id !== payment.id) {
    throw new AppError('payment_provider_error', '決済事業者の応答がこの支払と一致しません。');
  }
  let next: { status: PaymentStatus; reason?: string } | undefined;
  if (session.status === 'complete' && session.payment_status === 'paid') {
    next =
      session.amount_total === payment.amount && session.currency === 'jpy'
        ? { status: 'paid' }
        : { status: 'failed', reason: `amount_mismatch: ${session.amount_total} ${session.currency}` };
  } else if (session.status === 'expired') {
    next = { status: 'cancelled', reason: 'cancelled_at_provider' };
  }
  if (!next) return payment;
  const status = next.status;

  return withTenant(deps.db, input.tenantId, async (trx) => {
    const updated = await trx
      .updateTable('payments')
      .set({
        status,
        failure_reason: next.reason ?? null,
        ...(status === 'paid'
          ? {
              method: session.payment_method_type,
              cashless: true,
              provider_payment_id: session.payment_intent,
              paid_at: new Date(),
            }
          : {}),
        updated_at: new Date(),
      })
      .where('id', '=', payment.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    // Someone else (the webhook, the return page) recorded it first: theirs stands.
    if (!updated) return (await findPayment(trx, payment.id))!;
    const done = toPayment(updated);
    await auditPayment(trx, {
      tenantId: input.tenantId,
      action: status === 'paid' ? 'payment.confirm' : `payment.${status}`,
      actor: 'system',
      actorKind: 'system',
      paymentId: done.id,
      department: done.department,
      meta: input.meta,
      details: { source: input.source, providerSession: session.id, reason: next.reason ?? null },
    });
    if (status === 'paid') await emitConfirmed(deps, trx, input.tenantId, done);
    return done;
  });
}

export async function emitConfirmed(
  deps: Pick<PaymentDeps, 'events'>,
  trx: Kysely<any>,
  tenantId: string,
  payment: Payment,
): Promise<void> {
  const data: PaymentConfirmed = {
    applicationId: payment.applicationId,
    paymentId: payment.id,
    receiptNumber: payment.receiptNumber,
    amount: payment.amount,
    method: payment.method!,
    channel: payment.channel,
    paidAt: payment.paidAt!.toISOString(),
  };
  await deps.events.emit(trx, {
    tenantId,
    type: 'payment.confirmed',
    subjectType: 'payment',
    subjectId: payment.id,
    department: payment.department,
    data: { ...data },
  });
}
