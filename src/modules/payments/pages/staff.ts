// The cashier's pages for staff: the list of payments with the cashless share, a counter payment, a
// refund, and the reconciliation report.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { counterMethods, type Payment, paymentStatuses } from '../queries.ts';
import type { CashlessRatio } from '../use-cases/cashless-ratio.ts';
import type { Reconciliation } from '../use-cases/reconcile.ts';
import { type FormState, formErrors, input, key, radios, select, titled, when, yen } from './parts.ts';

const crumbs = (ctx: PageContext, withList = true) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  ...(withList ? [{ text: t(ctx.lang, key('staffPaymentsTitle')), href: '/staff/payments' }] : []),
];

function cashlessBlock(ctx: PageContext, ratio: CashlessRatio): SafeHtml {
  return html`<section aria-labelledby="cashless-title">
<h2 id="cashless-title">${th(ctx.lang, key('cashlessTitle'))}</h2>
<p data-cashless-ratio="${ratio.ratio ?? ''}">${
    ratio.ratio === null
      ? th(ctx.lang, key('cashlessNone'))
      : th(ctx.lang, key('cashlessValue'), {
          ratio: `${(ratio.ratio * 100).toFixed(1)}%`,
          cashless: ratio.cashless,
          total: ratio.total,
        })
  }</p>
<p class="form-field__hint">${th(ctx.lang, key('cashlessNote'))}</p>
</section>`;
}

