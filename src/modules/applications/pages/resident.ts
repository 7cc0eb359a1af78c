// The applicant's pages: start, one step at a time, check your answers (with the card signature where
// needed), the receipt and status page (timeline, payment, correction, documents, messages), and the
// list of one's applications (マイページ).
import {
  type FieldError,
  type FormStep,
  fieldId,
  parsePathKey,
  renderStepFields,
  type SummaryRow,
  stepHasFiles,
} from '../../../platform/forms/index.ts';
import { t, th } from '../../../platform/i18n/i18n.ts';
import { toWareki } from '../../../platform/ja/wareki.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { Procedure } from '../../procedures/definition.ts';
import { statusLabel } from '../messages.ts';
import type { Application } from '../model.ts';

export function yen(amount: number): string {
  return `${amount.toLocaleString('ja-JP')}円`;
}

export function japanDate(at: Date | string | null): string {
  if (!at) return '';
  const iso =
    typeof at === 'string' ? at.slice(0, 10) : new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
  return toWareki(iso).text;
}

export function japanDateTime(at: Date): string {
  const jst = new Date(at.getTime() + 9 * 3_600_000).toISOString();
  return `${toWareki(jst.slice(0, 10)).text} ${jst.slice(11, 16)}`;
}

function summaryErrors(ctx: PageContext, errors: FieldError[], hrefFor: (e: FieldError) => string) {
  return errorSummary({
    title: t(ctx.lang, 'platform.errorSummaryTitle'),
    errors: errors.map((e) => ({ text: e.message, href: hrefFor(e) })),
  });
}

const assuranceLabels: Record<string, string> = {
  none: '不要',
  account: 'サインイン（アカウント）',
  jpki_identity: 'マイナンバーカードによる本人確認',
  jpki_signature: 'マイナンバーカードによる電子署名',
};

export function startPage(
  ctx: PageContext,
  p: { procedure: Procedure; draftId: string | undefined; needsJpki: boolean; errors?: FieldError[] },
): string {
  const { procedure } = p;
  const fee = procedure.fee;
  return renderPage(ctx, {
    title: t(ctx.lang, 'applications.startTitle', { procedure: procedure.name }),
    breadcrumbs: [{ text: procedure.name, href: `/procedures/${procedure.code}` }],
    body: html`${summaryErrors(ctx, p.errors ?? [], () => '#start')}
${pageHeading({ text: t(ctx.lang, 'applications.startTitle', { procedure: procedure.name }) })}
<p>${th(ctx.lang, 'applications.startLead')}</p>
${procedure.notOnline ? notificationBanner({ title: t(ctx.lang, 'applications.visitRequired'), body: html`<p>${procedure.notOnline.detail.ja}</p><p>${procedure.notOnline.onlineParts.ja}</p>` }) : ''}
<ul>
<li>${fee.kind === 'none' ? th(ctx.lang, 'applications.startNoFee') : th(ctx.lang, 'applications.startFee', { fee: fee.kind === 'per_unit' ? `${yen(fee.amount)}（1${fee.unitLabel}あたり）` : yen(fee.amount) })}</li>
<li>${th(ctx.lang, 'applications.startPeriod', { days: procedure.processingDays === 0 ? '即日' : `${procedure.processingDays}日` })}</li>
<li>${th(ctx.lang, 'applications.startAssurance', { level: assuranceLabels[procedure.jpkiSignature ? 'jpki_signature' : procedure.assurance] ?? procedure.assurance })}</li>
</ul>
${procedure.attachments.length > 0 ? html`<h2>${th(ctx.lang, 'applications.startNeeds')}</h2><ul>${procedure.attachments.map((a) => html`<li>${a.label}${a.required ? '' : '（任意）'}${a.hint ? html`：${a.hint}` : ''}</li>`)}</ul>` : ''}
<p>${th(ctx.lang, 'applications.startPrefill')}</p>
${
  p.needsJpki
    ? html`<div id="start">${notificationBanner({ title: t(ctx.lang, 'applications.needsJpki'), body: html`<p><a href="/account/jpki?next=${encodeURIComponent(`/apply/${procedure.code}`)}">${th(ctx.lang, 'applications.needsJpkiLink')}</a></p>` })}</div>`
    : html`<form method="post" action="/apply/${procedure.code}" id="start">${csrfInput(ctx)}
${button({ text: t(ctx.lang, p.draftId ? 'applications.resumeButton' : 'applications.startButton') })}
</form>`
}`,
  });
}

