// Demo bills for the demo residents, as the tax system would supply them: synthetic eL番号 and QR text
// (the real QR payload is eLTAX's; here a readable stand-in of the same role). Idempotent.
import { createHash } from 'node:crypto';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { PaymentDeps } from '../deps.ts';

/** A synthetic 20-digit eL番号, the same for the same inputs. */
export function demoElNumber(seed: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`)
    .toString()
    .padStart(20, '0');
  return digits.slice(0, 20);
}

export function demoQrText(elNumber: string, amount: number, dueDate: string): string {
  return `eLQR1;ELNO=${elNumber};AMT=${amount};DUE=${dueDate.replaceAll('-', '')};DEMO`;
}

const bills = [
  { taxKind: '市民税・県民税（普通徴収）', installment: 1, amount: 28_400, dueDate: '06-30' },
  { taxKind: '市民税・県民税（普通徴収）', installment: 2, amount: 28_300, dueDate: '08-31' },
  { taxKind: '軽自動車税（種別割）', installment: 1, amount: 10_800, dueDate: '05-31' },
];

export async function seedDemoBills(
  deps: Pick<PaymentDeps, 'db'>,
  input: { tenantId: string; emails: string[]; fiscalYear: number },
): Promise<void> {
  await withTenant(deps.db, input.tenantId, async (trx) => {
    for (const email of input.emails) {
      for (const bill of bills) {
        const elNumber = demoElNumber(
          `${input.tenantId}:${email}:${input.fiscalYear}:${bill.taxKind}:${bill.installment}`,
        );
        const dueDate = `${input.fiscalYear}-${bill.dueDate}`;
        await trx
          .insertInto('el_bills')
          .values({
            tenant_id: input.tenantId,
            recipient_email: email.toLowerCase(),
            tax_kind: bill.taxKind,
            fiscal_year: input.fiscalYear,
            installment: bill.installment,
            amount: bill.amount,
            due_date: dueDate,
            el_number: elNumber,
            qr_text: demoQrText(elNumber, bill.amount, dueDate),
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'el_number']).doNothing())
          .execute();
      }
    }
  });
}
