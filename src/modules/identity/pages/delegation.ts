// 代理人の管理 and 事業者アカウント pages.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type FormState, fieldId, fields, formErrors } from './form.ts';

export interface GrantView {
  id: string;
  otherName: string;
  otherId: string;
  relationship: string;
  procedures: string[];
  validUntil: string;
  byStaff: boolean;
}

const relKey: Record<string, string> = { family: 'relFamily', supporter: 'relSupporter', guardian: 'relGuardian' };

function radios(
  ctx: PageContext,
  name: string,
  legendKey: string,
  options: [string, string][],
  state: FormState,
): SafeHtml {
  const error = state.errors?.find((e) => e.field === name);
  const id = fieldId(name);
  return html`<div class="form-field${error ? ' form-field--error' : ''}"><fieldset class="fieldset" id="${id}"${error ? html` aria-describedby="${id}-error"` : ''}>
<legend class="form-field__label">${th(ctx.lang, `identity.${legendKey}`)}</legend>
${error ? html`<p class="form-field__error" id="${id}-error">${error.message}</p>` : ''}
${options.map(
  ([value, key], i) =>
    html`<div class="radio"><input type="radio" id="${id}-${i}" name="${name}" value="${value}"${state.values?.[name] === value ? html` checked` : ''}><label for="${id}-${i}">${th(ctx.lang, `identity.${key}`)}</label></div>`,
)}
</fieldset></div>`;
}

function textarea(ctx: PageContext, name: string, labelKey: string, hintKey: string, state: FormState): SafeHtml {
  const id = fieldId(name);
  const error = state.errors?.find((e) => e.field === name);
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="${id}">${th(ctx.lang, `identity.${labelKey}`)}</label>
<p class="form-field__hint" id="${id}-hint">${th(ctx.lang, `identity.${hintKey}`)}</p>
${error ? html`<p class="form-field__error" id="${id}-error">${error.message}</p>` : ''}
<textarea class="form-field__input" id="${id}" name="${name}" rows="3" aria-describedby="${id}-hint${error ? ` ${id}-error` : ''}"${error ? html` aria-invalid="true"` : ''}>${state.values?.[name] ?? ''}</textarea>
</div>`;
}

function grantList(ctx: PageContext, grants: GrantView[], action: 'revoke' | 'act'): SafeHtml {
  if (grants.length === 0) return html`<p>${th(ctx.lang, 'identity.proxiesNone')}</p>`;
  return html`<ul class="card-list">${grants.map(
    (
      g,
    ) => html`<li class="card"><p><strong>${g.otherName}</strong>（${th(ctx.lang, `identity.${relKey[g.relationship] ?? 'relFamily'}`)}）</p>
<p>${g.procedures.length === 0 ? th(ctx.lang, 'identity.proxyAllProcedures') : g.procedures.join('、')} / ${th(ctx.lang, 'identity.proxyUntil', { date: g.validUntil })}${g.byStaff ? html` / ${th(ctx.lang, 'identity.proxyByStaff')}` : ''}</p>
${
  action === 'revoke'
    ? html`<form method="post" action="/account/proxies/${g.id}/revoke">${csrfInput(ctx)}${button({ text: t(ctx.lang, 'identity.proxyRevoke'), variant: 'secondary' })}</form>`
    : html`<form method="post" action="/account/acting-for">${csrfInput(ctx)}<input type="hidden" name="principal" value="${g.otherId}">${button({ text: t(ctx.lang, 'identity.proxyActFor'), variant: 'secondary' })}</form>`
}</li>`,
  )}</ul>`;
}

export function renderProxies(
  ctx: PageContext,
  v: { given: GrantView[]; received: GrantView[]; actingFor: boolean; notice?: string },
  state: FormState = {},
): string {
  const title = t(ctx.lang, 'identity.proxiesTitle');
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: [{ text: t(ctx.lang, 'identity.accountTitle'), href: '/account' }],
    body: html`${formErrors(ctx, state)}
${v.notice ? notificationBanner({ title: t(ctx.lang, `identity.${v.notice}`), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, 'identity.proxiesTitle'), lead: th(ctx.lang, 'identity.proxiesLead') })}
${
  v.actingFor
    ? html`<form method="post" action="/account/acting-for">${csrfInput(ctx)}<input type="hidden" name="principal" value="">${button({ text: t(ctx.lang, 'identity.proxyStopActing') })}</form>`
    : ''
}
<h2>${th(ctx.lang, 'identity.proxiesGiven')}</h2>
${grantList(ctx, v.given, 'revoke')}
<h2>${th(ctx.lang, 'identity.proxiesReceived')}</h2>
${grantList(ctx, v.received, 'act')}
<h2>${th(ctx.lang, 'identity.proxyGrant')}</h2>
<form method="post" action="/account/proxies" novalidate>
${csrfInput(ctx)}
${fields(ctx, [{ name: 'proxyEmail', labelKey: 'proxyEmail', hintKey: 'proxyEmailHint', type: 'email', autocomplete: 'off' }], state)}
${radios(
  ctx,
  'relationship',
  'proxyRelationship',
  [
    ['family', 'relFamily'],
    ['supporter', 'relSupporter'],
    ['guardian', 'relGuardian'],
  ],
  state,
)}
${textarea(ctx, 'procedures', 'proxyProcedures', 'proxyProceduresHint', state)}
${fields(ctx, [{ name: 'validUntil', labelKey: 'proxyValidUntil', hintKey: 'proxyValidUntilHint', type: 'date' }], state)}
${button({ text: t(ctx.lang, 'identity.proxyGrant') })}
</form>`,
  });
}

export interface BusinessView {
  id: string;
  name: string;
  corporateNumber: string | null;
  role: string;
  members: { name: string; role: string }[];
}

const roleKey: Record<string, string> = { owner: 'roleOwner', admin: 'roleAdmin', member: 'roleMember' };

export function renderBusinesses(
  ctx: PageContext,
  v: { businesses: BusinessView[]; actingAs: string | undefined },
  state: FormState = {},
): string {
  const title = t(ctx.lang, 'identity.businessesTitle');
  return renderPage(ctx, {
    title: state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: [{ text: t(ctx.lang, 'identity.accountTitle'), href: '/account' }],
    body: html`${formErrors(ctx, state)}
