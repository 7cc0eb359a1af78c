// HTTP side of payments: the provider's webhook (raw body, signature first), the resident's return page
// and bills, the staff cashier pages (through the policy decision point, audited) and the KPI API.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../platform/access/zones.ts';
import { withTenant } from '../../platform/db/tenant.ts';
import { AppError, problemResponse } from '../../platform/http/errors.ts';
import { seeOther, sendPage as send } from '../../platform/http/respond.ts';
import { encodeCsvUtf8Bom, toCsv } from '../../platform/ja/csv.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { pageContext } from '../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../identity/staff-access.ts';
import type { PaymentDeps } from './deps.ts';
import { elQrSvg, formatElNumber } from './el-qr.ts';
import { renderBills, renderReturn } from './pages/resident.ts';
import {
  reconciliationCsv,
  renderCounter,
  renderPaymentList,
  renderReconciliation,
  renderRefund,
} from './pages/staff.ts';
import { closeDemoProvider, providerFor } from './provider-for.ts';
import { findPayment } from './queries.ts';
import { signatureHeader } from './signature.ts';
import { cashlessRatio } from './use-cases/cashless-ratio.ts';
import { confirmPayment } from './use-cases/confirm-payment.ts';
import { handleWebhook } from './use-cases/handle-webhook.ts';
import { listBills } from './use-cases/list-bills.ts';
import { listPayments } from './use-cases/list-payments.ts';
import { periodBounds, reconcile } from './use-cases/reconcile.ts';
import { recordCounterPayment } from './use-cases/record-counter-payment.ts';
import { refundPayment } from './use-cases/refund-payment.ts';
import { startPayment } from './use-cases/start-payment.ts';

const page = { hide: true };
const tags = ['payments'];

type Body = Record<string, string | undefined>;

function bodyOf(request: FastifyRequest): Body {
  const out: Body = {};
  for (const [k, v] of Object.entries((request.body as Record<string, unknown> | undefined) ?? {})) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

const meta = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });

/** Re-renders the form with 400 and the error summary when the use case refuses the input. */
async function form(
  reply: FastifyReply,
  run: () => Promise<FastifyReply>,
  rerender: (errors: { field: string; message: string }[]) => string,
  fallbackField: string,
): Promise<FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (
      !(error instanceof AppError) ||
      error.status >= 500 ||
      error.code === 'csrf_failed' ||
      error.code === 'forbidden'
    ) {
      throw error;
    }
    const errors =
      error.errors.length > 0 ? error.errors : [{ field: fallbackField, message: error.detail ?? error.message }];
    return send(reply, rerender(errors), error.code === 'validation_failed' ? 400 : error.status);
  }
}