export function renderPaymentList(
  ctx: PageContext,
  filter: Record<string, string>,
  payments: Payment[],
  ratio: CashlessRatio,
  notice?: string,
): string {
  return renderPage(ctx, {
    title: t(ctx.lang, key('staffPaymentsTitle')),
    breadcrumbs: crumbs(ctx, false),
    body: html`${notice ? notificationBanner({ title: t(ctx.lang, key(notice)), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, key('staffPaymentsTitle')), lead: th(ctx.lang, key('staffPaymentsLead')) })}
<ul class="link-list-plain">
<li><a href="/staff/payments/counter">${th(ctx.lang, key('counterLink'))}</a></li>
<li><a href="/staff/payments/reconciliation">${th(ctx.lang, key('reconciliationLink'))}</a></li>
</ul>
${cashlessBlock(ctx, ratio)}
<form method="get" action="/staff/payments" role="search" class="filters" aria-label="${t(ctx.lang, key('filterSubmit'))}">
${select(ctx, filter.status, { name: 'status', label: 'filterStatus', options: paymentStatuses.map((s) => ({ value: s, label: `status_${s}` })) })}
${select(ctx, filter.channel, { name: 'channel', label: 'filterChannel', options: ['online', 'counter'].map((c) => ({ value: c, label: `channel_${c}` })) })}
${input(ctx, { values: filter }, { name: 'from', label: 'filterFrom', type: 'date' })}
${input(ctx, { values: filter }, { name: 'to', label: 'filterTo', type: 'date' })}
${input(ctx, { values: filter }, { name: 'receipt', label: 'filterReceipt' })}
${button({ text: t(ctx.lang, key('filterSubmit')) })}
</form>
<p role="status">${th(ctx.lang, key('resultsCount'), { count: payments.length })}</p>
${
  payments.length === 0
    ? html`<p>${th(ctx.lang, key('noPayments'))}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t(ctx.lang, key('staffPaymentsTitle'))}">
<table class="table"><thead><tr><th scope="col">${th(ctx.lang, key('createdAt'))}</th><th scope="col">${th(ctx.lang, key('receiptNumber'))}</th><th scope="col">${th(ctx.lang, key('description'))}</th><th scope="col">${th(ctx.lang, key('amount'))}</th><th scope="col">${th(ctx.lang, key('channel'))}</th><th scope="col">${th(ctx.lang, key('method'))}</th><th scope="col">${th(ctx.lang, key('status'))}</th><th scope="col">${th(ctx.lang, key('refundTitle'))}</th></tr></thead>
<tbody>${payments.map(
        (p) =>
          html`<tr data-payment="${p.id}"><td>${when(ctx, p.createdAt)}</td><td>${p.receiptNumber ?? '—'}</td><td>${p.description}</td><td>${yen(p.amount)}${p.refundedAmount > 0 ? html` (−${yen(p.refundedAmount)})` : ''}</td><td>${th(ctx.lang, key(`channel_${p.channel}`))}</td><td>${p.method ? th(ctx.lang, key(`method_${p.method}`)) : '—'}</td><td>${th(ctx.lang, key(`status_${p.status}`))}</td><td>${
            p.status === 'paid' || p.status === 'partially_refunded'
              ? html`<a href="/staff/payments/${p.id}/refund">${th(ctx.lang, key('refundTitle'))}</a>`
              : ''
          }</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}

export function renderCounter(
  ctx: PageContext,
  state: FormState = {},
  notice?: { amount: number; method: string },
): string {
  return renderPage(ctx, {
    title: titled(ctx, 'counterTitle', state),
    breadcrumbs: crumbs(ctx),
    body: html`${formErrors(ctx, state)}
${
  notice
    ? notificationBanner({
        title: t(ctx.lang, key('counterDone'), {
          amount: yen(notice.amount),
          method: t(ctx.lang, key(`method_${notice.method}`)),
        }),
        body: '',
        kind: 'success',
      })
    : ''
}
${pageHeading({ text: th(ctx.lang, key('counterTitle')), lead: th(ctx.lang, key('counterLead')) })}
<form method="post" action="/staff/payments/counter" novalidate>
${csrfInput(ctx)}
${input(ctx, state, { name: 'receiptNumber', label: 'counterReceipt', hint: 'counterReceiptHint' })}
${input(ctx, state, { name: 'description', label: 'counterDescription', hint: 'counterDescriptionHint' })}
${input(ctx, state, { name: 'amount', label: 'counterAmount', required: true, inputmode: 'numeric' })}
${radios(ctx, state, { name: 'method', legend: 'counterMethod', options: counterMethods.map((m) => ({ value: m, label: `method_${m}` })) })}
${button({ text: t(ctx.lang, key('counterSubmit')) })}
</form>`,
  });
}

export function renderRefund(ctx: PageContext, payment: Payment, state: FormState = {}): string {
  const left = yen(payment.amount - payment.refundedAmount);
  return renderPage(ctx, {
    title: titled(ctx, 'refundTitle', state),
    breadcrumbs: crumbs(ctx),
    body: html`${formErrors(ctx, state)}
${pageHeading({
  text: th(ctx.lang, key('refundTitle')),
  lead: th(ctx.lang, key('refundLead'), {
    receipt: payment.receiptNumber ?? payment.description,
    amount: yen(payment.amount),
    refunded: yen(payment.refundedAmount),
  }),
})}
<form method="post" action="/staff/payments/${payment.id}/refund" novalidate>
${csrfInput(ctx)}
${input(ctx, state, { name: 'amount', label: 'refundAmount', hint: 'refundAmountHint', params: { left }, inputmode: 'numeric' })}
${input(ctx, state, { name: 'reason', label: 'refundReason', hint: 'refundReasonHint', required: true })}
${button({ text: t(ctx.lang, key('refundSubmit')) })}
</form>`,
  });
}

export function renderReconciliation(
  ctx: PageContext,
  period: string,
  report: Reconciliation | undefined,
  ratio: CashlessRatio | undefined,
  state: FormState = {},
): string {
  return renderPage(ctx, {
    title: titled(ctx, 'reconTitle', state),
    breadcrumbs: crumbs(ctx),
    body: html`${formErrors(ctx, state)}
${pageHeading({ text: th(ctx.lang, key('reconTitle')), lead: th(ctx.lang, key('reconLead')) })}
<form method="get" action="/staff/payments/reconciliation" role="search" aria-label="${t(ctx.lang, key('reconTitle'))}">
${input(ctx, { values: { period }, ...(state.errors ? { errors: state.errors } : {}) }, { name: 'period', label: 'reconPeriod', hint: 'reconPeriodHint', required: true })}
${button({ text: t(ctx.lang, key('reconShow')) })}
</form>
${
  report
    ? html`<p><a href="/staff/payments/reconciliation.csv?period=${encodeURIComponent(period)}" download>${th(ctx.lang, key('reconCsv'))}</a></p>
<p role="status" data-recon-summary>${th(ctx.lang, key('reconSummary'), {
        matched: report.counts.matched,
        mismatch: report.counts.amount_mismatch,
        missingOurs: report.counts.missing_in_ours,
        missingProvider: report.counts.missing_at_provider,
      })}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t(ctx.lang, key('reconTitle'))}">
<table class="table"><thead><tr><th scope="col">${th(ctx.lang, key('outcome'))}</th><th scope="col">${th(ctx.lang, key('kind'))}</th><th scope="col">${th(ctx.lang, key('receiptNumber'))}</th><th scope="col">${th(ctx.lang, key('providerId'))}</th><th scope="col">${th(ctx.lang, key('ourAmount'))}</th><th scope="col">${th(ctx.lang, key('providerAmount'))}</th><th scope="col">${th(ctx.lang, key('at'))}</th></tr></thead>
<tbody>${report.lines.map(
        (l) =>
          html`<tr data-outcome="${l.outcome}"><td>${th(ctx.lang, key(`outcome_${l.outcome}`))}</td><td>${th(ctx.lang, key(`kind_${l.kind}`))}</td><td>${l.receiptNumber ?? '—'}</td><td><code>${l.providerId || '—'}</code></td><td>${l.ourAmount === null ? '—' : yen(l.ourAmount)}</td><td>${l.providerAmount === null ? '—' : yen(l.providerAmount)}</td><td>${when(ctx, l.at)}</td></tr>`,
      )}</tbody></table></div>
<h2>${th(ctx.lang, key('counterTotals'))}</h2>
<table class="table"><thead><tr><th scope="col">${th(ctx.lang, key('method'))}</th><th scope="col">${th(ctx.lang, key('count'))}</th><th scope="col">${th(ctx.lang, key('amount'))}</th><th scope="col">${th(ctx.lang, key('refunded'))}</th></tr></thead>
<tbody>${report.counter.map(
        (c) =>
          html`<tr><td>${th(ctx.lang, key(`method_${c.method}`))}</td><td>${c.count}</td><td>${yen(c.amount)}</td><td>${yen(c.refunded)}</td></tr>`,
      )}</tbody></table>
<p data-cash-net="${report.counterCashNet}">${th(ctx.lang, key('cashNet'), { amount: yen(report.counterCashNet) })}</p>
${ratio ? cashlessBlock(ctx, ratio) : ''}`
    : ''
}`,
  });
}

/** The report as CSV rows (header first), in Japanese like the page. */
export function reconciliationCsv(ctx: PageContext, report: Reconciliation): string[][] {
  return [
    ['outcome', 'kind', 'receiptNumber', 'paymentId', 'providerId', 'ourAmount', 'providerAmount', 'at'].map((k) =>
      t(ctx.lang, key(k)),
    ),
    ...report.lines.map((l) => [
      t(ctx.lang, key(`outcome_${l.outcome}`)),
      t(ctx.lang, key(`kind_${l.kind}`)),
      l.receiptNumber ?? '',
      l.paymentId ?? '',
      l.providerId,
      l.ourAmount === null ? '' : String(l.ourAmount),
      l.providerAmount === null ? '' : String(l.providerAmount),
      l.at.toISOString(),
    ]),
  ];
}