${pageHeading({ text: th(ctx.lang, 'identity.businessesTitle'), lead: th(ctx.lang, 'identity.businessesLead') })}
${v.businesses.length === 0 ? html`<p>${th(ctx.lang, 'identity.businessNone')}</p>` : ''}
${v.businesses.map(
  (b) => html`<section class="card">
<h2>${b.name}${b.corporateNumber ? html` <span class="hint">（${b.corporateNumber}）</span>` : ''}</h2>
<p>${th(ctx.lang, 'identity.memberRole')}: ${th(ctx.lang, `identity.${roleKey[b.role] ?? 'roleMember'}`)}</p>
<h3>${th(ctx.lang, 'identity.businessMembers')}</h3>
<ul>${b.members.map((m) => html`<li>${m.name}（${th(ctx.lang, `identity.${roleKey[m.role] ?? 'roleMember'}`)}）</li>`)}</ul>
${
  v.actingAs === b.id
    ? ''
    : html`<form method="post" action="/account/businesses/${b.id}/act">${csrfInput(ctx)}${button({ text: t(ctx.lang, 'identity.actAsBusiness'), variant: 'secondary' })}</form>`
}
${
  b.role === 'member'
    ? ''
    : html`<form method="post" action="/account/businesses/${b.id}/members" novalidate>${csrfInput(ctx)}
${fields(ctx, [{ name: 'email', labelKey: 'memberEmail', type: 'email', autocomplete: 'off' }], state)}
${radios(
  ctx,
  'role',
  'memberRole',
  b.role === 'owner'
    ? [
        ['member', 'roleMember'],
        ['admin', 'roleAdmin'],
        ['owner', 'roleOwner'],
      ]
    : [
        ['member', 'roleMember'],
        ['admin', 'roleAdmin'],
      ],
  { values: { role: 'member' } },
)}
${button({ text: t(ctx.lang, 'identity.memberAdd'), variant: 'secondary' })}</form>`
}
</section>`,
)}
<h2>${th(ctx.lang, 'identity.businessCreate')}</h2>
<form method="post" action="/account/businesses" novalidate>
${csrfInput(ctx)}
${fields(
  ctx,
  [
    { name: 'name', labelKey: 'businessName', autocomplete: 'organization' },
    {
      name: 'corporateNumber',
      labelKey: 'corporateNumber',
      hintKey: 'corporateNumberHint',
      inputmode: 'numeric',
      required: false,
    },
    { name: 'address', labelKey: 'businessAddress', autocomplete: 'street-address' },
  ],
  state,
)}
${button({ text: t(ctx.lang, 'identity.businessCreate') })}
</form>`,
  });
}
