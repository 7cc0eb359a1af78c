// マイページ: details, assurance level, passkeys, proxies and businesses, sign out everywhere.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { Session } from '../sessions.ts';

export interface AccountView {
  session: Session;
  passkeys: { label: string; createdAt: Date; lastUsedAt: Date | null }[];
  notice?: string;
  myNumber: boolean;
  jpkiVerified: boolean;
}

function day(d: Date | null): string {
  return d ? d.toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—';
}

export function renderAccount(ctx: PageContext, v: AccountView): string {
  const level = v.session.assurance === 'jpki_identity' ? 'assuranceJpki' : 'assuranceAccount';
  return renderPage(ctx, {
    title: t(ctx.lang, 'identity.accountTitle'),
    body: html`${v.notice ? notificationBanner({ title: t(ctx.lang, `identity.${v.notice}`), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, 'identity.accountTitle') })}
<h2>${th(ctx.lang, 'identity.accountDetails')}</h2>
<dl class="summary-list">
<div><dt>${th(ctx.lang, 'identity.displayName')}</dt><dd>${v.session.displayName}</dd></div>
<div><dt>${th(ctx.lang, 'identity.email')}</dt><dd>${v.session.email ?? '—'}</dd></div>
<div><dt>${th(ctx.lang, 'identity.assuranceLevel')}</dt><dd>${th(ctx.lang, `identity.${level}`)} (<a href="/assurance">${th(ctx.lang, 'identity.assuranceAbout')}</a>)</dd></div>
</dl>
${
  v.session.assurance === 'jpki_identity'
    ? ''
    : v.myNumber
      ? html`<form method="post" action="/sign-in/mynumber">${csrfInput(ctx)}<input type="hidden" name="next" value="/account">${button({ text: t(ctx.lang, 'identity.verifyWithMyNumber'), variant: 'secondary' })}</form>`
      : html`<p><a href="/account/jpki">${th(ctx.lang, 'identity.verifyWithMyNumber')}</a></p>`
}
<h2 id="passkeys">${th(ctx.lang, 'identity.passkeysTitle')}</h2>
${
  v.passkeys.length === 0
    ? html`<p>${th(ctx.lang, 'identity.passkeysNone')}</p>`
    : html`<table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'identity.passkeyLabel')}</th><th scope="col">${th(ctx.lang, 'identity.passkeyCreated')}</th><th scope="col">${th(ctx.lang, 'identity.passkeyLastUsed')}</th></tr></thead>
<tbody>${v.passkeys.map((p) => html`<tr><td>${p.label}</td><td>${day(p.createdAt)}</td><td>${day(p.lastUsedAt)}</td></tr>`)}</tbody></table>`
}
<div data-passkey-register hidden>
${textInput({ id: 'passkey-label', name: 'label', label: t(ctx.lang, 'identity.passkeyLabel'), hint: t(ctx.lang, 'identity.passkeyLabelHint') })}
<button class="button button--primary" type="button" data-passkey-register-start>${th(ctx.lang, 'identity.passkeyRegister')}</button>
<p class="form-field__error" data-passkey-error role="alert" hidden></p>
</div>
<noscript><p>${th(ctx.lang, 'identity.passkeyNeedsJs')}</p></noscript>
<h2>${th(ctx.lang, 'identity.proxiesLink')} / ${th(ctx.lang, 'identity.businessesLink')}</h2>
<ul class="link-list-plain">
<li><a href="/my/applications">${th(ctx.lang, 'identity.myApplicationsLink')}</a></li>
<li><a href="/account/proxies">${th(ctx.lang, 'identity.proxiesLink')}</a></li>
<li><a href="/account/businesses">${th(ctx.lang, 'identity.businessesLink')}</a></li>
</ul>
<h2>${th(ctx.lang, 'identity.sessionsTitle')}</h2>
<p>${th(ctx.lang, 'identity.signOutEverywhereHint')}</p>
<form method="post" action="/account/sign-out-everywhere">${csrfInput(ctx)}${button({ text: t(ctx.lang, 'identity.signOutEverywhere'), variant: 'secondary' })}</form>
<script src="/assets/identity/passkey.js" defer></script>`,
  });
}
