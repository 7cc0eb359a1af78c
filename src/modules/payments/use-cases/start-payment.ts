// 手数料のオンライン支払を始める: create (or reuse) the application's payment and a checkout session at the
// provider; the person is then sent to `redirectUrl`. Idempotent per application: a second call reuses
// the open payment, and a paid application answers alreadyPaid instead of charging twice.
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { auditPayment, type PaymentDeps, type RequestMeta } from '../deps.ts';
import { type OnlineMethod, onlineMethods } from '../provider.ts';
import { findPayment, type Payment, settled, toPayment } from '../queries.ts';
import { confirmPayment } from './confirm-payment.ts';

export interface StartPaymentInput {
  tenantId: string;
  /** The applications module's id (text; no foreign key across modules). */
  applicationId: string;
  receiptNumber: string;
  /** Yen, an integer. */
  amount: number;
  /** What is paid for, shown on the provider's page, e.g. 住民票の写し 2通. */
  description: string;
  /** Account id of the person paying. */
  payer: string;
  /** Absolute URL of the application's page; the return page links back to it. */
  returnUrl: string;
  /** The procedure's methods; the online ones (card, paypay) are offered. Default: both. */
  methods?: readonly string[];
  /** The procedure's department, for staff scope and the audit log. */
  department?: string;
  meta?: RequestMeta;
}

export interface StartPaymentResult {
  paymentId: string;
  /** The provider's checkout page, or (already paid) our page that says so. */
  redirectUrl: string;
  alreadyPaid: boolean;
}

function validate(input: StartPaymentInput): { origin: string; methods: OnlineMethod[] } {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 10_000_000) {
    errors.push({ field: 'amount', message: '金額は1円以上1,000万円以下の整数で指定してください。' });
  }
  if (!input.applicationId || input.applicationId.length > 100) {
    errors.push({ field: 'applicationId', message: '申請が指定されていません。' });
  }
  if (!input.description.trim() || input.description.length > 200) {
    errors.push({ field: 'description', message: '支払の内容を200文字以内で指定してください。' });
  }
  let origin = '';
  try {
    const url = new URL(input.returnUrl);
    if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
  } catch {
    origin = '';
  }
  if (!origin) errors.push({ field: 'returnUrl', message: '戻り先は http(s):// で始まる URL で指定してください。' });
  const methods = (input.methods ?? onlineMethods).filter((m): m is OnlineMethod =>
    (onlineMethods as readonly string[]).includes(m),
  );
  if (methods.length === 0) {
    errors.push({
      field: 'methods',
      message: 'この手続の手数料はオンラインでは支払えません（窓口でお支払いください）。',
    });
  }
  if (errors.length > 0) throw new AppError('validation_failed', '支払の内容を確認してください。', { errors });
  return { origin, methods };
}

export async function startPayment(deps: PaymentDeps, input: StartPaymentInput): Promise<StartPaymentResult> {
  const { origin, methods } = validate(input);
  const returnPage = (id: string) => `${origin}/payments/${id}/return`;

  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await withTenant(deps.db, input.tenantId, async (trx) => {
      const rows = await trx
        .selectFrom('payments')
        .selectAll()
        .where('application_id', '=', input.applicationId)
        .where('status', 'in', ['pending', ...settled])
        .execute();
      const existing = rows.map(toPayment);
      const paid = existing.find((p) => settled.includes(p.status));
      if (paid) return { paid };
      const open = existing.find((p) => p.status === 'pending');
      if (open && open.amount === input.amount) return { open };
      if (open) {
        // The fee changed (e.g. more copies): the old attempt is dropped, a new one made.
        await trx
          .updateTable('payments')
          .set({ status: 'cancelled', failure_reason: 'amount_changed', updated_at: new Date() })
          .where('id', '=', open.id)
          .where('status', '=', 'pending')
          .execute();
      }
      const created = await trx
        .insertInto('payments')
        .values({
          tenant_id: input.tenantId,
          application_id: input.applicationId,
          receipt_number: input.receiptNumber,
          description: input.description.trim(),
          department: input.department ?? null,
          amount: input.amount,
          methods,
          channel: 'online',
          payer: input.payer,
          return_url: input.returnUrl,
          created_by: input.payer,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!created) return { retry: true }; // another request opened one at the same moment
      const payment = toPayment(created);
      await auditPayment(trx, {
        tenantId: input.tenantId,
        action: 'payment.start',
        actor: input.payer,
        actorKind: 'resident',
        paymentId: payment.id,
        department: input.department ?? null,
        meta: input.meta,
        details: { applicationId: input.applicationId, amount: input.amount },
      });
      return { open: payment };
    });
    if ('retry' in found) continue;
    if (found.paid) return { paymentId: found.paid.id, redirectUrl: returnPage(found.paid.id), alreadyPaid: true };
    const payment = found.open!;
    if (payment.providerSessionId) {
      // The session may have been paid or cancelled while we were not told (a lost webhook): ask.
      const now = await confirmPayment(deps, { tenantId: input.tenantId, paymentId: payment.id, source: 'start' });
      if (settled.includes(now.status))
        return { paymentId: payment.id, redirectUrl: returnPage(payment.id), alreadyPaid: true };
      if (now.status === 'pending' && payment.checkoutUrl) {
        return { paymentId: payment.id, redirectUrl: payment.checkoutUrl, alreadyPaid: false };
      }
      continue; // cancelled or failed: start a fresh attempt
    }
    return { paymentId: payment.id, redirectUrl: await openSession(deps, input, payment, origin), alreadyPaid: false };
  }
  throw new AppError('conflict', '同じ申請の支払が同時に操作されました。もう一度お試しください。');
}

async function openSession(
  deps: PaymentDeps,
  input: StartPaymentInput,
  payment: Payment,
  origin: string,
): Promise<string> {
  // The payment id is the idempotency key: a retry after a timeout gets the same session, never a second.
  const session = await deps.provider.createCheckoutSession(
    {
      amount: payment.amount,
      currency: 'jpy',
      description: payment.description,
      client_reference_id: payment.id,
      success_url: `${origin}/payments/${payment.id}/return?result=success`,
      cancel_url: `${origin}/payments/${payment.id}/return?result=cancel`,
      payment_method_types: payment.methods as OnlineMethod[],
      metadata: { tenant_id: input.tenantId, application_id: input.applicationId, receipt_number: input.receiptNumber },
    },
    `checkout-${payment.id}`,
  );
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const current = await findPayment(trx, payment.id, true);
    if (current && !current.providerSessionId) {
      await trx
        .updateTable('payments')
        .set({ provider_session_id: session.id, checkout_url: session.url, updated_at: new Date() })
        .where('id', '=', payment.id)
        .execute();
    }
  });
  return session.url;
}