function day(value: string | undefined, offsetDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00+09:00`);
  return Number.isNaN(d.getTime()) ? undefined : new Date(d.getTime() + offsetDays * 86_400_000);
}

/** This month so far, in Japan time: the default period of the cashless share. */
function thisMonth(): { from: Date; to: Date } {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  return periodBounds(today.slice(0, 7));
}

export async function paymentRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const paymentDeps = async (): Promise<PaymentDeps> => ({
    db: deps.db,
    events: deps.events,
    provider: await providerFor(deps, app),
  });
  app.addHook('onClose', async () => closeDemoProvider(deps));

  // The webhook reads its body as bytes: the signature is over exactly what was sent.
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scope.post(
      '/payments/webhook',
      {
        schema: {
          tags,
          summary: '決済事業者からの通知（Webhook）。Provider-Signature ヘッダーの署名を検証してから支払を確認します',
          response: {
            200: {
              type: 'object',
              required: ['received'],
              properties: { received: { type: 'boolean' }, outcome: { type: 'string' } },
            },
            400: problemResponse('署名がない・一致しない・古い、または本文が不正'),
            503: problemResponse('決済事業者に接続できない（再送してください）'),
          },
        },
      },
      async (request) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        // A refusal answers problem+json (the provider sends no Accept: text/html) and changes nothing.
        const result = await handleWebhook(await paymentDeps(), {
          tenantId: request.tenant.id,
          rawBody,
          signature: request.headers[signatureHeader] as string | undefined,
          meta: meta(request),
        });
        return { received: true, outcome: result.outcome };
      },
    );
  });

  // --- Resident ---------------------------------------------------------------------------------

  const residentOrRedirect = (request: FastifyRequest, reply: FastifyReply) => {
    const session = request.session;
    if (session && !session.mfaPending && session.kind === 'resident') return session;
    void seeOther(reply, `/sign-in?next=${encodeURIComponent(request.url)}`);
    return undefined;
  };

  app.get('/payments/:id/return', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const { id } = request.params as { id: string };
    const tenantId = request.tenant.id;
    const payment = await withTenant(deps.db, tenantId, (trx) => findPayment(trx, id));
    // Someone else's payment answers as if it did not exist.
    if (!payment || payment.payer !== session.accountId) throw new AppError('not_found', 'この支払は見つかりません。');
    // Never trust the redirect: ask the provider (the webhook may be late or lost).
    const now =
      payment.status === 'pending' && payment.providerSessionId
        ? await confirmPayment(await paymentDeps(), { tenantId, paymentId: id, source: 'return', meta: meta(request) })
        : payment;
    return send(reply, renderReturn(pageContext(request), now));
  });

  app.post('/payments/:id/retry', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const { id } = request.params as { id: string };
    const tenantId = request.tenant.id;
    const payment = await withTenant(deps.db, tenantId, (trx) => findPayment(trx, id));
    if (!payment || payment.payer !== session.accountId || !payment.applicationId || !payment.returnUrl) {
      throw new AppError('not_found', 'この支払は見つかりません。');
    }
    const started = await startPayment(await paymentDeps(), {
      tenantId,
      applicationId: payment.applicationId,
      receiptNumber: payment.receiptNumber ?? '',
      amount: payment.amount,
      description: payment.description,
      payer: session.accountId,
      returnUrl: payment.returnUrl,
      methods: payment.methods,
      ...(payment.department ? { department: payment.department } : {}),
      meta: meta(request),
    });
    return seeOther(reply, started.redirectUrl);
  });

  app.get('/account/bills', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const bills = await listBills(deps, {
      tenantId: request.tenant.id,
      residentId: session.residentId,
      email: session.email,
    });
    const ctx = pageContext(request);
    const svgs = new Map<string, string>();
    for (const bill of bills) {
      if (!bill.paidAt) svgs.set(bill.id, await elQrSvg(bill.qrText, `eL-QR ${formatElNumber(bill.elNumber)}`));
    }
    return send(reply, renderBills(ctx, bills, svgs));
  });

  // --- Staff ------------------------------------------------------------------------------------

  const staffDepartment = (staff: StaffContext) => staff.session.staff.departments[0];
  const guard = async (
    request: FastifyRequest,
    staff: StaffContext,
    action: 'read' | 'create' | 'decide' | 'export',
    auditAction: string,
    extra: { id?: string; details?: Record<string, unknown> } = {},
  ) =>
    authorize(deps, request, staff, {
      action,
      resource: { type: 'payment', dataClass: 'personal', ...(extra.id ? { id: extra.id } : {}) },
      auditAction,
      ...(extra.details ? { details: extra.details } : {}),
    });

  app.get('/staff/payments', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const q = request.query as Record<string, string | undefined>;
    const filter = Object.fromEntries(
      Object.entries({ status: q.status, channel: q.channel, from: q.from, to: q.to, receipt: q.receipt }).filter(
        ([, v]) => v,
      ),
    ) as Record<string, string>;
    await guard(request, staff, 'read', 'payment.list', { details: filter });
    const tenantId = request.tenant.id;
    const payments = await listPayments(deps, {
      tenantId,
      status: q.status,
      channel: q.channel,
      from: day(q.from),
      to: day(q.to, 1),
      receiptNumber: q.receipt,
    });
    const period = day(q.from) && day(q.to, 1) ? { from: day(q.from)!, to: day(q.to, 1)! } : thisMonth();
    const ratio = await cashlessRatio(deps, { tenantId, ...period });
    const notice = q.notice === 'refundDone' ? 'refundDone' : undefined;
    return send(reply, renderPaymentList(pageContext(request), filter, payments, ratio, notice));
  });

  app.get('/staff/payments/counter', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await guard(request, staff, 'read', 'payment.counter_form');
    const q = request.query as Record<string, string | undefined>;
    const done = q.amount && q.method ? { amount: Number(q.amount), method: q.method } : undefined;
    const valid = done && Number.isInteger(done.amount) && /^[a-z_]+$/.test(done.method);
    return send(reply, renderCounter(pageContext(request), {}, valid ? done : undefined));
  });

  app.post('/staff/payments/counter', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const body = bodyOf(request);
    await guard(request, staff, 'create', 'payment.record_counter_attempt', {
      details: { receiptNumber: body.receiptNumber ?? null },
    });
    const ctx = pageContext(request);
    return form(
      reply,
      async () => {
        const department = staffDepartment(staff);
        const payment = await recordCounterPayment(deps, {
          tenantId: request.tenant.id,
          staffId: staff.session.accountId,
          ...(body.receiptNumber ? { receiptNumber: body.receiptNumber } : {}),
          ...(body.description ? { description: body.description } : {}),
          amount: body.amount ?? '',
          method: body.method ?? '',
          ...(department ? { department } : {}),
          meta: meta(request),
        });
        return seeOther(reply, `/staff/payments/counter?amount=${payment.amount}&method=${payment.method}`);
      },
      (errors) => renderCounter(ctx, { values: body, errors }),
      'amount',
    );
  });

  const loadForStaff = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const payment = await withTenant(deps.db, request.tenant.id, (trx) => findPayment(trx, id));
    if (!payment) throw new AppError('not_found', 'この支払は見つかりません。');
    return payment;
  };

  app.get('/staff/payments/:id/refund', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const payment = await loadForStaff(request);
    await guard(request, staff, 'read', 'payment.read', { id: payment.id });
    return send(reply, renderRefund(pageContext(request), payment));
  });

  app.post('/staff/payments/:id/refund', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const payment = await loadForStaff(request);
    // Giving money back is a decision (決裁): case workers and managers, not the counter alone.
    await guard(request, staff, 'decide', 'payment.refund_attempt', { id: payment.id });
    const body = bodyOf(request);
    const ctx = pageContext(request);
    return form(
      reply,
      async () => {
        await refundPayment(await paymentDeps(), {
          tenantId: request.tenant.id,
          paymentId: payment.id,
          amount: body.amount ?? '',
          reason: body.reason ?? '',
          staffId: staff.session.accountId,
          meta: meta(request),
        });
        return seeOther(reply, '/staff/payments?notice=refundDone');
      },
      (errors) => renderRefund(ctx, payment, { values: body, errors }),
      'amount',
    );
  });

  const defaultPeriod = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });

  app.get('/staff/payments/reconciliation', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const period = String((request.query as Record<string, unknown>).period ?? defaultPeriod()).slice(0, 10);
    await guard(request, staff, 'read', 'payment.reconcile', { details: { period } });
    const ctx = pageContext(request);
    try {
      const report = await reconcile(await paymentDeps(), { tenantId: request.tenant.id, period });
      const ratio = await cashlessRatio(deps, { tenantId: request.tenant.id, from: report.from, to: report.to });
      return send(reply, renderReconciliation(ctx, period, report, ratio));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return send(reply, renderReconciliation(ctx, period, undefined, undefined, { errors: error.errors }), 400);
    }
  });

  app.get('/staff/payments/reconciliation.csv', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const period = String((request.query as Record<string, unknown>).period ?? defaultPeriod()).slice(0, 10);
    await guard(request, staff, 'export', 'payment.reconcile_export', { details: { period } });
    const report = await reconcile(await paymentDeps(), { tenantId: request.tenant.id, period });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="reconciliation-${report.period}.csv"`)
      .send(encodeCsvUtf8Bom(toCsv(reconciliationCsv(pageContext(request), report))));
  });

  // --- API --------------------------------------------------------------------------------------

  app.get(
    '/api/v1/payments/kpi/cashless',
    {
      schema: {
        tags,
        summary: 'KPI ①イ キャッシュレス決済の利用率（期間内に支払われた手数料のうちキャッシュレスの割合）',
        querystring: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: {
            from: { type: 'string', format: 'date', description: '開始日（日本時間、この日を含む）' },
            to: { type: 'string', format: 'date', description: '終了日（日本時間、この日を含む）' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['from', 'to', 'cashless', 'total', 'ratio'],
            properties: {
              from: { type: 'string', format: 'date' },
              to: { type: 'string', format: 'date' },
              cashless: { type: 'integer' },
              total: { type: 'integer' },
              ratio: { type: ['number', 'null'] },
            },
          },
          400: problemResponse('期間の指定が不正'),
        },
      },
    },
    async (request) => {
      const q = request.query as { from: string; to: string };
      const from = day(q.from);
      const to = day(q.to, 1);
      if (!from || !to || to <= from) {
        throw new AppError('validation_failed', '期間を確認してください。', {
          errors: [{ field: 'to', message: '終了日は開始日以降の日付にしてください。' }],
        });
      }
      // Counts only, no personal data: a public figure like the city's other KPIs.
      return { from: q.from, to: q.to, ...(await cashlessRatio(deps, { tenantId: request.tenant.id, from, to })) };
    },
  );
}
