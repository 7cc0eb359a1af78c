// The staff integration pages: tokens and webhook endpoints (with create, rotate, revoke, disable forms
// that work without JavaScript) and an endpoint's delivery log with 再送.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { systemScopes } from '../tokens.ts';
import type { SystemTokenSummary } from '../use-cases/get-system-token.ts';
import type { WebhookEndpoint } from '../use-cases/get-webhook-endpoint.ts';
import type { DeliveryRow } from '../use-cases/list-integration.ts';

export interface FormState {
  /** Which form the values and errors belong to. */
  form?: 'token' | 'webhook' | 'replayEvent';
  values?: Record<string, string | string[] | undefined>;
  errors?: { field: string; message: string }[];
}

/** A secret shown once: a just-issued token or webhook secret. */
export interface Shown {
  titleKey: string;
  bodyKey: string;
  params?: Record<string, string>;
  labelKey: string;
  value: string;
}

const fieldIds: Record<string, string> = {
  name: 'token-name',
  department: 'department',
  scopes: 'scope-events-read',
  expiresInDays: 'expires-in-days',
  url: 'webhook-url',
  eventTypes: 'event-types',
  eventId: 'event-id',
};

const when = (d: Date | null) => (d ? d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—');
const staffCrumb = (ctx: PageContext) => [{ text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' }];

function errorOf(state: FormState, form: FormState['form'], field: string): string | undefined {
  return state.form === form ? state.errors?.find((e) => e.field === field)?.message : undefined;
}

function formValue(state: FormState, form: FormState['form'], field: string): string {
  const v = state.form === form ? state.values?.[field] : undefined;
  return typeof v === 'string' ? v : '';
}

function input(
  ctx: PageContext,
  state: FormState,
  form: FormState['form'],
  name: string,
  options: { hint?: boolean; required?: boolean; inputmode?: 'numeric' } = {},
): SafeHtml {
  const error = errorOf(state, form, name);
  return textInput({
    id: fieldIds[name]!,
    name,
    label: t(ctx.lang, `integration.${name === 'name' ? 'tokenName' : name}`),
    ...(options.hint ? { hint: t(ctx.lang, `integration.${name === 'name' ? 'tokenName' : name}Hint`) } : {}),
    value: formValue(state, form, name),
    required: options.required ?? false,
    ...(options.inputmode ? { inputmode: options.inputmode } : {}),
    ...(error ? { error } : {}),
  });
}

const scopeKeys: Record<string, string> = {
  'events:read': 'scopeEventsRead',
  'cases:read': 'scopeCasesRead',
  'cases:export': 'scopeCasesExport',
};

function scopeChoices(ctx: PageContext, state: FormState): SafeHtml {
  const error = errorOf(state, 'token', 'scopes');
  const chosen = state.form === 'token' ? ([] as string[]).concat(state.values?.scopes ?? []) : ['events:read'];
  return html`<fieldset class="form-field__fieldset${error ? ' form-field--error' : ''}"${error ? html` aria-describedby="scopes-error"` : ''}>
<legend class="form-group__legend">${th(ctx.lang, 'integration.scopes')}</legend>
${error ? html`<p class="form-field__error" id="scopes-error">${error}</p>` : ''}
${systemScopes.map((scope, i) => {
  const id = i === 0 ? 'scope-events-read' : `scope-${scope.replace(':', '-')}`;
  return html`<div class="form-choice"><input class="form-choice__input" type="checkbox" id="${id}" name="scopes" value="${scope}"${chosen.includes(scope) ? html` checked` : ''}><label for="${id}">${th(ctx.lang, `integration.${scopeKeys[scope]}`)}</label></div>`;
})}
</fieldset>`;
}

function tokenStatus(ctx: PageContext, token: SystemTokenSummary, now: Date): SafeHtml {
  const key = token.revokedAt
    ? 'statusRevoked'
    : token.expiresAt && token.expiresAt <= now
      ? 'statusExpired'
      : token.replacedBy
        ? 'statusGrace'
        : 'statusActive';
  return html`<span class="status-tag" data-token-status="${key}">${th(ctx.lang, `integration.${key}`)}</span>`;
}

function shownSecret(ctx: PageContext, shown: Shown | undefined): SafeHtml | string {
  if (!shown) return '';
  return notificationBanner({
    kind: 'success',
    title: t(ctx.lang, `integration.${shown.titleKey}`),
    body: html`<p>${th(ctx.lang, `integration.${shown.bodyKey}`, shown.params ?? {})}</p>
<p>${th(ctx.lang, `integration.${shown.labelKey}`)}: <code data-shown-secret>${shown.value}</code></p>`,
  });
}

export function renderIntegration(
  ctx: PageContext,
  data: { tokens: SystemTokenSummary[]; endpoints: WebhookEndpoint[]; defaultDepartment: string },
  extra: { state?: FormState; shown?: Shown; notice?: string } = {},
): string {
  const state = extra.state ?? {};
  const now = new Date();
  const title = t(ctx.lang, 'integration.title');
  const department = (form: FormState['form']) =>
    state.form === form ? formValue(state, form, 'department') : data.defaultDepartment;
  const departmentInput = (form: FormState['form']) => {
    const error = errorOf(state, form, 'department');
    return textInput({
      id: form === 'token' ? 'department' : 'webhook-department',
      name: 'department',
      label: t(ctx.lang, 'integration.department'),
      hint: t(ctx.lang, 'integration.departmentHint'),
      value: department(form),
      ...(error ? { error } : {}),
    });
  };
  const errors = (state.errors ?? []).map((e) => ({
    text: e.message,
    href: `#${e.field === 'department' && state.form === 'webhook' ? 'webhook-department' : (fieldIds[e.field] ?? e.field)}`,
  }));
  return renderPage(ctx, {
    title: errors.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: staffCrumb(ctx),
    body: html`${errorSummary({ title: t(ctx.lang, 'platform.errorSummaryTitle'), errors })}
${shownSecret(ctx, extra.shown)}
${extra.notice ? notificationBanner({ kind: 'success', title: t(ctx.lang, `integration.${extra.notice}`), body: '' }) : ''}
${pageHeading({ text: th(ctx.lang, 'integration.title'), lead: th(ctx.lang, 'integration.lead') })}
<h2>${th(ctx.lang, 'integration.tokensTitle')}</h2>
${
  data.tokens.length === 0
    ? html`<p>${th(ctx.lang, 'integration.tokensNone')}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t(ctx.lang, 'integration.tokensTitle')}"><table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'integration.tokenName')}</th><th scope="col">${th(ctx.lang, 'integration.colPrefix')}</th><th scope="col">${th(ctx.lang, 'integration.department')}</th><th scope="col">${th(ctx.lang, 'integration.scopes')}</th><th scope="col">${th(ctx.lang, 'integration.colStatus')}</th><th scope="col">${th(ctx.lang, 'integration.colLastUsed')}</th><th scope="col">${th(ctx.lang, 'integration.colExpires')}</th><th scope="col">${th(ctx.lang, 'integration.colActions')}</th></tr></thead>
<tbody>${data.tokens.map(
        (token) =>
          html`<tr data-token="${token.id}"><td>${token.name}</td><td><code>${token.prefix}…</code></td><td>${token.department ?? t(ctx.lang, 'integration.cityWide')}</td><td>${token.scopes.join(', ')}</td><td>${tokenStatus(ctx, token, now)}</td><td>${when(token.lastUsedAt)}</td><td>${when(token.expiresAt)}</td><td>${
            token.revokedAt || (token.expiresAt && token.expiresAt <= now)
              ? ''
              : html`${
                  token.replacedBy
                    ? ''
                    : html`<form method="post" action="/staff/integration/tokens/${token.id}/rotate">${csrfInput(ctx)}<button class="button button--secondary button--small" type="submit" aria-label="${t(ctx.lang, 'integration.rotate')}: ${token.name}">${th(ctx.lang, 'integration.rotate')}</button></form>`
                }<form method="post" action="/staff/integration/tokens/${token.id}/revoke">${csrfInput(ctx)}<button class="button button--secondary button--small" type="submit" aria-label="${t(ctx.lang, 'integration.revoke')}: ${token.name}">${th(ctx.lang, 'integration.revoke')}</button></form>`
          }</td></tr>`,
      )}</tbody></table></div>`
}
<form method="post" action="/staff/integration/tokens" novalidate>
${csrfInput(ctx)}
${input(ctx, state, 'token', 'name', { hint: true, required: true })}
${departmentInput('token')}
${scopeChoices(ctx, state)}
${input(ctx, state, 'token', 'expiresInDays', { hint: true, inputmode: 'numeric' })}
${button({ text: t(ctx.lang, 'integration.createToken') })}
</form>
<h2>${th(ctx.lang, 'integration.webhooksTitle')}</h2>
${
  data.endpoints.length === 0
    ? html`<p>${th(ctx.lang, 'integration.webhooksNone')}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${t(ctx.lang, 'integration.webhooksTitle')}"><table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'integration.url')}</th><th scope="col">${th(ctx.lang, 'integration.department')}</th><th scope="col">${th(ctx.lang, 'integration.eventTypes')}</th><th scope="col">${th(ctx.lang, 'integration.colStatus')}</th><th scope="col">${th(ctx.lang, 'integration.colActions')}</th></tr></thead>
<tbody>${data.endpoints.map(
        (e) =>
          html`<tr data-endpoint="${e.id}"><td>${e.url}</td><td>${e.department ?? t(ctx.lang, 'integration.cityWide')}</td><td>${e.eventTypes.length ? e.eventTypes.join(' ') : t(ctx.lang, 'integration.allEvents')}</td><td><span class="status-tag">${th(ctx.lang, e.active ? 'integration.statusActive' : 'integration.statusStopped')}</span></td><td><a href="/staff/integration/webhooks/${e.id}">${th(ctx.lang, 'integration.deliveries')}</a>${
            e.active
              ? html`<form method="post" action="/staff/integration/webhooks/${e.id}/disable">${csrfInput(ctx)}<button class="button button--secondary button--small" type="submit" aria-label="${t(ctx.lang, 'integration.disable')}: ${e.url}">${th(ctx.lang, 'integration.disable')}</button></form>`
              : ''
          }</td></tr>`,
      )}</tbody></table></div>`
}
<form method="post" action="/staff/integration/webhooks" novalidate>
${csrfInput(ctx)}
${input(ctx, state, 'webhook', 'url', { hint: true, required: true })}
${departmentInput('webhook')}
${input(ctx, state, 'webhook', 'eventTypes', { hint: true })}
${button({ text: t(ctx.lang, 'integration.createWebhook') })}
</form>`,
  });
}

const deliveryKey = { pending: 'deliveryPending', delivered: 'deliveryDelivered', failed: 'deliveryFailed' } as const;

export function renderDeliveries(
  ctx: PageContext,
  endpoint: WebhookEndpoint,
  deliveries: DeliveryRow[],
  extra: { state?: FormState; notice?: string; noticeParams?: Record<string, string | number> } = {},
): string {
  const state = extra.state ?? {};
  const title = t(ctx.lang, 'integration.deliveriesTitle');
  const errors = (state.errors ?? []).map((e) => ({ text: e.message, href: `#${fieldIds[e.field] ?? e.field}` }));
  return renderPage(ctx, {
    title: errors.length ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    breadcrumbs: [...staffCrumb(ctx), { text: t(ctx.lang, 'integration.title'), href: '/staff/integration' }],
    body: html`${errorSummary({ title: t(ctx.lang, 'platform.errorSummaryTitle'), errors })}
${extra.notice ? notificationBanner({ kind: 'success', title: t(ctx.lang, `integration.${extra.notice}`, extra.noticeParams ?? {}), body: '' }) : ''}
${pageHeading({ text: th(ctx.lang, 'integration.deliveriesTitle'), lead: th(ctx.lang, 'integration.deliveriesLead', { url: endpoint.url }) })}
${
  deliveries.length === 0
    ? html`<p>${th(ctx.lang, 'integration.deliveriesNone')}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-label="${title}"><table class="table"><thead><tr><th scope="col">${th(ctx.lang, 'integration.colEvent')}</th><th scope="col">${th(ctx.lang, 'integration.colStatus')}</th><th scope="col">${th(ctx.lang, 'integration.colAttempts')}</th><th scope="col">${th(ctx.lang, 'integration.colResult')}</th><th scope="col">${th(ctx.lang, 'integration.colNextAttempt')}</th><th scope="col">${th(ctx.lang, 'integration.colActions')}</th></tr></thead>
<tbody>${deliveries.map(
        (d) =>
          html`<tr data-delivery="${d.id}" data-status="${d.status}"><td>${d.eventType}<br><code>${d.eventId}</code></td><td><span class="status-tag">${th(ctx.lang, `integration.${deliveryKey[d.status]}`)}</span></td><td>${d.attempts}</td><td>${d.lastHttpStatus ?? ''} ${d.lastError ?? ''}${d.attemptLog.length ? html`<ol>${d.attemptLog.map((a) => html`<li>${when(a.at)} ${a.httpStatus ?? ''} ${a.error ?? a.outcome}</li>`)}</ol>` : ''}</td><td>${when(d.nextAttemptAt)}</td><td>${
            endpoint.active
              ? html`<form method="post" action="/staff/integration/deliveries/${d.id}/replay">${csrfInput(ctx)}<button class="button button--secondary button--small" type="submit" aria-label="${t(ctx.lang, 'integration.replay')}: ${d.eventType} ${d.eventId}">${th(ctx.lang, 'integration.replay')}</button></form>`
              : ''
          }</td></tr>`,
      )}</tbody></table></div>`
}
<h2>${th(ctx.lang, 'integration.replayEventTitle')}</h2>
<form method="post" action="/staff/integration/webhooks/${endpoint.id}/replay-event" novalidate>
${csrfInput(ctx)}
${input(ctx, state, 'replayEvent', 'eventId', { required: true })}
${button({ text: t(ctx.lang, 'integration.replayEvent'), variant: 'secondary' })}
</form>`,
  });
}
