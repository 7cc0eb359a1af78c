// The staff list of payments, newest first, with filters (status, channel, period, receipt number).
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PaymentDeps } from '../deps.ts';
import { type Payment, type PaymentStatus, paymentStatuses, toPayment } from '../queries.ts';

export interface PaymentFilter {
  tenantId: string;
  status?: string | undefined;
  channel?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  receiptNumber?: string | undefined;
  limit?: number;
}

export async function listPayments(deps: Pick<PaymentDeps, 'db'>, filter: PaymentFilter): Promise<Payment[]> {
  return withTenant(deps.db, filter.tenantId, async (trx) => {
    let query = trx
      .selectFrom('payments')
      .selectAll()
      .orderBy('created_at', 'desc')
      .limit(filter.limit ?? 200);
    if (filter.status && (paymentStatuses as readonly string[]).includes(filter.status)) {
      query = query.where('status', '=', filter.status as PaymentStatus);
    }
    if (filter.channel === 'online' || filter.channel === 'counter')
      query = query.where('channel', '=', filter.channel);
    if (filter.from) query = query.where('created_at', '>=', filter.from);
    if (filter.to) query = query.where('created_at', '<', filter.to);
    if (filter.receiptNumber) query = query.where('receipt_number', '=', filter.receiptNumber.trim());
    return (await query.execute()).map(toPayment);
  });
}
