// KPI ①イ キャッシュレス決済の利用率 (17% → 22%): of the fees paid in [from, to), how many were paid
// cashless (online, or at the counter by card, QR code or e-money). A payment counts once, by the time it
// was paid; wholly refunded payments are left out (a cancelled sale is no payment). Definition: ADR 0010.
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PaymentDeps } from '../deps.ts';
import { settled } from '../queries.ts';

export interface CashlessRatio {
  cashless: number;
  total: number;
  /** cashless / total, or null when nothing was paid. */
  ratio: number | null;
}

export async function cashlessRatio(
  deps: Pick<PaymentDeps, 'db'>,
  input: { tenantId: string; from: Date; to: Date },
): Promise<CashlessRatio> {
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('payments')
      .select([sql<string>`count(*) filter (where cashless)`.as('cashless'), sql<string>`count(*)`.as('total')])
      .where('status', 'in', settled)
      .where('paid_at', '>=', input.from)
      .where('paid_at', '<', input.to)
      .executeTakeFirstOrThrow(),
  );
  const cashless = Number(row.cashless);
  const total = Number(row.total);
  return { cashless, total, ratio: total === 0 ? null : cashless / total };
}
