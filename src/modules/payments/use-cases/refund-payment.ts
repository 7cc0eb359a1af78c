// 還付・返金: staff give back all or part of a fee. Online payments are refunded through the provider
// (first, so nothing is recorded that did not happen); counter payments are recorded (the cash drawer or
// the card terminal does the rest). Emits `payment.refunded`.
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { auditPayment, type PaymentDeps, type RequestMeta } from '../deps.ts';
import { findPayment, type Payment, settled, toPayment } from '../queries.ts';

export interface RefundPaymentInput {
  tenantId: string;
  paymentId: string;
  /** Yen; omitted or empty: everything not yet refunded. */
  amount?: number | string;
  reason: string;
  staffId: string;
  meta?: RequestMeta;
}

export async function refundPayment(deps: PaymentDeps, input: RefundPaymentInput): Promise<Payment> {
  const payment = await withTenant(deps.db, input.tenantId, (trx) => findPayment(trx, input.paymentId));
  if (!payment) throw new AppError('not_found', 'この支払は見つかりません。');
  if (!settled.includes(payment.status)) {
    throw new AppError('validation_failed', '返金できません。', {
      errors: [{ field: 'amount', message: '支払済みの支払だけ返金できます。' }],
    });
  }
  const left = payment.amount - payment.refundedAmount;
  const raw = typeof input.amount === 'string' ? input.amount.normalize('NFKC').replace(/[,円\s]/g, '') : input.amount;
  const amount = raw === undefined || raw === '' ? left : Number(raw);
  const errors = [];
  if (!Number.isInteger(amount) || amount < 1 || amount > left) {
    errors.push({
      field: 'amount',
      message: `返金額は1円以上${left.toLocaleString('ja-JP')}円以下の整数で入力してください。`,
    });
  }
  if (!input.reason.trim() || input.reason.length > 200) {
    errors.push({ field: 'reason', message: '返金の理由を200文字以内で入力してください。' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', '入力内容を確認してください。', { errors });

  let providerRefundId: string | null = null;
  if (payment.channel === 'online') {
    // The key names this refund by the state it starts from: a retry after a lost answer gets the same
    // refund back, while a second, later partial refund is a new one.
    const refund = await deps.provider.createRefund(
      { payment_intent: payment.providerPaymentId!, amount },
      `refund-${payment.id}-${payment.refundedAmount}-${amount}`,
    );
    if (refund.status !== 'succeeded')
      throw new AppError('payment_provider_error', '決済事業者で返金できませんでした。');
    providerRefundId = refund.id;
  }

  return withTenant(deps.db, input.tenantId, async (trx) => {
    const refundedAmount = payment.refundedAmount + amount;
    const row = await trx
      .updateTable('payments')
      .set({
        refunded_amount: refundedAmount,
        status: refundedAmount === payment.amount ? 'refunded' : 'partially_refunded',
        updated_at: new Date(),
      })
      .where('id', '=', payment.id)
      .where('refunded_amount', '=', payment.refundedAmount)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('conflict', '他の職員が同時に返金しました。画面を更新して確認してください。');
    await trx
      .insertInto('refunds')
      .values({
        tenant_id: input.tenantId,
        payment_id: payment.id,
        amount,
        reason: input.reason.trim(),
        provider_refund_id: providerRefundId,
        created_by: input.staffId,
      })
      .execute();
    const done = toPayment(row);
    await auditPayment(trx, {
      tenantId: input.tenantId,
      action: 'payment.refund',
      actor: input.staffId,
      actorKind: 'staff',
      paymentId: payment.id,
      department: payment.department,
      meta: input.meta,
      details: { amount, refundedAmount, providerRefundId, reason: input.reason.trim() },
    });
    await deps.events.emit(trx, {
      tenantId: input.tenantId,
      type: 'payment.refunded',
      subjectType: 'payment',
      subjectId: payment.id,
      department: payment.department,
      data: {
        applicationId: payment.applicationId,
        paymentId: payment.id,
        receiptNumber: payment.receiptNumber,
        amount,
        refundedAmount,
        /** Everything given back (applications mark the fee refunded only then). */
        full: done.status === 'refunded',
        status: done.status,
      },
    });
    return done;
  });
}
