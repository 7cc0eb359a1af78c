// マイナンバーカードで本人確認 (demo route without a card reader): sign the shown text with the card,
// paste the signature.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type FormState, fieldId, formErrors } from './form.ts';

export function renderJpki(ctx: PageContext, challenge: string, state: FormState = {}, next = ''): string {
  const title = t(ctx.lang, 'identity.jpkiTitle');
  const error = state.errors?.[0];
  const id = fieldId('signature');
  return renderPage(ctx, {
    title: error ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: [{ text: t(ctx.lang, 'identity.accountTitle'), href: '/account' }],
    body: html`${formErrors(ctx, state.errors ? { errors: state.errors.map((e) => ({ ...e, field: 'signature' })) } : {})}
${pageHeading({ text: th(ctx.lang, 'identity.jpkiTitle'), lead: th(ctx.lang, 'identity.jpkiLead') })}
<h2>${th(ctx.lang, 'identity.jpkiChallenge')}</h2>
<p><code class="challenge" data-jpki-challenge>${challenge}</code></p>
<p>${th(ctx.lang, 'identity.jpkiDemoHint')}</p>
<pre class="command">npm run cityhall -- jpki sign --card demo --text "${challenge}"</pre>
<form method="post" action="/account/jpki" novalidate>
${csrfInput(ctx)}
${next ? html`<input type="hidden" name="next" value="${next}">` : ''}
<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${th(ctx.lang, 'identity.jpkiSignature')}</label>
${error ? html`<p class="form-field__error" id="${id}-error">${error.message}</p>` : ''}
<textarea class="form-field__input" id="${id}" name="signature" rows="6" spellcheck="false"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}></textarea>
</div>
${button({ text: t(ctx.lang, 'identity.jpkiSubmit') })}
</form>`,
  });
}
