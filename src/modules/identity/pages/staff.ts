// The staff back office: second-factor pages, the portal, resident lookup, audit log, proxy and device
// registration.
import type { AuditRecord } from '../../../platform/audit/search.ts';
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { StaffContext } from '../staff-access.ts';
import { type FormState, fields, formErrors } from './form.ts';

const staffCrumb = (ctx: PageContext) => [{ text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' }];

function titled(ctx: PageContext, key: string, state: FormState): string {
  const title = t(ctx.lang, key);
  return state.errors?.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title;
}

export function renderTotp(
  ctx: PageContext,
  enrollment: { secret: string; uri: string } | undefined,
  state: FormState = {},
): string {
  const key = enrollment ? 'identity.totpEnrollTitle' : 'identity.totpTitle';
  return renderPage(ctx, {
    title: titled(ctx, key, state),
    body: html`${formErrors(ctx, state)}
${pageHeading({ text: th(ctx.lang, key), lead: th(ctx.lang, enrollment ? 'identity.totpEnrollLead' : 'identity.totpLead') })}
${
  enrollment
    ? html`<dl class="summary-list">
<div><dt>${th(ctx.lang, 'identity.totpSecret')}</dt><dd><code class="totp-secret" data-totp-secret>${enrollment.secret.replace(/(.{4})/g, '$1 ').trim()}</code></dd></div>
<div><dt>${th(ctx.lang, 'identity.totpUri')}</dt><dd><a href="${enrollment.uri}">otpauth://</a></dd></div>
</dl>`
    : ''
}
<form method="post" action="/staff/sign-in/totp" novalidate>
${csrfInput(ctx)}
${fields(ctx, [{ name: 'code', labelKey: 'totpCode', autocomplete: 'one-time-code', inputmode: 'numeric' }], state)}
${button({ text: t(ctx.lang, 'identity.totpSubmit') })}
</form>`,
  });
}

const zoneKey = { lgwan: 'zoneLgwan', vpn: 'zoneVpn', internet: 'zoneInternet' } as const;

export function renderStaffHome(ctx: PageContext, s: StaffContext, notice?: string): string {
  const p = s.session.staff;
  return renderPage(ctx, {
    title: t(ctx.lang, 'identity.staffHomeTitle'),
    body: html`${notice ? notificationBanner({ title: t(ctx.lang, `identity.${notice}`), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, 'identity.staffHomeTitle') })}
<dl class="summary-list">
<div><dt>${th(ctx.lang, 'identity.displayName')}</dt><dd>${s.session.displayName}（${p.staffNumber}）</dd></div>
<div><dt>${th(ctx.lang, 'identity.staffRoles')}</dt><dd data-staff-roles>${p.roles.join(', ')}</dd></div>
<div><dt>${th(ctx.lang, 'identity.staffDepartments')}</dt><dd>${p.departments.join(', ') || '—'}</dd></div>
<div><dt>${th(ctx.lang, 'identity.staffZone')}</dt><dd data-staff-zone>${th(ctx.lang, `identity.${zoneKey[s.zone]}`)}</dd></div>
<div><dt>${th(ctx.lang, 'identity.staffDevice')}</dt><dd>${th(ctx.lang, s.deviceRegistered ? 'identity.deviceRegistered' : 'identity.deviceUnregistered')}</dd></div>
</dl>
<ul class="link-list-plain">
<li><a href="/staff/cases">${th(ctx.lang, 'identity.staffCases')}</a></li>
<li><a href="/staff/payments">${th(ctx.lang, 'identity.staffPayments')}</a></li>
<li><a href="/staff/documents">${th(ctx.lang, 'identity.staffDocuments')}</a></li>
<li><a href="/staff/integration">${th(ctx.lang, 'identity.staffIntegration')}</a></li>
<li><a href="/staff/public-comments">${th(ctx.lang, 'identity.staffPublicComments')}</a></li>
<li><a href="/staff/open-data">${th(ctx.lang, 'identity.staffOpenData')}</a></li>
<li><a href="/staff/messages">${th(ctx.lang, 'identity.staffMessages')}</a></li>
<li><a href="/staff/eligibility">${th(ctx.lang, 'identity.staffEligibility')}</a></li>
<li><a href="/staff/residents/life-events">${th(ctx.lang, 'identity.staffLifeEvents')}</a></li>
<li><a href="/staff/residents">${th(ctx.lang, 'identity.staffResidents')}</a></li>
<li><a href="/staff/proxies">${th(ctx.lang, 'identity.staffProxies')}</a></li>
<li><a href="/staff/audit">${th(ctx.lang, 'identity.staffAudit')}</a></li>
<li><a href="/staff/devices">${th(ctx.lang, 'identity.staffDevices')}</a></li>
</ul>
<h2>${th(ctx.lang, 'identity.passkeysTitle')}</h2>
<div data-passkey-register data-done="/staff?notice=accountPasskeyAdded" hidden>
${textInput({ id: 'passkey-label', name: 'label', label: t(ctx.lang, 'identity.passkeyLabel'), hint: t(ctx.lang, 'identity.passkeyLabelHint') })}
<button class="button button--secondary" type="button" data-passkey-register-start>${th(ctx.lang, 'identity.passkeyRegister')}</button>
<p class="form-field__error" data-passkey-error role="alert" hidden></p>
</div>
<script src="/assets/identity/passkey.js" defer></script>`,
  });
}

export interface ResidentRow {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  wardCode: string;
  myNumberMasked?: string;
}

export function renderResidentSearch(
  ctx: PageContext,
  form: { query: string; myNumber: string; error?: string },
  results: ResidentRow[] | undefined,
): string {
  const state: FormState = form.error ? { errors: [{ field: 'myNumber', message: form.error }] } : {};
  const showMyNumber = results?.some((r) => r.myNumberMasked) ?? false;
  return renderPage(ctx, {
    title: titled(ctx, 'identity.residentSearchTitle', state),
    breadcrumbs: staffCrumb(ctx),
    body: html`${formErrors(ctx, state)}
${pageHeading({ text: th(ctx.lang, 'identity.residentSearchTitle'), lead: th(ctx.lang, 'identity.residentSearchLead') })}
<form method="get" action="/staff/residents" role="search" aria-label="${t(ctx.lang, 'identity.residentSearch')}">
${fields(ctx, [{ name: 'q', labelKey: 'residentQuery' }], { values: { q: form.query } })}
${button({ text: t(ctx.lang, 'identity.residentSearch') })}
</form>
<form method="post" action="/staff/residents/by-my-number" role="search" aria-label="${t(ctx.lang, 'identity.myNumberSearch')}">
${csrfInput(ctx)}
${fields(ctx, [{ name: 'myNumber', labelKey: 'myNumberQuery', inputmode: 'numeric', autocomplete: 'off', secret: true }], state)}
${button({ text: t(ctx.lang, 'identity.myNumberSearch'), variant: 'secondary' })}
</form>
${
  results === undefined
    ? ''
    : results.length === 0
      ? html`<p role="status">${th(ctx.lang, 'identity.noResults')}</p>`
      : html`<p role="status">${th(ctx.lang, 'identity.resultsCount', { count: results.length })}</p>
<table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'identity.colName')}</th><th scope="col">${th(ctx.lang, 'identity.colKana')}</th><th scope="col">${th(ctx.lang, 'identity.colBirth')}</th><th scope="col">${th(ctx.lang, 'identity.colWard')}</th>${showMyNumber ? html`<th scope="col">${th(ctx.lang, 'identity.myNumberQuery')}</th>` : ''}</tr></thead>
<tbody>${results.map((r) => html`<tr><td>${r.familyName} ${r.givenName}</td><td>${r.familyNameKana} ${r.givenNameKana}</td><td>${r.birthDate}</td><td>${r.wardCode}</td>${showMyNumber ? html`<td>${r.myNumberMasked ?? ''}</td>` : ''}</tr>`)}</tbody></table>`
}`,
  });
}