export function stepPage(
  ctx: PageContext,
  p: {
    application: Application;
    procedure: Procedure;
    step: FormStep;
    answers: Record<string, unknown>;
    errors: FieldError[];
    fileNames: Record<string, string>;
    /** In a correction, the fields that may change, with staff's message for each. */
    correction?: Record<string, string>;
  },
): string {
  const { application, procedure, step } = p;
  const form = procedure.form!;
  const index = form.steps.findIndex((s) => s.id === step.id);
  const shownStep = p.correction ? { ...step, fields: step.fields.filter((f) => f in p.correction!) } : step;
  const multipart = stepHasFiles(form, shownStep);
  const prev = index > 0 ? form.steps[index - 1] : undefined;
  return renderPage(ctx, {
    title: `${step.title} - ${procedure.name}`,
    breadcrumbs: [{ text: procedure.name, href: `/procedures/${procedure.code}` }],
    body: html`${summaryErrors(ctx, p.errors, (e) => `#${fieldId(parsePathKey(e.field))}`)}
${pageHeading({ text: step.title, caption: `${procedure.name}${p.correction ? '' : `（${t(ctx.lang, 'applications.stepOf', { n: index + 1, total: form.steps.length })}）`}` })}
${step.lead ? html`<p>${step.lead}</p>` : ''}
${
  p.correction
    ? notificationBanner({
        title: t(ctx.lang, 'applications.correctionTitle'),
        body: html`<p>${th(ctx.lang, 'applications.correctionFieldsOnly')}</p><ul>${Object.entries(p.correction)
          .filter(([f]) => shownStep.fields.includes(f))
          .map(([, m]) => html`<li>${m}</li>`)}</ul>`,
      })
    : ''
}
<form method="post" action="/applications/${application.id}/steps/${step.id}" novalidate${multipart ? html` enctype="multipart/form-data"` : ''}>
${csrfInput(ctx)}
${renderStepFields({ lang: ctx.lang, form, answers: p.answers, errors: p.errors, prefilled: application.prefilled, fileNames: p.fileNames }, shownStep)}
<div class="button-group">
${button({ text: t(ctx.lang, 'applications.next'), name: '_action', value: 'next' })}
${p.correction ? '' : button({ text: t(ctx.lang, 'applications.saveDraft'), variant: 'secondary', name: '_action', value: 'save' })}
</div>
</form>
${prev && !p.correction ? html`<p><a href="/applications/${application.id}/steps/${prev.id}">${th(ctx.lang, 'applications.back')}</a></p>` : ''}`,
  });
}

export function checkPage(
  ctx: PageContext,
  p: {
    application: Application;
    procedure: Procedure;
    rows: SummaryRow[];
    fee: number;
    signContent: string | undefined;
    errors: FieldError[];
  },
): string {
  const { application, procedure } = p;
  return renderPage(ctx, {
    title: `${t(ctx.lang, 'applications.checkTitle')} - ${procedure.name}`,
    breadcrumbs: [{ text: procedure.name, href: `/procedures/${procedure.code}` }],
    body: html`${summaryErrors(ctx, p.errors, (e) => {
      if (e.field === 'signature') return '#signature';
      const row = p.rows.find(
        (r) => r.field === e.field || e.field.startsWith(`${r.field}.`) || r.field.startsWith(`${e.field}.`),
      );
      return row ? `/applications/${application.id}/steps/${row.stepId}#${row.anchor}` : '#check';
    })}
${pageHeading({ text: t(ctx.lang, 'applications.checkTitle'), caption: procedure.name })}
<p id="check">${th(ctx.lang, 'applications.checkLead')}</p>
${procedure.form!.steps.map((step) => {
  const rows = p.rows.filter((r) => r.stepId === step.id);
  if (rows.length === 0) return '';
  return html`<h2>${step.title}</h2>
<dl class="summary-list">${rows.map(
    (r) =>
      html`<div><dt>${r.label}</dt><dd>${r.value}</dd><dd><a href="/applications/${application.id}/steps/${r.stepId}#${r.anchor}">${th(ctx.lang, 'applications.change')}<span class="visually-hidden">（${r.label}）</span></a></dd></div>`,
  )}</dl>`;
})}
${p.fee > 0 ? html`<p><strong>${th(ctx.lang, 'applications.startFee', { fee: yen(p.fee) })}</strong></p>` : ''}
<form method="post" action="/applications/${application.id}/submit">
${csrfInput(ctx)}
${
  p.signContent
    ? html`<h2>${th(ctx.lang, 'applications.signTitle')}</h2>
<p>${th(ctx.lang, 'applications.signLead')}</p>
<p>${th(ctx.lang, 'applications.signContent')}: <code id="sign-content">${p.signContent}</code></p>
<div class="form-field${p.errors.some((e) => e.field === 'signature') ? ' form-field--error' : ''}">
<label class="form-field__label" for="signature">${th(ctx.lang, 'applications.signField')}</label>
<p class="form-field__hint" id="signature-hint">${th(ctx.lang, 'applications.signHint')}</p>
<textarea class="form-field__textarea" id="signature" name="signature" rows="6" aria-describedby="signature-hint"></textarea>
</div>`
    : ''
}
${button({ text: t(ctx.lang, 'applications.submit') })}
</form>`,
  });
}

export interface StatusView {
  application: Application;
  procedure: Procedure | undefined;
  history: { at: Date; actorKind: string; from: string | null; to: string; note: string | null }[];
  messages: { at: Date; authorKind: string; body: string }[];
  documents: { title: string; href: string; verificationCode: string; revokedAt: Date | null }[];
  justSubmitted: boolean;
  notice?: string | undefined;
  errors?: FieldError[];
}

export function statusPage(ctx: PageContext, v: StatusView): string {
  const app = v.application;
  const correctionSteps =
    app.correction && v.procedure?.form
      ? v.procedure.form.steps.filter((s) => s.fields.some((f) => f in app.correction!.fields))
      : [];
  return renderPage(ctx, {
    title: `${app.procedureName}（${app.receiptNumber ?? statusLabel(ctx.lang, app.status)}）`,
    breadcrumbs: [{ text: t(ctx.lang, 'applications.myTitle'), href: '/my/applications' }],
    body: html`${summaryErrors(ctx, v.errors ?? [], (e) => `#${e.field}`)}
${v.justSubmitted ? html`<div class="notification notification--success" role="status"><h2 class="notification__title">${th(ctx.lang, 'applications.receiptTitle')}</h2><p>${th(ctx.lang, 'applications.receiptNumber')}: <strong id="receipt-number">${app.receiptNumber}</strong></p><p>${th(ctx.lang, 'applications.receiptLead')}</p></div>` : ''}
${v.notice ? html`<div class="notification notification--success" role="status"><p>${v.notice}</p></div>` : ''}
${pageHeading({ text: app.procedureName, caption: app.receiptNumber ? `${t(ctx.lang, 'applications.receiptNumber')} ${app.receiptNumber}` : '' })}
<dl class="summary-list">
<div><dt>${th(ctx.lang, 'applications.colStatus')}</dt><dd><span class="status-tag" id="status">${statusLabel(ctx.lang, app.status)}</span></dd></div>
${app.submittedAt ? html`<div><dt>${th(ctx.lang, 'applications.colUpdated')}</dt><dd>${japanDateTime(app.updatedAt)}</dd></div>` : ''}
${app.feeAmount > 0 ? html`<div><dt>${th(ctx.lang, 'applications.colPayment')}</dt><dd id="payment-status">${yen(app.feeAmount)}（${th(ctx.lang, app.paymentStatus === 'paid' ? 'applications.paid' : app.paymentStatus === 'refunded' ? 'applications.refunded' : 'applications.paymentPending')}）</dd></div>` : ''}
${app.viaProxyGrant ? html`<div><dt>${th(ctx.lang, 'applications.colApplicant')}</dt><dd>${app.applicantName}（${th(ctx.lang, 'applications.proxyNote')}）</dd></div>` : ''}
${app.decisionReason ? html`<div><dt>${th(ctx.lang, 'applications.reasonTitle')}</dt><dd>${app.decisionReason}</dd></div>` : ''}
</dl>
${
  app.status === 'draft'
    ? html`<p>${button({ text: t(ctx.lang, 'applications.resumeButton'), href: `/applications/${app.id}/steps/${v.procedure?.form?.steps[0]?.id ?? ''}` })}</p>`
    : ''
}
${
  app.feeAmount > 0 && app.paymentStatus === 'pending' && app.status !== 'withdrawn' && app.status !== 'draft'
    ? html`<section aria-labelledby="pay-title"><h2 id="pay-title">${th(ctx.lang, 'applications.payTitle')}</h2>
<p>${th(ctx.lang, 'applications.payLead', { fee: yen(app.feeAmount) })}</p>
<form method="post" action="/applications/${app.id}/pay">${csrfInput(ctx)}${button({ text: t(ctx.lang, 'applications.payButton', { fee: yen(app.feeAmount) }) })}</form></section>`
    : ''
}
${
  app.correction
    ? html`<section aria-labelledby="correction-title" class="card"><h2 id="correction-title">${th(ctx.lang, 'applications.correctionTitle')}</h2>
<p>${th(ctx.lang, 'applications.correctionLead')}</p>
<p>${app.correction.message}</p>
<ul>${Object.entries(app.correction.fields).map(([, message]) => html`<li>${message}</li>`)}</ul>
<ul>${correctionSteps.map((s) => html`<li><a href="/applications/${app.id}/steps/${s.id}">${th(ctx.lang, 'applications.correctButton')}：${s.title}</a></li>`)}</ul>
<form method="post" action="/applications/${app.id}/resubmit">${csrfInput(ctx)}${button({ text: t(ctx.lang, 'applications.resubmit') })}</form></section>`
    : ''
}
${
  v.documents.length > 0
    ? html`<h2>${th(ctx.lang, 'applications.documents')}</h2><ul>${v.documents.map((d) => html`<li><a href="${d.href}">${th(ctx.lang, 'applications.documentDownload', { title: d.title })}</a><br>${th(ctx.lang, 'applications.documentVerify', { code: d.verificationCode })}${d.revokedAt ? html` <strong>（失効）</strong>` : ''}</li>`)}</ul>`
    : ''
}
${
  v.history.length > 0
    ? html`<h2>${th(ctx.lang, 'applications.timeline')}</h2><ol class="timeline">${v.history.map((h) => html`<li><time>${japanDateTime(h.at)}</time> ${h.from === h.to && h.note ? h.note : html`${statusLabel(ctx.lang, h.to as Application['status'])}${h.note ? html`：${h.note}` : ''}`}</li>`)}</ol>`
    : ''
}
${
  app.status !== 'draft'
    ? html`<h2>${th(ctx.lang, 'applications.messagesTitle')}</h2>
${v.messages.length === 0 ? html`<p>${th(ctx.lang, 'applications.noMessages')}</p>` : html`<ul class="card-list">${v.messages.map((m) => html`<li class="card"><p><strong>${th(ctx.lang, m.authorKind === 'staff' ? 'applications.messageFromStaff' : 'applications.messageFromYou')}</strong> <time>${japanDateTime(m.at)}</time></p><p>${m.body}</p></li>`)}</ul>`}
<form method="post" action="/applications/${app.id}/messages">${csrfInput(ctx)}
<div class="form-field"><label class="form-field__label" for="body">${th(ctx.lang, 'applications.messageField')}</label>
<textarea class="form-field__textarea" id="body" name="body" rows="4" maxlength="4000"></textarea></div>
${button({ text: t(ctx.lang, 'applications.messageSend'), variant: 'secondary' })}</form>`
    : ''
}
${
  ['draft', 'submitted', 'in_review', 'correction_requested', 'resubmitted'].includes(app.status)
    ? html`<form method="post" action="/applications/${app.id}/withdraw">${csrfInput(ctx)}${button({ text: t(ctx.lang, app.status === 'draft' ? 'applications.withdrawDraft' : 'applications.withdraw'), variant: 'secondary' })}</form>`
    : ''
}`,
  });
}

export function myApplicationsPage(
  ctx: PageContext,
  p: { applications: Application[]; notice?: string },
): SafeHtml | string {
  return renderPage(ctx, {
    title: t(ctx.lang, 'applications.myTitle'),
    body: html`${p.notice ? html`<div class="notification notification--success" role="status"><p>${p.notice}</p></div>` : ''}
${pageHeading({ text: t(ctx.lang, 'applications.myTitle') })}
<p>${th(ctx.lang, 'applications.myLead')}</p>
${
  p.applications.length === 0
    ? html`<p>${th(ctx.lang, 'applications.myEmpty')}</p>`
    : html`<div class="table-scroll"><table><caption class="visually-hidden">${th(ctx.lang, 'applications.myTitle')}</caption>
<thead><tr><th scope="col">${th(ctx.lang, 'applications.colProcedure')}</th><th scope="col">${th(ctx.lang, 'applications.colReceipt')}</th><th scope="col">${th(ctx.lang, 'applications.colStatus')}</th><th scope="col">${th(ctx.lang, 'applications.colPayment')}</th><th scope="col">${th(ctx.lang, 'applications.colUpdated')}</th></tr></thead>
<tbody>${p.applications.map(
        (a) =>
          html`<tr><td><a href="/applications/${a.id}">${a.procedureName}</a></td><td>${a.receiptNumber ?? '—'}</td><td><span class="status-tag">${statusLabel(ctx.lang, a.status)}</span></td><td>${a.feeAmount > 0 ? html`${yen(a.feeAmount)}（${th(ctx.lang, a.paymentStatus === 'paid' ? 'applications.paid' : a.paymentStatus === 'refunded' ? 'applications.refunded' : 'applications.paymentPending')}）` : '—'}</td><td>${japanDate(a.updatedAt)}</td></tr>`,
      )}</tbody></table></div>`
}
<p><a href="/procedures">${th(ctx.lang, 'applications.myFind')}</a></p>`,
  });
}
