// サインイン: the passkey button (an island: hidden until JavaScript says passkeys work), then the
// password form that works everywhere, then the My Number Card route when the city has configured it.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type FormState, fields, formErrors } from './form.ts';

export interface SignInPage {
  next: string;
  notice?: string;
  myNumber: boolean;
  staff?: boolean;
}

export function renderSignIn(ctx: PageContext, p: SignInPage, state: FormState = {}): string {
  const staff = p.staff === true;
  const titleKey = staff ? 'identity.staffSignInTitle' : 'identity.signInTitle';
  const title = t(ctx.lang, titleKey);
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    body: html`${formErrors(ctx, state)}
${p.notice ? notificationBanner({ title: t(ctx.lang, `identity.${p.notice}`), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, titleKey), lead: th(ctx.lang, staff ? 'identity.staffSignInLead' : 'identity.signInLead') })}
<section class="passkey-sign-in" data-passkey-sign-in data-next="${p.next}" hidden>
<h2>${th(ctx.lang, 'identity.signInPasskey')}</h2>
<button class="button button--primary" type="button" data-passkey-start>${th(ctx.lang, 'identity.signInPasskey')}</button>
<p class="form-field__error" data-passkey-error role="alert" hidden></p>
</section>
<p class="hint" data-passkey-unavailable hidden>${th(ctx.lang, 'identity.signInPasskeyUnavailable')}</p>
<section>
<h2>${th(ctx.lang, staff ? 'identity.staffSignInTitle' : 'identity.signInWithPassword')}</h2>
<form method="post" action="${staff ? '/staff/sign-in' : '/sign-in'}" novalidate>
${csrfInput(ctx)}
<input type="hidden" name="next" value="${p.next}">
${fields(
  ctx,
  [
    { name: 'email', labelKey: 'email', type: 'email', autocomplete: 'username webauthn', inputmode: 'email' },
    { name: 'password', labelKey: 'password', type: 'password', autocomplete: 'current-password', secret: true },
  ],
  state,
)}
${button({ text: t(ctx.lang, 'identity.signInSubmit') })}
</form>
${staff ? '' : html`<p><a href="/account/recover">${th(ctx.lang, 'identity.forgotPassword')}</a></p>`}
</section>
${
  p.myNumber && !staff
    ? html`<section>
<h2>${th(ctx.lang, 'identity.signInMyNumber')}</h2>
<p>${th(ctx.lang, 'identity.signInMyNumberHint')}</p>
<form method="post" action="/sign-in/mynumber">${csrfInput(ctx)}<input type="hidden" name="next" value="${p.next}">${button({ text: t(ctx.lang, 'identity.signInMyNumber'), variant: 'secondary' })}</form>
</section>`
    : ''
}
${
  staff
    ? ''
    : html`<section>
<h2>${th(ctx.lang, 'identity.noAccount')}</h2>
<p><a href="/sign-up">${th(ctx.lang, 'identity.signUpTitle')}</a></p>
<p><a href="/staff/sign-in">${th(ctx.lang, 'identity.staffSignInLink')}</a></p>
</section>`
}
<script src="/assets/identity/passkey.js" defer></script>`,
  });
}
