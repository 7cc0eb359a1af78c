// The public pages of data requests, all plain HTML that works with no JavaScript: the list (filter and
// order through a GET form), the form to ask for a dataset, and one request with its support button.

import type { Lang } from '../../../../platform/i18n/i18n.ts';
import { t, th } from '../../../../platform/i18n/i18n.ts';
import { button } from '../../../../platform/pages/components/button/button.ts';
import { errorSummary } from '../../../../platform/pages/components/error-summary/error-summary.ts';
import { notificationBanner } from '../../../../platform/pages/components/notification-banner/notification-banner.ts';
import { pageHeading } from '../../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../../platform/pages/components/text-input/text-input.ts';
import { textarea } from '../../../../platform/pages/components/textarea/textarea.ts';
import { html, type SafeHtml } from '../../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../../platform/pages/layout.ts';
import { datasetPath } from '../../urls.ts';
import {
  acceptsSupport,
  descriptionLimit,
  type Page,
  type PublicDataRequest,
  purposeLimit,
  type RequestSort,
  type RequestStatus,
  requestSorts,
  requestStatuses,
  titleLimit,
} from '../model.ts';

export const k = (key: string) => `openDataRequests.${key}`;

export interface FormState {
  values?: Record<string, string | undefined>;
  errors?: { field: string; message: string }[];
}

export interface ListFilter {
  status?: RequestStatus | undefined;
  sort: RequestSort;
  page: number;
}

export const fieldIds: Record<string, string> = {
  title: 'request-title',
  description: 'request-description',
  purpose: 'request-purpose',
  contactEmail: 'request-contact-email',
  form: 'request-title',
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A day as people in Japan read it (2026年1月5日 / 5 January 2026), in Japan's time zone. */
export function formatDay(lang: Lang, at: Date): string {
  const locale = lang === 'en' ? 'en-GB' : 'ja-JP';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    dateFormats.set(locale, format);
  }
  return format.format(at);
}

