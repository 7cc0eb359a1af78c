// 窓口での収納: staff record a fee paid at the counter, in cash or cashless (card terminal, QR code,
// e-money), for an application's receipt number or a free description. Emits `payment.confirmed` like
// an online payment, so the application moves on the same way.
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditPayment, type PaymentDeps, type RequestMeta } from '../deps.ts';
import { type CounterMethod, counterMethods, type Payment, settled, toPayment } from '../queries.ts';
import { emitConfirmed } from './confirm-payment.ts';

export interface RecordCounterPaymentInput {
  tenantId: string;
  staffId: string;
  applicationId?: string;
  receiptNumber?: string;
  description?: string;
  amount: number | string;
  method: string;
  department?: string;
  meta?: RequestMeta;
}

export async function recordCounterPayment(
  deps: Pick<PaymentDeps, 'db' | 'events'>,
  input: RecordCounterPaymentInput,
): Promise<Payment> {
  const errors: FieldError[] = [];
  const receiptNumber = input.receiptNumber?.normalize('NFKC').trim() || undefined;
  const description = input.description?.trim() || undefined;
  const amount =
    typeof input.amount === 'number' ? input.amount : Number(input.amount.normalize('NFKC').replace(/[,円\s]/g, ''));
  if (!receiptNumber && !description) {
    errors.push({ field: 'receiptNumber', message: '受付番号、または支払の内容を入力してください。' });
  }
  if (receiptNumber && !/^[A-Za-z0-9-]{1,40}$/.test(receiptNumber)) {
    errors.push({ field: 'receiptNumber', message: '受付番号は英数字とハイフンで入力してください。' });
  }
  if (description && description.length > 200) {
    errors.push({ field: 'description', message: '支払の内容は200文字以内で入力してください。' });
  }
  if (!Number.isInteger(amount) || amount < 1 || amount > 10_000_000) {
    errors.push({ field: 'amount', message: '金額を1円以上の整数で入力してください（例: 300）。' });
  }
  if (!(counterMethods as readonly string[]).includes(input.method)) {
    errors.push({ field: 'method', message: '支払方法を選んでください。' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', '入力内容を確認してください。', { errors });
  const method = input.method as CounterMethod;

  return withTenant(deps.db, input.tenantId, async (trx) => {
    let already = trx.selectFrom('payments').select('id').where('status', 'in', settled);
    already = input.applicationId
      ? already.where('application_id', '=', input.applicationId)
      : already.where('receipt_number', '=', receiptNumber ?? '');
    if ((input.applicationId || receiptNumber) && (await already.executeTakeFirst())) {
      throw new AppError('validation_failed', 'すでに支払済みです。', {
        errors: [
          { field: 'receiptNumber', message: 'この受付番号の手数料は支払済みです。二重に収納しないでください。' },
        ],
      });
    }
    if (input.applicationId) {
      // The person paid here instead: their unfinished online attempt must not be paid as well.
      await trx
        .updateTable('payments')
        .set({ status: 'cancelled', failure_reason: 'paid_at_counter', updated_at: new Date() })
        .where('application_id', '=', input.applicationId)
        .where('status', '=', 'pending')
        .execute();
    }
    const row = await trx
      .insertInto('payments')
      .values({
        tenant_id: input.tenantId,
        application_id: input.applicationId ?? null,
        receipt_number: receiptNumber ?? null,
        description: description ?? `受付番号 ${receiptNumber}`,
        department: input.department ?? null,
        amount,
        status: 'paid',
        method,
        channel: 'counter',
        cashless: method !== 'cash',
        paid_at: new Date(),
        created_by: input.staffId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const payment = toPayment(row);
    await auditPayment(trx, {
      tenantId: input.tenantId,
      action: 'payment.record_counter',
      actor: input.staffId,
      actorKind: 'staff',
      paymentId: payment.id,
      department: payment.department,
      meta: input.meta,
      details: { amount, method, receiptNumber: receiptNumber ?? null },
    });
    await emitConfirmed(deps, trx, input.tenantId, payment);
    return payment;
  });
}
