// What an application's page shows about its fee: one status per application (a settled payment wins
// over later attempts; otherwise the latest attempt).
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PaymentDeps } from '../deps.ts';
import type { Method, PaymentStatus } from '../queries.ts';

export interface PaymentSummary {
  paymentId: string;
  status: PaymentStatus;
  amount: number;
  method: Method | null;
  paidAt: Date | null;
}

export async function paymentStatusFor(
  deps: Pick<PaymentDeps, 'db'>,
  input: { tenantId: string; applicationIds: readonly string[] },
): Promise<Map<string, PaymentSummary>> {
  const out = new Map<string, PaymentSummary>();
  if (input.applicationIds.length === 0) return out;
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('payments')
      .distinctOn('application_id')
      .select(['id', 'application_id', 'status', 'amount', 'method', 'paid_at'])
      .where('application_id', 'in', [...input.applicationIds])
      .orderBy('application_id')
      .orderBy(sql`status in ('paid', 'partially_refunded', 'refunded')`, 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  );
  for (const row of rows) {
    out.set(row.application_id, {
      paymentId: row.id,
      status: row.status,
      amount: row.amount,
      method: row.method,
      paidAt: row.paid_at,
    });
  }
  return out;
}