export function dayElement(lang: Lang, at: Date): SafeHtml {
  const iso = new Date(at.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
  return html`<time datetime="${iso}">${formatDay(lang, at)}</time>`;
}

export function statusTag(ctx: PageContext, status: RequestStatus): SafeHtml {
  return html`<span class="status-tag" data-status="${status}">${th(ctx.lang, k(`status_${status}`))}</span>`;
}

/** Text written by a person, one paragraph per line (blank lines dropped). */
export function paragraphs(text: string): SafeHtml {
  return html`${text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => html`<p>${line}</p>`)}`;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function datasetLink(ctx: PageContext, dataset: { name: string; title: string }): SafeHtml {
  return html`<a href="${datasetPath(dataset.name)}" data-dataset="${dataset.name}">${th(ctx.lang, k('datasetLink'), { title: dataset.title })}</a>`;
}

const crumbs = (ctx: PageContext) => [
  { text: t(ctx.lang, k('catalogue')), href: '/open-data' },
  { text: t(ctx.lang, k('title')), href: '/open-data/requests' },
];

export function listUrl(filter: ListFilter, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.sort !== 'new') params.set('sort', filter.sort);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/open-data/requests${query ? `?${query}` : ''}`;
}

function select(
  id: string,
  name: string,
  label: SafeHtml,
  options: { value: string; label: string }[],
  chosen: string,
): SafeHtml {
  return html`<div class="form-field">
<label class="form-field__label" for="${id}">${label}</label>
<select class="form-field__select" id="${id}" name="${name}">
${options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ''}>${o.label}</option>`)}
</select>
</div>`;
}

export function filterForm(
  ctx: PageContext,
  action: string,
  filter: ListFilter,
  counts: Record<RequestStatus, number>,
): SafeHtml {
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return html`<form method="get" action="${action}" class="filter-form" aria-labelledby="filter-title">
<h2 id="filter-title">${th(ctx.lang, k('filterTitle'))}</h2>
${select(
  'filter-status',
  'status',
  th(ctx.lang, k('filterStatus')),
  [
    { value: '', label: t(ctx.lang, k('countValue'), { label: t(ctx.lang, k('filterAll')), count: all }) },
    ...requestStatuses.map((s) => ({
      value: s,
      label: t(ctx.lang, k('countValue'), { label: t(ctx.lang, k(`status_${s}`)), count: counts[s] }),
    })),
  ],
  filter.status ?? '',
)}
${select(
  'filter-sort',
  'sort',
  th(ctx.lang, k('sortLabel')),
  requestSorts.map((s) => ({ value: s, label: t(ctx.lang, k(`sort_${s}`)) })),
  filter.sort,
)}
${button({ text: t(ctx.lang, k('filterSubmit')), variant: 'secondary' })}
</form>`;
}

export function pagination(ctx: PageContext, page: Page<unknown>, url: (page: number) => string): SafeHtml | string {
  const current = Math.floor(page.offset / page.limit) + 1;
  const last = Math.max(1, Math.ceil(page.total / page.limit));
  if (last === 1) return '';
  return html`<nav class="pagination" aria-label="${t(ctx.lang, k('pagination'))}"><ul class="button-group">
${current > 1 ? html`<li><a href="${url(current - 1)}" rel="prev">${th(ctx.lang, k('pagePrev'))}</a></li>` : ''}
<li>${th(ctx.lang, k('pageOf'), { page: current, pages: last })}</li>
${current < last ? html`<li><a href="${url(current + 1)}" rel="next">${th(ctx.lang, k('pageNext'))}</a></li>` : ''}
</ul></nav>`;
}

function listItem(ctx: PageContext, r: PublicDataRequest): SafeHtml {
  return html`<li class="card" data-request="${String(r.number)}">
<h3><a href="/open-data/requests/${String(r.number)}">${r.title}</a></h3>
<p>${statusTag(ctx, r.status)} <span data-support-count="${String(r.supportCount)}">${th(ctx.lang, k('supportCount'), { count: r.supportCount })}</span></p>
<p>${shorten(r.description, 200)}</p>
${r.purpose ? html`<p><strong>${th(ctx.lang, k('purposeLabel'))}</strong>: ${shorten(r.purpose, 120)}</p>` : ''}
${
  r.answer || r.dataset
    ? html`<div class="request-answer"><p><strong>${th(ctx.lang, k('answerLabel'))}</strong>${r.answeredAt ? html`（${dayElement(ctx.lang, r.answeredAt)}）` : ''}: ${shorten(r.answer, 200)}</p>
${r.dataset ? html`<p>${datasetLink(ctx, r.dataset)}</p>` : ''}</div>`
    : ''
}
<p class="item-list__meta">${th(ctx.lang, k('requestedOn'))}: ${dayElement(ctx.lang, r.createdAt)}</p>
</li>`;
}

export function listPage(
  ctx: PageContext,
  page: Page<PublicDataRequest> & { counts: Record<RequestStatus, number> },
  filter: ListFilter,
): string {
  // A page past the end (an old link) shows none, and says so.
  const from = page.items.length === 0 ? 0 : page.offset + 1;
  const to = page.items.length === 0 ? 0 : page.offset + page.items.length;
  return renderPage(ctx, {
    title: t(ctx.lang, k('title')),
    breadcrumbs: [{ text: t(ctx.lang, k('catalogue')), href: '/open-data' }],
    body: html`${pageHeading({ text: th(ctx.lang, k('title')), lead: th(ctx.lang, k('lead')) })}
<p>${button({ text: t(ctx.lang, k('newLink')), href: '/open-data/requests/new' })}</p>
${filterForm(ctx, '/open-data/requests', filter, page.counts)}
<section aria-labelledby="results-title">
<h2 id="results-title">${th(ctx.lang, k('resultsTitle'))}</h2>
<p role="status">${th(ctx.lang, k('resultCount'), { total: page.total, from, to })}</p>
${
  page.items.length === 0
    ? html`<p>${th(ctx.lang, k('none'))}</p>`
    : html`<ul class="card-list">${page.items.map((r) => listItem(ctx, r))}</ul>`
}
${pagination(ctx, page, (p) => listUrl(filter, p))}
</section>`,
  });
}

export function newRequestPage(ctx: PageContext, form: { token: string; state: FormState }): string {
  const errors = form.state.errors ?? [];
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const value = (name: string) => form.state.values?.[name] ?? '';
  const optional = (name: string) => {
    const error = errorOf(name);
    return error ? { error } : {};
  };
  const heading = t(ctx.lang, k('newTitle'));
  return renderPage(ctx, {
    title: errors.length > 0 ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${heading}` : heading,
    breadcrumbs: crumbs(ctx),
    body: html`${errorSummary({
      title: t(ctx.lang, 'platform.errorSummaryTitle'),
      errors: errors.map((e) => ({ text: e.message, href: `#${fieldIds[e.field] ?? fieldIds.title}` })),
    })}
${pageHeading({ text: th(ctx.lang, k('newTitle')), lead: th(ctx.lang, k('newLead')) })}
<form method="post" action="/open-data/requests" novalidate>
${csrfInput(ctx)}
<input type="hidden" name="formToken" value="${form.token}">
${textInput({
  id: fieldIds.title!,
  name: 'title',
  label: t(ctx.lang, k('fieldTitle')),
  hint: t(ctx.lang, k('fieldTitleHint'), { limit: titleLimit }),
  value: value('title'),
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...optional('title'),
})}
${textarea({
  id: fieldIds.description!,
  name: 'description',
  label: t(ctx.lang, k('fieldDescription')),
  hint: t(ctx.lang, k('fieldDescriptionHint'), { limit: descriptionLimit.toLocaleString('ja-JP') }),
  value: value('description'),
  rows: 8,
  maxlength: descriptionLimit,
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...optional('description'),
})}
${textarea({
  id: fieldIds.purpose!,
  name: 'purpose',
  label: t(ctx.lang, k('fieldPurpose')),
  hint: t(ctx.lang, k('fieldPurposeHint'), { limit: purposeLimit.toLocaleString('ja-JP') }),
  value: value('purpose'),
  rows: 4,
  maxlength: purposeLimit,
  ...optional('purpose'),
})}
${textInput({
  id: fieldIds.contactEmail!,
  name: 'contactEmail',
  type: 'email',
  label: t(ctx.lang, k('fieldContact')),
  hint: t(ctx.lang, k('fieldContactHint')),
  value: value('contactEmail'),
  autocomplete: 'email',
  ...optional('contactEmail'),
})}
<div hidden><label for="request-website">${th(ctx.lang, k('trapLabel'))}</label><input id="request-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<p class="form-note">${th(ctx.lang, k('privacy'))}</p>
${button({ text: t(ctx.lang, k('submit')) })}
</form>`,
  });
}

export type RequestNotice = 'created' | 'repeated' | 'supported' | 'already';

function noticeBanner(ctx: PageContext, r: PublicDataRequest, notice: RequestNotice | undefined): SafeHtml | string {
  switch (notice) {
    case 'created':
    case 'repeated':
      return notificationBanner({
        kind: 'success',
        title: t(ctx.lang, k('createdTitle')),
        body: html`<p>${th(ctx.lang, k('createdBody'), { number: r.number })}</p>
${notice === 'repeated' ? html`<p>${th(ctx.lang, k('createdRepeated'))}</p>` : ''}`,
      });
    case 'supported':
      return notificationBanner({
        kind: 'success',
        title: t(ctx.lang, k('supportedTitle')),
        body: html`<p>${th(ctx.lang, k('supportedBody'))}</p>`,
      });
    case 'already':
      return notificationBanner({
        title: t(ctx.lang, k('alreadyTitle')),
        body: html`<p>${th(ctx.lang, k('alreadyBody'))}</p>`,
      });
    default:
      return '';
  }
}

function supportSection(ctx: PageContext, r: PublicDataRequest, supportedByViewer: boolean): SafeHtml {
  const body = supportedByViewer
    ? html`<p data-supported>${th(ctx.lang, k('supportedByYou'))}</p>`
    : acceptsSupport(r.status)
      ? html`<p>${th(ctx.lang, k('supportLead'))}</p>
<form method="post" action="/open-data/requests/${String(r.number)}/supports">
${csrfInput(ctx)}
${button({ text: t(ctx.lang, k('supportButton')) })}
</form>`
      : html`<p>${th(ctx.lang, k('supportClosed'))}</p>`;
  return html`<section aria-labelledby="support-title">
<h2 id="support-title">${th(ctx.lang, k('supportTitle'))}</h2>
<p><strong data-support-count="${String(r.supportCount)}">${th(ctx.lang, k('supportCountLong'), { count: r.supportCount })}</strong></p>
${body}
</section>`;
}

export function requestPage(
  ctx: PageContext,
  view: { request: PublicDataRequest; supportedByViewer: boolean },
  notice?: RequestNotice,
): string {
  const r = view.request;
  return renderPage(ctx, {
    title: r.title,
    breadcrumbs: crumbs(ctx),
    body: html`${noticeBanner(ctx, r, notice)}
${pageHeading({ text: r.title, caption: t(ctx.lang, k('numberCaption'), { number: r.number }) })}
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('statusLabel'))}</dt><dd>${statusTag(ctx, r.status)}</dd></div>
<div><dt>${th(ctx.lang, k('requestedOn'))}</dt><dd>${dayElement(ctx.lang, r.createdAt)}</dd></div>
<div><dt>${th(ctx.lang, k('supports'))}</dt><dd>${th(ctx.lang, k('supportCount'), { count: r.supportCount })}</dd></div>
</dl>
<h2>${th(ctx.lang, k('descriptionLabel'))}</h2>
${paragraphs(r.description)}
${r.purpose ? html`<h2>${th(ctx.lang, k('purposeLabel'))}</h2>${paragraphs(r.purpose)}` : ''}
<section aria-labelledby="answer-title">
<h2 id="answer-title">${th(ctx.lang, k('answerLabel'))}</h2>
${
  r.answer || r.dataset
    ? html`${r.answeredAt ? html`<p class="item-list__meta">${th(ctx.lang, k('answeredOn'))}: ${dayElement(ctx.lang, r.answeredAt)}</p>` : ''}
${paragraphs(r.answer)}
${r.dataset ? html`<p>${datasetLink(ctx, r.dataset)}</p>` : ''}`
    : html`<p>${th(ctx.lang, k('noAnswer'))}</p>`
}
</section>
${supportSection(ctx, r, view.supportedByViewer)}
<p><a href="/open-data/requests">${th(ctx.lang, k('backToList'))}</a></p>`,
  });
}
