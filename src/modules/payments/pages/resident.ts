// The resident's pages: where the provider sends the person back (says plainly what happened), and the
// tax bills with their eL-QR codes.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, raw } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { formatElNumber } from '../el-qr.ts';
import type { Payment } from '../queries.ts';
import type { ElBill } from '../use-cases/list-bills.ts';
import { key, when, yen } from './parts.ts';

const outcome = {
  pending: 'returnPending',
  paid: 'returnPaid',
  partially_refunded: 'returnPaid',
  refunded: 'returnRefunded',
  cancelled: 'returnCancelled',
  failed: 'returnFailed',
} as const;

export function renderReturn(ctx: PageContext, payment: Payment): string {
  const k = outcome[payment.status];
  const amount = yen(payment.status === 'refunded' ? payment.refundedAmount : payment.amount);
  const canRetry = payment.status === 'cancelled' || payment.status === 'failed';
  return renderPage(ctx, {
    title: t(ctx.lang, key(`${k}Title`)),
    body: html`${pageHeading({ text: th(ctx.lang, key(`${k}Title`)), lead: th(ctx.lang, key(`${k}Body`), { amount }) })}
<dl class="summary-list" data-payment-status="${payment.status}">
<div><dt>${th(ctx.lang, key('description'))}</dt><dd>${payment.description}</dd></div>
${payment.receiptNumber ? html`<div><dt>${th(ctx.lang, key('receiptNumber'))}</dt><dd>${payment.receiptNumber}</dd></div>` : ''}
<div><dt>${th(ctx.lang, key('amount'))}</dt><dd>${th(ctx.lang, key('amountYen'), { amount: yen(payment.amount) })}</dd></div>
<div><dt>${th(ctx.lang, key('status'))}</dt><dd>${th(ctx.lang, key(`status_${payment.status}`))}</dd></div>
${payment.method ? html`<div><dt>${th(ctx.lang, key('method'))}</dt><dd>${th(ctx.lang, key(`method_${payment.method}`))}</dd></div>` : ''}
${payment.paidAt ? html`<div><dt>${th(ctx.lang, key('paidAt'))}</dt><dd>${when(ctx, payment.paidAt)}</dd></div>` : ''}
</dl>
${
  canRetry
    ? html`<form method="post" action="/payments/${payment.id}/retry">${csrfInput(ctx)}${button({ text: t(ctx.lang, key('payAgain')) })}</form>`
    : ''
}
${payment.returnUrl ? html`<p><a href="${payment.returnUrl}">${th(ctx.lang, key('backToApplication'))}</a></p>` : ''}`,
  });
}

export function renderBills(ctx: PageContext, bills: ElBill[], svgs: Map<string, string>): string {
  return renderPage(ctx, {
    title: t(ctx.lang, key('billsTitle')),
    body: html`${pageHeading({ text: th(ctx.lang, key('billsTitle')), lead: th(ctx.lang, key('billsLead')) })}
${
  bills.length === 0
    ? html`<p>${th(ctx.lang, key('billsNone'))}</p>`
    : html`<ul class="card-list">${bills.map((b) => {
        const el = formatElNumber(b.elNumber);
        return html`<li class="card" data-el-bill="${b.elNumber}">
<h2>${th(ctx.lang, key('billTitle'), { kind: b.taxKind, year: b.fiscalYear, n: b.installment })}</h2>
<dl class="summary-list">
<div><dt>${th(ctx.lang, key('amount'))}</dt><dd>${th(ctx.lang, key('amountYen'), { amount: yen(b.amount) })}</dd></div>
<div><dt>${th(ctx.lang, key('billDue'))}</dt><dd>${b.dueDate}</dd></div>
<div><dt>${th(ctx.lang, key('billElNumber'))}</dt><dd><code data-el-number>${el}</code></dd></div>
${b.paidAt ? html`<div><dt>${th(ctx.lang, key('status'))}</dt><dd>${th(ctx.lang, key('billPaid'))}</dd></div>` : ''}
</dl>
${b.paidAt ? '' : html`<figure>${raw(svgs.get(b.id) ?? '')}<figcaption>${th(ctx.lang, key('billQrLabel'), { el })}</figcaption></figure>`}
</li>`;
      })}</ul>`
}`,
  });
}
