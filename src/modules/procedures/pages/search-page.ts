// /procedures: a search box, filters as fieldsets, the result list with paging, and the life events.
// A plain GET form: it works without JavaScript and every result page has its own address.
import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import type { LifeEvent } from '../definition.ts';
import type { SearchQuery } from '../schema.ts';
import type { ProcedureSummary } from '../use-cases/search-procedures.ts';
import { availabilityBadge, type Department, departmentName, feeText, localized } from './common.ts';

export interface SearchPageView {
  query: SearchQuery;
  total: number;
  items: ProcedureSummary[];
  lifeEvents: { lifeEvent: LifeEvent; count: number }[];
  departments: Department[];
}

function queryString(query: SearchQuery, offset: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.lifeEvent) params.set('lifeEvent', query.lifeEvent);
  if (query.department) params.set('department', query.department);
  if (query.online) params.set('online', 'true');
  if (query.filer) params.set('filer', query.filer);
  if (offset > 0) params.set('offset', String(offset));
  const s = params.toString();
  return s ? `/procedures?${s}` : '/procedures';
}

function radios(name: string, legend: string, options: [string, string][], current: string): SafeHtml {
  return html`<fieldset class="fieldset procedure-filter"><legend class="form-field__label">${legend}</legend>${options.map(
    ([value, label], i) =>
      html`<div class="radio"><input type="radio" id="${name}-${i}" name="${name}" value="${value}"${value === current ? html` checked` : ''}><label for="${name}-${i}">${label}</label></div>`,
  )}</fieldset>`;
}

function filters(lang: Lang, view: SearchPageView): SafeHtml {
  const q = view.query;
  const bureaus = view.departments.filter((d) => d.parentCode === null && d.kind === 'bureau');
  const departmentOptions: [string, string][] = [
    ['', t(lang, 'procedures.anyOption')],
    ['ward', t(lang, 'procedures.wardOption')],
    ...bureaus.map((d): [string, string] => [d.code, lang === 'en' ? d.nameEn : d.nameJa]),
  ];
  return html`<h2>${th(lang, 'procedures.filtersHeading')}</h2>
<div class="form-field"><label class="form-field__label" for="department">${th(lang, 'procedures.departmentLabel')}</label>
<select class="form-field__input" id="department" name="department">${departmentOptions.map(
    ([value, label]) =>
      html`<option value="${value}"${value === (q.department ?? '') ? html` selected` : ''}>${label}</option>`,
  )}</select></div>
${radios(
  'filer',
  t(lang, 'procedures.filerLegend'),
  [
    ['', t(lang, 'procedures.anyOption')],
    ['resident', t(lang, 'procedures.filerResident')],
    ['business', t(lang, 'procedures.filerBusiness')],
  ],
  q.filer ?? '',
)}
<fieldset class="fieldset procedure-filter"><legend class="form-field__label">${th(lang, 'procedures.onlineLegend')}</legend>
<div class="radio"><input type="checkbox" id="online" name="online" value="true"${q.online ? html` checked` : ''}><label for="online">${th(lang, 'procedures.onlineOnly')}</label></div></fieldset>
${radios(
  'lifeEvent',
  t(lang, 'procedures.lifeEventLegend'),
  [
    ['', t(lang, 'procedures.anyOption')],
    ...view.lifeEvents.map((e): [string, string] => [e.lifeEvent, t(lang, `procedures.lifeEvent.${e.lifeEvent}`)]),
  ],
  q.lifeEvent ?? '',
)}`;
}

function result(lang: Lang, p: ProcedureSummary, departments: Department[]): SafeHtml {
  const name = lang === 'en' ? p.nameEn : p.name;
  return html`<li class="card">
<h3><a href="/procedures/${p.code}">${name}</a></h3>
<p>${availabilityBadge(lang, p.availability)}${p.full ? html` <span>${th(lang, 'procedures.fullBadge')}</span>` : ''}</p>
<p>${localized(lang, p.description)}</p>
<dl class="summary-list">
<div><dt>${th(lang, 'procedures.departmentHeading')}</dt><dd>${departmentName(lang, p.department, departments)}</dd></div>
<div><dt>${th(lang, 'procedures.feeLabel')}</dt><dd>${feeText(lang, p.fee)}</dd></div>
</dl>
</li>`;
}

function paging(lang: Lang, view: SearchPageView): SafeHtml {
  const { offset, limit } = view.query;
  const links: SafeHtml[] = [];
  if (offset > 0) {
    links.push(
      html`<li><a href="${queryString(view.query, Math.max(0, offset - limit))}" rel="prev">${th(lang, 'procedures.previousPage')}</a></li>`,
    );
  }
  if (offset + limit < view.total) {
    links.push(
      html`<li><a href="${queryString(view.query, offset + limit)}" rel="next">${th(lang, 'procedures.nextPage')}</a></li>`,
    );
  }
  if (links.length === 0) return html``;
  return html`<nav aria-label="${t(lang, 'procedures.pagination')}"><ul class="link-list">${links}</ul></nav>`;
}

function lifeEventLinks(lang: Lang, view: SearchPageView): SafeHtml {
  return html`<h2>${th(lang, 'procedures.lifeEventsHeading')}</h2>
<ul class="link-list">${view.lifeEvents.map(
    (e) =>
      html`<li><a href="/procedures?lifeEvent=${e.lifeEvent}">${th(lang, `procedures.lifeEvent.${e.lifeEvent}`)}<p>${th(lang, 'procedures.lifeEventCount', { count: e.count })}</p></a></li>`,
  )}</ul>`;
}

export function renderSearchPage(ctx: PageContext, view: SearchPageView): string {
  const { lang } = ctx;
  const city = ctx.tenant ? (lang === 'en' ? ctx.tenant.nameEn : ctx.tenant.name) : '';
  const q = view.query;
  const searched = Boolean(q.q || q.lifeEvent || q.department || q.online || q.filer);
  const from = view.total === 0 ? 0 : q.offset + 1;
  const to = Math.min(q.offset + q.limit, view.total);
  return renderPage(ctx, {
    title: t(lang, 'procedures.title'),
    breadcrumbs: [{ text: t(lang, 'platform.home'), href: '/' }],
    body: html`${pageHeading({ text: th(lang, 'procedures.title'), lead: th(lang, 'procedures.lead', { city }) })}
<form method="get" action="/procedures" role="search">
<div class="form-field"><label class="form-field__label" for="q">${th(lang, 'procedures.searchLabel')}</label>
<p class="form-field__hint" id="q-hint">${th(lang, 'procedures.searchHint')}</p>
<input class="form-field__input" id="q" name="q" type="search" value="${q.q ?? ''}" aria-describedby="q-hint"></div>
${filters(lang, view)}
${button({ text: t(lang, 'procedures.searchButton') })}
</form>
${
  searched
    ? html`<h2 id="results">${th(lang, 'procedures.resultsHeading')}</h2>
<p role="status">${th(lang, 'procedures.resultCount', { count: view.total })}${view.total > 0 ? html` ${th(lang, 'procedures.resultRange', { from, to })}` : ''}</p>
${view.total === 0 ? html`<p>${th(lang, 'procedures.noResults')}</p>` : html`<ul class="card-list">${view.items.map((p) => result(lang, p, view.departments))}</ul>`}
${paging(lang, view)}`
    : ''
}
${lifeEventLinks(lang, view)}`,
  });
}
