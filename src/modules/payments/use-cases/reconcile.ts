// 収納の突合: our records of a day or a month against the provider's balance transactions. Every online
// payment and refund is matched by the provider's id; what is on one side only, or with another amount,
// is listed for the accounting office. Counter takings are totalled by method (cash against the drawer).
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PaymentDeps } from '../deps.ts';

export type Outcome = 'matched' | 'missing_at_provider' | 'missing_in_ours' | 'amount_mismatch';

export interface ReconciliationLine {
  kind: 'charge' | 'refund';
  outcome: Outcome;
  providerId: string;
  paymentId: string | null;
  receiptNumber: string | null;
  ourAmount: number | null;
  providerAmount: number | null;
  at: Date;
}

export interface Reconciliation {
  period: string;
  from: Date;
  to: Date;
  lines: ReconciliationLine[];
  counts: Record<Outcome, number>;
  counter: { method: string; count: number; amount: number; refunded: number }[];
  /** Cash taken minus cash given back: what the drawer should hold. */
  counterCashNet: number;
}

/** `2026-05-01` (a day) or `2026-05` (a month), in Japan time, as [from, to). */
export function periodBounds(period: string): { from: Date; to: Date } {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (day) {
    const from = new Date(`${period}T00:00:00+09:00`);
    if (!Number.isNaN(from.getTime())) return { from, to: new Date(from.getTime() + 86_400_000) };
  }
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const from = new Date(`${period}-01T00:00:00+09:00`);
    const next =
      Number(month[2]) === 12
        ? `${Number(month[1]) + 1}-01`
        : `${month[1]}-${String(Number(month[2]) + 1).padStart(2, '0')}`;
    return { from, to: new Date(`${next}-01T00:00:00+09:00`) };
  }
  throw new AppError('validation_failed', '期間を確認してください。', {
    errors: [{ field: 'period', message: '期間は 2026-05-01（日）または 2026-05（月）の形で入力してください。' }],
  });
}

export async function reconcile(
  deps: PaymentDeps,
  input: { tenantId: string; period: string },
): Promise<Reconciliation> {
  const { from, to } = periodBounds(input.period);
  const [ours, refunds, counter] = await withTenant(deps.db, input.tenantId, async (trx) => [
    await trx
      .selectFrom('payments')
      .select(['id', 'receipt_number', 'amount', 'provider_payment_id', 'paid_at'])
      .where('channel', '=', 'online')
      .where('paid_at', '>=', from)
      .where('paid_at', '<', to)
      .execute(),
    await trx
      .selectFrom('refunds')
      .innerJoin('payments', (j) =>
        j.onRef('payments.tenant_id', '=', 'refunds.tenant_id').onRef('payments.id', '=', 'refunds.payment_id'),
      )
      .select([
        'refunds.provider_refund_id',
        'refunds.amount',
        'refunds.created_at',
        'payments.id',
        'payments.receipt_number',
      ])
      .where('payments.channel', '=', 'online')
      .where('refunds.created_at', '>=', from)
      .where('refunds.created_at', '<', to)
      .execute(),
    await trx
      .selectFrom('payments')
      .select([
        'method',
        sql<string>`count(*)`.as('count'),
        sql<string>`sum(amount)`.as('amount'),
        sql<string>`sum(refunded_amount)`.as('refunded'),
      ])
      .where('channel', '=', 'counter')
      .where('paid_at', '>=', from)
      .where('paid_at', '<', to)
      .groupBy('method')
      .orderBy('method')
      .execute(),
  ]);
  const theirs = (await deps.provider.listBalanceTransactions(from, to)).filter(
    (t) => t.metadata.tenant_id === input.tenantId,
  );

  const lines: ReconciliationLine[] = [];
  const charges = new Map(theirs.filter((t) => t.type === 'charge').map((t) => [t.payment_intent, t]));
  for (const p of ours) {
    const t = p.provider_payment_id ? charges.get(p.provider_payment_id) : undefined;
    if (t) charges.delete(p.provider_payment_id);
    lines.push({
      kind: 'charge',
      outcome: !t ? 'missing_at_provider' : t.amount === p.amount ? 'matched' : 'amount_mismatch',
      providerId: p.provider_payment_id ?? '',
      paymentId: p.id,
      receiptNumber: p.receipt_number,
      ourAmount: p.amount,
      providerAmount: t?.amount ?? null,
      at: p.paid_at,
    });
  }
  const refundTxns = new Map(theirs.filter((t) => t.type === 'refund').map((t) => [t.source, t]));
  for (const r of refunds) {
    const t = r.provider_refund_id ? refundTxns.get(r.provider_refund_id) : undefined;
    if (t) refundTxns.delete(r.provider_refund_id);
    lines.push({
      kind: 'refund',
      outcome: !t ? 'missing_at_provider' : -t.amount === r.amount ? 'matched' : 'amount_mismatch',
      providerId: r.provider_refund_id ?? '',
      paymentId: r.id,
      receiptNumber: r.receipt_number,
      ourAmount: r.amount,
      providerAmount: t ? -t.amount : null,
      at: r.created_at,
    });
  }
  for (const t of [...charges.values(), ...refundTxns.values()]) {
    lines.push({
      kind: t.type,
      outcome: 'missing_in_ours',
      providerId: t.type === 'charge' ? t.payment_intent : t.source,
      paymentId: t.metadata.client_reference_id ?? null,
      receiptNumber: t.metadata.receipt_number ?? null,
      ourAmount: null,
      providerAmount: Math.abs(t.amount),
      at: new Date(t.created * 1000),
    });
  }
  const order: Outcome[] = ['amount_mismatch', 'missing_in_ours', 'missing_at_provider', 'matched'];
  lines.sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome) || a.at.getTime() - b.at.getTime());
  const counts = { matched: 0, missing_at_provider: 0, missing_in_ours: 0, amount_mismatch: 0 };
  for (const line of lines) counts[line.outcome]++;
  const counterRows = counter.map((c) => ({
    method: c.method as string,
    count: Number(c.count),
    amount: Number(c.amount),
    refunded: Number(c.refunded),
  }));
  const cash = counterRows.find((c) => c.method === 'cash');
  return {
    period: input.period,
    from,
    to,
    lines,
    counts,
    counter: counterRows,
    counterCashNet: cash ? cash.amount - cash.refunded : 0,
  };
}
