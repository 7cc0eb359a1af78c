// Staff pages of data requests: the list (sortable by supports, filterable by status) and one request with
// the answer form and the moderation form. Plain HTML forms; field ids are prefixed by their form so an
// error summary entry lands on the right field.
import { t, th } from '../../../../platform/i18n/i18n.ts';
import { button } from '../../../../platform/pages/components/button/button.ts';
import { choices } from '../../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../../platform/pages/components/text-input/text-input.ts';
import { textarea } from '../../../../platform/pages/components/textarea/textarea.ts';
import { html, type SafeHtml } from '../../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../../platform/pages/layout.ts';
import {
  answerLimit,
  hiddenReasonLimit,
  type Page,
  type RequestSort,
  type RequestStatus,
  requestStatuses,
  type StaffDataRequest,
} from '../model.ts';
import {
  datasetLink,
  dayElement,
  filterForm,
  k,
  type ListFilter,
  pagination,
  paragraphs,
  statusTag,
} from './public.ts';

export interface StaffFormState {
  /** Which form the values and errors belong to: 'answer' or 'hide'. */
  form?: 'answer' | 'hide';
  values?: Record<string, string | undefined>;
  errors?: { field: string; message: string }[];
}

export type StaffNotice = 'saved' | 'unchanged' | 'hidden' | 'shown';

/** Whether the requester's e-mail is shown, or why not (the policy's reason). */
export type ContactView = { shown: true } | { shown: false; reason: string };

const idOf = (form: string, field: string) => `${form}-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

const catalogueCrumbs = (ctx: PageContext) => [
  { text: t(ctx.lang, 'identity.staffHomeTitle'), href: '/staff' },
  { text: t(ctx.lang, k('staffCatalogue')), href: '/staff/open-data' },
];
const staffCrumbs = (ctx: PageContext) => [
  ...catalogueCrumbs(ctx),
  { text: t(ctx.lang, k('staffTitle')), href: '/staff/open-data/requests' },
];

export function staffListUrl(filter: ListFilter, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  params.set('sort', filter.sort);
  if (page > 1) params.set('page', String(page));
  return `/staff/open-data/requests?${params.toString()}`;
}

function sortHeader(ctx: PageContext, filter: ListFilter, sort: RequestSort, labelKey: string): SafeHtml {
  const label = th(ctx.lang, k(labelKey));
  const current = filter.sort === sort;
  return html`<th scope="col"${current ? html` aria-sort="descending"` : ''}>${
    current
      ? label
      : html`<a href="${staffListUrl({ ...filter, sort, page: 1 })}">${label}<span class="visually-hidden">${th(ctx.lang, k('sortBy'))}</span></a>`
  }</th>`;
}

export function staffListPage(
  ctx: PageContext,
  page: Page<StaffDataRequest> & { counts: Record<RequestStatus, number> },
  filter: ListFilter,
): string {
  return renderPage(ctx, {
    title: t(ctx.lang, k('staffTitle')),
    breadcrumbs: catalogueCrumbs(ctx),
    body: html`${pageHeading({ text: th(ctx.lang, k('staffTitle')), lead: th(ctx.lang, k('staffLead')) })}
