// The signed-in resident's bills from the tax system (taxes and other public funds payable by eL-QR).
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PaymentDeps } from '../deps.ts';

export interface ElBill {
  id: string;
  taxKind: string;
  fiscalYear: number;
  installment: number;
  amount: number;
  dueDate: string;
  elNumber: string;
  qrText: string;
  paidAt: Date | null;
}

export async function listBills(
  deps: Pick<PaymentDeps, 'db'>,
  input: { tenantId: string; residentId: string | null; email: string | null },
): Promise<ElBill[]> {
  if (!input.residentId && !input.email) return [];
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('el_bills')
      .selectAll()
      .select((eb) => eb.fn('to_char', ['due_date', eb.val('YYYY-MM-DD')]).as('due'))
      .where((eb) =>
        eb.or([
          ...(input.residentId ? [eb('resident_id', '=', input.residentId)] : []),
          ...(input.email ? [eb('recipient_email', '=', input.email.toLowerCase())] : []),
        ]),
      )
      .orderBy('due_date')
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    taxKind: r.tax_kind,
    fiscalYear: r.fiscal_year,
    installment: r.installment,
    amount: r.amount,
    dueDate: String(r.due),
    elNumber: r.el_number,
    qrText: r.qr_text,
    paidAt: r.paid_at,
  }));
}
