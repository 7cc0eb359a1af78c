// The public verification page: a code form (GET, so a QR scan and a typed code land on the same URL)
// and an upload form (multipart POST), the result above them. Works without JavaScript.
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
import type { Verification } from '../use-cases/verify-document.ts';

export interface VerifyPageState {
  code?: string;
  /** Field → message key (issuance.*). */
  errors?: { field: 'code' | 'pdf'; key: string }[];
  result?: { verification: Verification; by: 'code' | 'pdf' };
}

function fileInput(ctx: PageContext, error: string | undefined): SafeHtml {
  const describedBy = ['pdf-hint', error ? 'pdf-error' : ''].filter(Boolean).join(' ');
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="pdf">${th(ctx.lang, 'issuance.uploadLabel')}</label>
<p class="form-field__hint" id="pdf-hint">${th(ctx.lang, 'issuance.uploadHint')}</p>
${error ? html`<p class="form-field__error" id="pdf-error">${error}</p>` : ''}
<input class="form-field__input" id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" aria-describedby="${describedBy}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

function result(ctx: PageContext, state: NonNullable<VerifyPageState['result']>): SafeHtml {
  const { verification: v, by } = state;
  const doc = v.document;
  const city = doc?.cityName ?? ctx.tenant?.name ?? '';
  const title = {
    genuine: 'issuance.statusGenuine',
    altered: 'issuance.statusAltered',
    revoked: 'issuance.statusRevoked',
    unknown: 'issuance.statusUnknown',
  }[v.status];
  const body =
    v.status === 'genuine'
      ? th(ctx.lang, by === 'pdf' ? 'issuance.statusGenuineBody' : 'issuance.statusGenuineCodeBody', { city })
      : v.status === 'altered'
        ? th(ctx.lang, 'issuance.statusAlteredBody', { city })
        : v.status === 'revoked'
          ? th(ctx.lang, 'issuance.statusRevokedBody', { date: doc?.revokedAt ? toWareki(doc.revokedAt).text : '' })
          : th(ctx.lang, by === 'pdf' ? 'issuance.statusUnknownFileBody' : 'issuance.statusUnknownCodeBody');
  return html`<section aria-labelledby="result-title" data-verification-status="${v.status}">
<h2 id="result-title">${th(ctx.lang, 'issuance.resultTitle')}</h2>
${notificationBanner({ title: t(ctx.lang, title), body: html`<p>${body}</p>`, kind: v.status === 'genuine' ? 'success' : 'info', id: 'status-title' })}
${
  doc
    ? html`<dl class="summary-list">
<div><dt>${th(ctx.lang, 'issuance.docTitle')}</dt><dd>${doc.title}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docNumber')}</dt><dd>${doc.documentNumber}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docIssuedOn')}</dt><dd>${toWareki(doc.issuedAt).text}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.docIssuer')}</dt><dd>${doc.cityName} ${doc.issuer}</dd></div>
${doc.recipientNameMasked ? html`<div><dt>${th(ctx.lang, 'issuance.docRecipient')}</dt><dd>${doc.recipientNameMasked}</dd></div>` : ''}
<div><dt>${th(ctx.lang, 'issuance.docCode')}</dt><dd><code>${formatVerificationCode(doc.verificationCode)}</code></dd></div>
${
  v.checks
    ? html`<div><dt>${th(ctx.lang, 'issuance.checkFile')}</dt><dd>${th(ctx.lang, v.checks.sha256Matches ? 'issuance.checkFileOk' : 'issuance.checkFileNg')}</dd></div>
<div><dt>${th(ctx.lang, 'issuance.checkSignature')}</dt><dd>${v.checks.signatureValid ? th(ctx.lang, 'issuance.checkSignatureOk', { city }) : th(ctx.lang, 'issuance.checkSignatureNg')}</dd></div>`
    : ''
}
</dl>`
    : ''
}
<p><a href="/verify">${th(ctx.lang, 'issuance.verifyAnother')}</a></p>
</section>`;
}

export function renderVerify(ctx: PageContext, state: VerifyPageState = {}): string {
  const errors = (state.errors ?? []).map((e) => ({ field: e.field, text: t(ctx.lang, `issuance.${e.key}`) }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.text;
  const title = t(ctx.lang, 'issuance.verifyTitle');
  const codeError = errorOf('code');
  return renderPage(ctx, {
    title: errors.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    body: html`${errorSummary({
      title: t(ctx.lang, 'platform.errorSummaryTitle'),
      errors: errors.map((e) => ({ text: e.text, href: `#${e.field}` })),
    })}
${pageHeading({ text: th(ctx.lang, 'issuance.verifyTitle'), lead: th(ctx.lang, 'issuance.verifyLead') })}
${state.result ? result(ctx, state.result) : ''}
<h2>${th(ctx.lang, 'issuance.codeHeading')}</h2>
<form method="get" action="/verify" novalidate>
${textInput({
  id: 'code',
  name: 'code',
  label: t(ctx.lang, 'issuance.codeLabel'),
  hint: t(ctx.lang, 'issuance.codeHint'),
  value: state.code ?? '',
  autocomplete: 'off',
  ...(codeError ? { error: codeError } : {}),
})}
${button({ text: t(ctx.lang, 'issuance.codeSubmit') })}
</form>
<h2>${th(ctx.lang, 'issuance.uploadHeading')}</h2>
<form method="post" action="/verify" enctype="multipart/form-data" novalidate>
${csrfInput(ctx)}
${fileInput(ctx, errorOf('pdf'))}
${button({ text: t(ctx.lang, 'issuance.uploadSubmit'), variant: 'secondary' })}
</form>`,
  });
}
