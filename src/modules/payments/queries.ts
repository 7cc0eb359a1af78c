// The payments module's rows as the rest of the module sees them. Only this module reads these tables.
import type { Kysely } from 'kysely';

export const paymentStatuses = ['pending', 'paid', 'failed', 'cancelled', 'refunded', 'partially_refunded'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/** Online methods and the counter's: 現金, カード端末, QRコード決済, 電子マネー. */
export const counterMethods = ['cash', 'counter_card', 'counter_qr', 'counter_emoney'] as const;
export type CounterMethod = (typeof counterMethods)[number];
export type Method = 'card' | 'paypay' | 'bank_transfer' | 'el_qr' | CounterMethod;

/** Paid and not wholly given back: what counts as a payment made. */
export const settled: PaymentStatus[] = ['paid', 'partially_refunded'];

export interface Payment {
  id: string;
  applicationId: string | null;
  receiptNumber: string | null;
  description: string;
  department: string | null;
  amount: number;
  status: PaymentStatus;
  methods: string[];
  method: Method | null;
  channel: 'online' | 'counter';
  cashless: boolean | null;
  payer: string | null;
  returnUrl: string | null;
  providerSessionId: string | null;
  checkoutUrl: string | null;
  providerPaymentId: string | null;
  failureReason: string | null;
  paidAt: Date | null;
  refundedAmount: number;
  createdBy: string;
  createdAt: Date;
}

export function toPayment(row: Record<string, any>): Payment {
  return {
    id: row.id,
    applicationId: row.application_id,
    receiptNumber: row.receipt_number,
    description: row.description,
    department: row.department,
    amount: row.amount,
    status: row.status,
    methods: row.methods,
    method: row.method,
    channel: row.channel,
    cashless: row.cashless,
    payer: row.payer,
    returnUrl: row.return_url,
    providerSessionId: row.provider_session_id,
    checkoutUrl: row.checkout_url,
    providerPaymentId: row.provider_payment_id,
    failureReason: row.failure_reason,
    paidAt: row.paid_at,
    refundedAmount: row.refunded_amount,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function findPayment(trx: Kysely<any>, id: string, forUpdate = false): Promise<Payment | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let query = trx.selectFrom('payments').selectAll().where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toPayment(row) : undefined;
}

/** JST calendar day (yyyy-mm-dd) of an instant. */
export function jstDay(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}
