// Staff pages: the documents of one's sections, one document with its revoke form.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { toWareki } from '../../../platform/ja/wareki.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { formatVerificationCode } from '../code.ts';
import type { DocumentRecord } from '../queries.ts';

const crumbs = (ctx: PageContext) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  { text: t(ctx.lang, 'issuance.staffDocumentsTitle'), href: '/staff/documents' },
];

function state(ctx: PageContext, d: DocumentRecord): SafeHtml {
  return d.revokedAt
    ? html`<span class="status-tag status-tag--overdue">${th(ctx.lang, 'issuance.stateRevoked')}</span>`
    : html`<span class="status-tag">${th(ctx.lang, 'issuance.stateValid')}</span>`;
}

export function renderStaffDocuments(ctx: PageContext, query: string, documents: DocumentRecord[]): string {
  return renderPage(ctx, {
    title: t(ctx.lang, 'issuance.staffDocumentsTitle'),
    breadcrumbs: crumbs(ctx).slice(0, 1),
    body: html`${pageHeading({ text: th(ctx.lang, 'issuance.staffDocumentsTitle'), lead: th(ctx.lang, 'issuance.staffDocumentsLead') })}
<form method="get" action="/staff/documents" role="search" aria-label="${t(ctx.lang, 'issuance.staffSearch')}">
${textInput({ id: 'q', name: 'q', label: t(ctx.lang, 'issuance.staffQuery'), value: query, autocomplete: 'off' })}
${button({ text: t(ctx.lang, 'issuance.staffSearch') })}
</form>
${
  documents.length === 0
    ? html`<p role="status">${th(ctx.lang, 'issuance.staffNoDocuments')}</p>`
    : html`<p role="status">${th(ctx.lang, 'issuance.staffCount', { count: documents.length })}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t(ctx.lang, 'issuance.staffDocumentsTitle')}">
<table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'issuance.colNumber')}</th><th scope="col">${th(ctx.lang, 'issuance.colTitle')}</th><th scope="col">${th(ctx.lang, 'issuance.colIssued')}</th><th scope="col">${th(ctx.lang, 'issuance.colCode')}</th><th scope="col">${th(ctx.lang, 'issuance.colStatus')}</th></tr></thead>
<tbody>${documents.map(
        (d) =>
          html`<tr><td><a href="/staff/documents/${d.id}">${d.documentNumber}</a></td><td>${d.title}</td><td>${toWareki(d.issuedAt).text}</td><td><code>${formatVerificationCode(d.verificationCode)}</code></td><td>${state(ctx, d)}</td></tr>`,
      )}</tbody></table></div>`
}`,
  });
}

export function renderStaffDocument(
  ctx: PageContext,
  d: DocumentRecord,
  options: { notice?: boolean; reason?: string; error?: string } = {},
): string {
  const title = t(ctx.lang, 'issuance.staffDocumentTitle');
  const describedBy = ['reason-hint', options.error ? 'reason-error' : ''].filter(Boolean).join(' ');
  return renderPage(ctx, {
    title: options.error ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: crumbs(ctx),
    body: html`${errorSummary({ title: t(ctx.lang, 'platform.errorSummaryTitle'), errors: options.error ? [{ text: options.error, href: '#reason' }] : [] })}
${options.notice ? notificationBanner({ title: t(ctx.lang, 'issuance.revokedNotice'), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, 'issuance.staffDocumentTitle'), caption: d.documentNumber })}
<dl class="summary-list">
<div><dt>${th(ctx.lang, 'issuance.docTitle')}</dt><dd>${d.title}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docNumber')}</dt><dd>${d.documentNumber}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docIssuedOn')}</dt><dd>${toWareki(d.issuedAt).text}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docIssuer')}</dt><dd>${d.issuer}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docRecipient')}</dt><dd>${d.recipientNameMasked || '—'}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docCode')}</dt><dd><code>${formatVerificationCode(d.verificationCode)}</code></dd></div>
<div><dt>${th(ctx.lang, 'issuance.colStatus')}</dt><dd>${state(ctx, d)}</dd></div>
${
  d.revokedAt
    ? html`<div><dt>${th(ctx.lang, 'issuance.revokedAt')}</dt><dd>${toWareki(d.revokedAt).text}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.revokeReasonShown')}</dt><dd>${d.revokeReason ?? ''}</dd></div>`
    : ''
}
</dl>
<p><a href="/documents/${d.id}.pdf">${th(ctx.lang, 'issuance.downloadPdf')}</a></p>
${
  d.revokedAt
    ? ''
    : html`<h2>${th(ctx.lang, 'issuance.revokeHeading')}</h2>
<p>${th(ctx.lang, 'issuance.revokeLead')}</p>
<form method="post" action="/staff/documents/${d.id}/revoke" novalidate>
${csrfInput(ctx)}
<div class="form-field${options.error ? ' form-field--error' : ''}">
<label class="form-field__label" for="reason">${th(ctx.lang, 'issuance.revokeReason')}</label>
<p class="form-field__hint" id="reason-hint">${th(ctx.lang, 'issuance.revokeReasonHint')}</p>
${options.error ? html`<p class="form-field__error" id="reason-error">${options.error}</p>` : ''}
<textarea class="form-field__textarea" id="reason" name="reason" rows="3" maxlength="500" aria-describedby="${describedBy}"${options.error ? html` aria-invalid="true"` : ''}>${options.reason ?? ''}</textarea>
</div>
${button({ text: t(ctx.lang, 'issuance.revokeSubmit') })}
</form>`
}`,
  });
}