${filterForm(ctx, '/staff/open-data/requests', filter, page.counts)}
<h2 id="staff-results-title">${th(ctx.lang, k('resultsTitle'))}</h2>
${
  page.items.length === 0
    ? html`<p>${th(ctx.lang, k('none'))}</p>`
    : html`<div class="table-scroll" role="region" aria-labelledby="staff-results-title" tabindex="0"><table class="table">
<thead><tr>
<th scope="col">${th(ctx.lang, k('colNumber'))}</th>
<th scope="col">${th(ctx.lang, k('colTitle'))}</th>
<th scope="col">${th(ctx.lang, k('statusLabel'))}</th>
${sortHeader(ctx, filter, 'supports', 'supports')}
${sortHeader(ctx, filter, 'new', 'requestedOn')}
<th scope="col">${th(ctx.lang, k('answeredOn'))}</th>
<th scope="col">${th(ctx.lang, k('colContact'))}</th>
</tr></thead>
<tbody>${page.items.map(
        (r) => html`<tr data-request="${String(r.number)}">
<td>${String(r.number)}</td>
<td><a href="/staff/open-data/requests/${String(r.number)}">${r.title}</a>${r.hiddenReason !== null ? html` <span class="status-tag">${th(ctx.lang, k('hiddenTag'))}</span>` : ''}</td>
<td>${statusTag(ctx, r.status)}</td>
<td data-support-count="${String(r.supportCount)}">${String(r.supportCount)}</td>
<td>${dayElement(ctx.lang, r.createdAt)}</td>
<td>${r.answeredAt ? dayElement(ctx.lang, r.answeredAt) : '—'}</td>
<td>${th(ctx.lang, k(r.hasContact ? 'contactYes' : 'contactNo'))}</td>
</tr>`,
      )}</tbody>
</table></div>`
}
${pagination(ctx, page, (p) => staffListUrl(filter, p))}`,
  });
}

function noticeBanner(ctx: PageContext, notice: StaffNotice | undefined): SafeHtml | string {
  if (!notice) return '';
  const key = { saved: 'savedNotice', unchanged: 'unchangedNotice', hidden: 'hiddenNotice', shown: 'shownNotice' }[
    notice
  ];
  return notificationBanner({ kind: 'success', title: t(ctx.lang, k(key)), body: '' });
}

function answerForm(ctx: PageContext, r: StaffDataRequest, state: StaffFormState): SafeHtml {
  const mine = state.form === 'answer';
  const errorOf = (field: string) => (mine ? state.errors?.find((e) => e.field === field)?.message : undefined);
  const value = (field: string, fallback: string) => (mine ? (state.values?.[field] ?? '') : fallback);
  const statusError = errorOf('status');
  const answerError = errorOf('answer');
  const datasetError = errorOf('datasetName');
  return html`<section aria-labelledby="answer-form-title">
<h2 id="answer-form-title">${th(ctx.lang, k('answerFormTitle'))}</h2>
<form method="post" action="/staff/open-data/requests/${String(r.number)}" novalidate>
${csrfInput(ctx)}
<input type="hidden" name="revision" value="${String(r.revision)}">
${choices({
  id: idOf('answer', 'status'),
  name: 'status',
  legend: t(ctx.lang, k('statusLabel')),
  type: 'radio',
  options: requestStatuses.map((s) => ({
    value: s,
    label: t(ctx.lang, k(`status_${s}`)),
    hint: t(ctx.lang, k(`statusHint_${s}`)),
  })),
  chosen: [value('status', r.status)],
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...(statusError ? { error: statusError } : {}),
})}
${textarea({
  id: idOf('answer', 'answer'),
  name: 'answer',
  label: t(ctx.lang, k('fieldAnswer')),
  hint: t(ctx.lang, k('fieldAnswerHint'), { limit: answerLimit.toLocaleString('ja-JP') }),
  value: value('answer', r.answer),
  rows: 6,
  maxlength: answerLimit,
  ...(answerError ? { error: answerError } : {}),
})}
${textInput({
  id: idOf('answer', 'datasetName'),
  name: 'datasetName',
  label: t(ctx.lang, k('fieldDataset')),
  hint: t(ctx.lang, k('fieldDatasetHint')),
  value: value('datasetName', r.linkedDatasetName ?? ''),
  ...(datasetError ? { error: datasetError } : {}),
})}
${button({ text: t(ctx.lang, k('saveAnswer')) })}
</form>
</section>`;
}

function hideForm(ctx: PageContext, r: StaffDataRequest, state: StaffFormState): SafeHtml {
  const error = state.form === 'hide' ? state.errors?.find((e) => e.field === 'hiddenReason')?.message : undefined;
  const action = `/staff/open-data/requests/${String(r.number)}/visibility`;
  return html`<section aria-labelledby="hide-form-title">
