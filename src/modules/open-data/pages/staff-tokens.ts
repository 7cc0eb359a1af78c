// Staff pages for what sits beside the datasets: API tokens for CKAN clients (a new token is shown once,
// with how to send it) and, for the DX office, the groups datasets are filed under.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { notificationBanner } from '../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { k } from '../messages-staff.ts';
import type { GroupRef } from '../model.ts';
import type { ApiTokenSummary } from '../use-cases/api-tokens.ts';
import {
  area,
  dateTime,
  input,
  noticeBanner,
  number,
  postButton,
  type StaffFormState,
  staffCrumbs,
  summaryOfErrors,
  titleWithErrors,
} from './staff-form.ts';

export function tokensPage(
  ctx: PageContext,
  v: { tokens: ApiTokenSummary[]; created?: { name: string; token: string } | undefined; baseUrl: string },
  state: StaffFormState = {},
): string {
  const title = t(ctx.lang, k('tokensTitle'));
  const example = v.created
    ? `curl -H "Authorization: ${v.created.token}" -H "Content-Type: application/json" \\\n  -d '{"name": "example-dataset", "title": "…", "owner_org": "…"}' \\\n  ${v.baseUrl}/api/3/action/package_create`
    : '';
  return renderPage(ctx, {
    title: titleWithErrors(ctx, state, title),
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${noticeBanner(ctx, state)}${pageHeading({ text: title })}
<p>${th(ctx.lang, k('tokensLead'))}</p>
${
  v.created
    ? notificationBanner({
        kind: 'success',
        id: 'token-created-title',
        title: t(ctx.lang, k('tokenCreatedTitle'), { name: v.created.name }),
        body: html`<p>${th(ctx.lang, k('tokenCreatedBody'))}</p>
<p><label for="created-token">${th(ctx.lang, k('tokenLabel'))}</label><br>
<input class="form-field__input" id="created-token" type="text" readonly value="${v.created.token}" data-token></p>
<p>${th(ctx.lang, k('tokenUsage'))}</p>
<pre><code>${example}</code></pre>`,
      })
    : ''
}
<h2>${th(ctx.lang, k('createToken'))}</h2>
<form method="post" action="/staff/open-data/tokens" novalidate>
${csrfInput(ctx)}
${input(ctx, state, 'token', 'name', 'fieldTokenName', { hint: 'fieldTokenNameHint', required: true })}
${button({ text: t(ctx.lang, k('createToken')) })}
</form>
<h2>${th(ctx.lang, k('tokensListTitle'))}</h2>
${
  v.tokens.length === 0
    ? html`<p>${th(ctx.lang, k('tokensNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-tokens>
<caption class="visually-hidden">${th(ctx.lang, k('tokensListTitle'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colTokenName'))}</th><th scope="col">${th(ctx.lang, k('colCreated'))}</th><th scope="col">${th(ctx.lang, k('colLastUsed'))}</th><th scope="col">${th(ctx.lang, k('colActions'))}</th></tr></thead>
<tbody>${v.tokens.map(
        (tk) =>
          html`<tr data-token-id="${tk.id}"><td>${tk.name}</td><td>${dateTime(tk.createdAt)}</td><td>${tk.lastUsedAt ? dateTime(tk.lastUsedAt) : th(ctx.lang, k('neverUsed'))}</td><td>${postButton(ctx, `/staff/open-data/tokens/${tk.id}/revoke`, t(ctx.lang, k('revoke')), 'secondary', t(ctx.lang, k('revokeLabel'), { name: tk.name }))}</td></tr>`,
      )}</tbody>
</table></div>`
}`,
  });
}

export function groupsPage(
  ctx: PageContext,
  groups: (GroupRef & { packageCount: number })[],
  state: StaffFormState = {},
): string {
  const title = t(ctx.lang, k('groupsTitle'));
  const f = 'group';
  return renderPage(ctx, {
    title: titleWithErrors(ctx, state, title),
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${noticeBanner(ctx, state)}${pageHeading({ text: title })}
<p>${th(ctx.lang, k('groupsLead'))}</p>
${
  groups.length === 0
    ? html`<p>${th(ctx.lang, k('groupsNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-groups>
<caption>${th(ctx.lang, k('groupsListCaption'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colGroupTitle'))}</th><th scope="col">${th(ctx.lang, k('colGroupName'))}</th><th scope="col">${th(ctx.lang, k('colDatasets'))}</th></tr></thead>
<tbody>${groups.map((g) => html`<tr data-group="${g.name}"><td>${g.title}</td><td>${g.name}</td><td>${number(g.packageCount)}</td></tr>`)}</tbody>
</table></div>`
}
<h2>${th(ctx.lang, k('newGroupTitle'))}</h2>
<form method="post" action="/staff/open-data/groups" novalidate>
${csrfInput(ctx)}
${input(ctx, state, f, 'name', 'fieldGroupName', { hint: 'fieldGroupNameHint', required: true })}
${input(ctx, state, f, 'title', 'fieldGroupTitle', { required: true })}
${area(ctx, state, f, 'description', 'fieldGroupDescription', { rows: 3 })}
${button({ text: t(ctx.lang, k('createGroup')) })}
</form>`,
  });
}