export function renderAudit(ctx: PageContext, query: Record<string, string>, records: AuditRecord[]): string {
  const exportHref = `/staff/audit.csv?${new URLSearchParams(query).toString()}`;
  return renderPage(ctx, {
    title: t(ctx.lang, 'identity.auditTitle'),
    breadcrumbs: staffCrumb(ctx),
    body: html`${pageHeading({ text: th(ctx.lang, 'identity.auditTitle'), lead: th(ctx.lang, 'identity.auditLead') })}
<form method="get" action="/staff/audit" role="search" class="filters">
${fields(
  ctx,
  [
    { name: 'from', labelKey: 'auditFrom', type: 'date', required: false },
    { name: 'to', labelKey: 'auditTo', type: 'date', required: false },
    { name: 'actor', labelKey: 'auditActor', required: false },
    { name: 'action', labelKey: 'auditAction', required: false },
  ],
  { values: query },
)}
${button({ text: t(ctx.lang, 'identity.auditSearch') })}
</form>
<p><a href="${exportHref}" download>${th(ctx.lang, 'identity.auditExport')}</a></p>
<p role="status">${th(ctx.lang, 'identity.resultsCount', { count: records.length })}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="${t(ctx.lang, 'identity.auditTitle')}">
<table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'identity.auditAt')}</th><th scope="col">${th(ctx.lang, 'identity.auditActor')}</th><th scope="col">${th(ctx.lang, 'identity.auditAction')}</th><th scope="col">${th(ctx.lang, 'identity.auditResource')}</th><th scope="col">${th(ctx.lang, 'identity.auditOnBehalf')}</th><th scope="col">${th(ctx.lang, 'identity.auditZone')}</th><th scope="col">${th(ctx.lang, 'identity.auditDecision')}</th></tr></thead>
<tbody>${records.map(
      (r) =>
        html`<tr><td>${r.occurredAt.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}</td><td>${r.actor}</td><td>${r.action}</td><td>${r.resourceType}${r.resourceId ? html` ${r.resourceId}` : ''}</td><td>${r.onBehalfOf ?? ''}</td><td>${r.zone ?? ''}</td><td>${th(ctx.lang, r.decision === 'allow' ? 'identity.allow' : 'identity.deny')}${r.reason ? html` (${r.reason})` : ''}</td></tr>`,
    )}</tbody></table></div>`,
  });
}

export function renderSimpleStaffForm(
  ctx: PageContext,
  page: { titleKey: string; leadKey: string; action: string; submitKey: string; fields: SafeHtml; notice?: string },
  state: FormState = {},
): string {
  return renderPage(ctx, {
    title: titled(ctx, `identity.${page.titleKey}`, state),
    breadcrumbs: staffCrumb(ctx),
    body: html`${formErrors(ctx, state)}
${page.notice ? notificationBanner({ title: t(ctx.lang, `identity.${page.notice}`), body: '', kind: 'success' }) : ''}
${pageHeading({ text: th(ctx.lang, `identity.${page.titleKey}`), lead: th(ctx.lang, `identity.${page.leadKey}`) })}
<form method="post" action="${page.action}" novalidate>
${csrfInput(ctx)}
${page.fields}
${button({ text: t(ctx.lang, `identity.${page.submitKey}`) })}
</form>`,
  });
}