<h2 id="hide-form-title">${th(ctx.lang, k('hideTitle'))}</h2>
${
  r.hiddenReason !== null
    ? html`<form method="post" action="${action}">
${csrfInput(ctx)}
<input type="hidden" name="visible" value="1">
${button({ text: t(ctx.lang, k('showButton')), variant: 'secondary' })}
</form>`
    : html`<p>${th(ctx.lang, k('hideLead'))}</p>
<form method="post" action="${action}" novalidate>
${csrfInput(ctx)}
${textarea({
  id: idOf('hide', 'hiddenReason'),
  name: 'hiddenReason',
  label: t(ctx.lang, k('fieldHiddenReason')),
  hint: t(ctx.lang, k('fieldHiddenReasonHint'), { limit: hiddenReasonLimit }),
  value: state.form === 'hide' ? (state.values?.hiddenReason ?? '') : '',
  rows: 3,
  maxlength: hiddenReasonLimit,
  ...(error ? { error } : {}),
})}
${button({ text: t(ctx.lang, k('hideButton')), variant: 'secondary' })}
</form>`
}
</section>`;
}

export function staffRequestPage(
  ctx: PageContext,
  r: StaffDataRequest,
  view: { contact: ContactView; state?: StaffFormState; notice?: StaffNotice | undefined },
): string {
  const state = view.state ?? {};
  const errors = state.errors ?? [];
  return renderPage(ctx, {
    title: errors.length > 0 ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${r.title}` : r.title,
    breadcrumbs: staffCrumbs(ctx),
    body: html`${errorSummary({
      title: t(ctx.lang, 'platform.errorSummaryTitle'),
      errors: errors.map((e) => ({
        text: e.message,
        href: e.field.startsWith('#') ? e.field : `#${idOf(state.form ?? 'answer', e.field)}`,
      })),
    })}
${noticeBanner(ctx, view.notice)}
${pageHeading({ text: r.title, caption: t(ctx.lang, k('numberCaption'), { number: r.number }) })}
${
  r.hiddenReason !== null
    ? notificationBanner({
        id: 'hidden-title',
        title: t(ctx.lang, k('hiddenBanner')),
        body: html`<p>${th(ctx.lang, k('hiddenReasonShown'), { reason: r.hiddenReason })}</p>`,
      })
    : ''
}
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('statusLabel'))}</dt><dd>${statusTag(ctx, r.status)}</dd></div>
<div><dt>${th(ctx.lang, k('requestedOn'))}</dt><dd>${dayElement(ctx.lang, r.createdAt)}</dd></div>
<div><dt>${th(ctx.lang, k('supports'))}</dt><dd data-support-count="${String(r.supportCount)}">${th(ctx.lang, k('supportCount'), { count: r.supportCount })}</dd></div>
<div><dt>${th(ctx.lang, k('colContact'))}</dt><dd data-contact>${
      !r.hasContact
        ? th(ctx.lang, k('contactNo'))
        : view.contact.shown && r.contactEmail
          ? html`<a href="mailto:${r.contactEmail}">${r.contactEmail}</a>`
          : th(ctx.lang, k('contactWithheld'), { reason: view.contact.shown ? '' : view.contact.reason })
    }</dd></div>
${r.answeredAt ? html`<div><dt>${th(ctx.lang, k('answeredOn'))}</dt><dd>${dayElement(ctx.lang, r.answeredAt)}</dd></div>` : ''}
${
  r.linkedDatasetName
    ? html`<div><dt>${th(ctx.lang, k('linkedDataset'))}</dt><dd>${
        r.dataset ? datasetLink(ctx, r.dataset) : th(ctx.lang, k('linkedDatasetGone'), { name: r.linkedDatasetName })
      }</dd></div>`
    : ''
}
</dl>
<h2>${th(ctx.lang, k('descriptionLabel'))}</h2>
${paragraphs(r.description)}
${r.purpose ? html`<h2>${th(ctx.lang, k('purposeLabel'))}</h2>${paragraphs(r.purpose)}` : ''}
${answerForm(ctx, r, state)}
${hideForm(ctx, r, state)}
${r.hiddenReason === null ? html`<p><a href="/open-data/requests/${String(r.number)}">${th(ctx.lang, k('publicPage'))}</a></p>` : ''}
<p><a href="/staff/open-data/requests">${th(ctx.lang, k('backToStaffList'))}</a></p>`,
  });
}
