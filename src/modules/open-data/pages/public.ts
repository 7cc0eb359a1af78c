// The open data catalogue's search page (/open-data): a keyword box, facet checkboxes with counts, sort and
// pages, all one GET form that works with no JavaScript; the catalogue's figures (datasets, downloads this
// fiscal year), the most downloaded datasets, and the ways in for programs (CKAN API, DCAT).
import { type Lang, t, th } from '../../../platform/i18n/i18n.ts';
import { toWareki } from '../../../platform/ja/wareki.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { choices } from '../../../platform/pages/components/choices/choices.ts';
import { errorSummary } from '../../../platform/pages/components/error-summary/error-summary.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { textInput } from '../../../platform/pages/components/text-input/text-input.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { type Dataset, licenses } from '../model.ts';
import type { CatalogueStats } from '../use-cases/catalogue-stats.ts';
import type { CatalogueResult } from '../use-cases/search-catalogue.ts';

export const k = (key: string) => `openData.${key}`;

/** The page's filters, named as CKAN names the fields (so a filter reads the same in the page and in fq). */
export const searchFacetFields = ['organization', 'tags', 'res_format', 'license_id', 'groups'] as const;
export type SearchFacetField = (typeof searchFacetFields)[number];

export const rowsPerPage = 20;

/** Sort orders offered in the form; any other CKAN sort string in the address is passed on as given. */
export const sortOptions = [
  { value: '', key: 'sortRelevance' },
  { value: 'metadata_modified desc', key: 'sortModified' },
  { value: 'metadata_created desc', key: 'sortCreated' },
  { value: 'title_string asc', key: 'sortTitle' },
] as const;

export interface SearchState {
  q: string;
  sort: string;
  /** An extra CKAN filter query given in the address (advanced use; the form does not show it). */
  fq: string;
  filters: Record<SearchFacetField, string[]>;
  page: number;
}

export interface CatalogueView {
  state: SearchState;
  /** Undefined when the search could not run (see error). */
  result: CatalogueResult | undefined;
  /** Why the search could not run, in Japanese, and the field it is about. */
  error?: { message: string; field: 'q' | 'sort' | 'fq' } | undefined;
  stats: CatalogueStats;
}

// ---- helpers shared with the dataset and resource pages ----

const japanDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** A date (ISO day or instant) as people read it: 和暦 in Japanese, YYYY-MM-DD in English. */
export function dateText(lang: Lang, value: string | Date): string {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : japanDay.format(new Date(value));
  if (lang === 'en') return day;
  try {
    return toWareki(day).text;
  } catch {
    return day;
  }
}

/** Date and time in Japan: 令和8年4月1日 9:05. */
export function dateTimeText(lang: Lang, iso: string): string {
  const time = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${dateText(lang, iso)} ${time}`;
}

export function sizeText(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export const countText = (n: number) => n.toLocaleString('ja-JP');

export function licenseTitle(id: string): string {
  return (licenses as Record<string, { title: string } | undefined>)[id]?.title ?? id;
}

export function formatsOf(dataset: Dataset): string[] {
  return [...new Set(dataset.resources.map((r) => r.format).filter((f) => f !== ''))];
}

/** The first characters of a description, on one line. */
export function shortText(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

import { datasetPath } from '../urls.ts';

export { datasetPath };

/** The search page's address for one filter value (tags and groups on the dataset page link here). */
export function filterUrl(field: SearchFacetField, value: string): string {
  return `/open-data?${new URLSearchParams({ [field]: value }).toString()}`;
}

// ---- the search page ----

export function searchUrl(state: SearchState, change: Partial<SearchState> = {}): string {
  const s = { ...state, ...change };
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const field of searchFacetFields) for (const v of s.filters[field]) params.append(field, v);
  if (s.fq) params.set('fq', s.fq);
  if (s.sort) params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  const query = params.toString();
  return query ? `/open-data?${query}` : '/open-data';
}

function facetLabel(field: SearchFacetField, name: string, displayName: string): string {
  return field === 'license_id' ? licenseTitle(name) : displayName || name;
}

function facetFieldset(ctx: PageContext, view: CatalogueView, field: SearchFacetField): SafeHtml {
  const chosen = view.state.filters[field];
  const items = view.result?.searchFacets[field]?.items ?? [];
  const options = items.map((item) => ({
    value: item.name,
    label: t(ctx.lang, k('facetCount'), {
      name: facetLabel(field, item.name, item.display_name),
      count: countText(item.count),
    }),
  }));
  // A chosen value is kept in the list (so it can be unticked) even when the facet did not return it.
  for (const value of chosen) {
    if (!options.some((o) => o.value === value)) options.unshift({ value, label: facetLabel(field, value, value) });
  }
  if (options.length === 0) return html``;
  return choices({
    id: `facet-${field.replace('_', '-')}`,
    name: field,
    legend: t(ctx.lang, k(`facet_${field}`)),
    type: 'checkbox',
    options,
    chosen,
  });
}

function sortSelect(ctx: PageContext, sort: string, error: string | undefined): SafeHtml {
  return html`<div class="form-field${error ? ' form-field--error' : ''}">
<label class="form-field__label" for="search-sort">${th(ctx.lang, k('sortLabel'))}</label>
${error ? html`<p class="form-field__error" id="search-sort-error">${error}</p>` : ''}
<select class="form-field__select" id="search-sort" name="sort"${error ? html` aria-invalid="true" aria-describedby="search-sort-error"` : ''}>${sortOptions.map(
    (o) => html`<option value="${o.value}"${o.value === sort ? html` selected` : ''}>${t(ctx.lang, k(o.key))}</option>`,
  )}</select>
</div>`;
}

function chosenFilters(ctx: PageContext, view: CatalogueView): SafeHtml {
  const { state } = view;
  const chips = searchFacetFields.flatMap((field) =>
    state.filters[field].map((value) => {
      const item = view.result?.searchFacets[field]?.items.find((i) => i.name === value);
      const label = facetLabel(field, value, item?.display_name ?? value);
      const rest = state.filters[field].filter((v) => v !== value);
      return html`<li><a href="${searchUrl(state, { filters: { ...state.filters, [field]: rest }, page: 1 })}">${t(
        ctx.lang,
        k('removeFilter'),
        { field: t(ctx.lang, k(`facet_${field}`)), value: label },
      )}</a></li>`;
    }),
  );
  if (state.fq) {
    chips.push(
      html`<li><a href="${searchUrl(state, { fq: '', page: 1 })}">${t(ctx.lang, k('removeFilter'), {
        field: 'fq',
        value: state.fq,
      })}</a></li>`,
    );
  }
  if (chips.length === 0) return html``;
  return html`<section aria-labelledby="chosen-title">
<h2 id="chosen-title">${th(ctx.lang, k('chosenFilters'))}</h2>
<ul>${chips}</ul>
<p><a href="${searchUrl(state, { filters: emptyFilters(), fq: '', page: 1 })}">${th(ctx.lang, k('clearFilters'))}</a></p>
</section>`;
}

export function emptyFilters(): Record<SearchFacetField, string[]> {
  return { organization: [], tags: [], res_format: [], license_id: [], groups: [] };
}

function resultItem(ctx: PageContext, d: Dataset): SafeHtml {
  const formats = formatsOf(d);
  return html`<li class="card" data-dataset="${d.name}">
<h3><a href="${datasetPath(d.name)}">${d.title}</a></h3>
${d.notes ? html`<p>${shortText(d.notes)}</p>` : ''}
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('organization'))}</dt><dd>${ctx.lang === 'en' ? d.organization.titleEn : d.organization.title}</dd></div>
<div><dt>${th(ctx.lang, k('formats'))}</dt><dd>${formats.length > 0 ? formats.join('、') : t(ctx.lang, k('noResources'))}</dd></div>
<div><dt>${th(ctx.lang, k('modified'))}</dt><dd><time datetime="${d.modifiedAt}">${dateText(ctx.lang, d.modifiedAt)}</time></dd></div>
</dl>
</li>`;
}

function pager(ctx: PageContext, state: SearchState, count: number): SafeHtml {
  const pages = Math.ceil(count / rowsPerPage);
  if (pages <= 1) return html``;
  const current = state.page;
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return html`<nav aria-label="${t(ctx.lang, k('pagerLabel'))}"><ul class="button-group">
${current > 1 ? html`<li><a href="${searchUrl(state, { page: current - 1 })}" rel="prev">${th(ctx.lang, k('pagerPrevious'))}</a></li>` : ''}
${shown.map((p) =>
  p === current
    ? html`<li><span aria-current="page">${t(ctx.lang, k('pagerPage'), { page: p })}</span></li>`
    : html`<li><a href="${searchUrl(state, { page: p })}">${t(ctx.lang, k('pagerPage'), { page: p })}</a></li>`,
)}
${current < pages ? html`<li><a href="${searchUrl(state, { page: current + 1 })}" rel="next">${th(ctx.lang, k('pagerNext'))}</a></li>` : ''}
</ul></nav>`;
}

function results(ctx: PageContext, view: CatalogueView): SafeHtml {
  const { result, state } = view;
  if (!result) return html`<p>${th(ctx.lang, k('searchFailed'))}</p>`;
  if (result.count === 0) {
    return html`<p data-result-count="0">${th(ctx.lang, k('noResults'))}</p>`;
  }
  const from = (state.page - 1) * rowsPerPage + 1;
  const to = Math.min(from + result.datasets.length - 1, result.count);
  return html`<p data-result-count="${String(result.count)}">${th(ctx.lang, k('resultCount'), { count: countText(result.count) })}${
    result.datasets.length > 0 ? th(ctx.lang, k('resultRange'), { from: countText(from), to: countText(to) }) : ''
  }</p>
${result.datasets.length === 0 ? html`<p>${th(ctx.lang, k('pageBeyond'))}</p>` : html`<ol class="card-list">${result.datasets.map((d) => resultItem(ctx, d))}</ol>`}
${pager(ctx, state, result.count)}`;
}

function figures(ctx: PageContext, stats: CatalogueStats): SafeHtml {
  return html`<section aria-labelledby="figures-title">
<h2 id="figures-title">${th(ctx.lang, k('figuresTitle'))}</h2>
<dl class="summary-list">
<div><dt>${th(ctx.lang, k('figureDatasets'))}</dt><dd data-kpi="datasets">${th(ctx.lang, k('figureDatasetsValue'), { count: countText(stats.datasets) })}</dd></div>
<div><dt>${th(ctx.lang, k('figureDownloads'))}</dt><dd data-kpi="downloads">${th(ctx.lang, k('figureDownloadsValue'), { count: countText(stats.downloadsThisFiscalYear) })}</dd></div>
</dl>
${
  stats.popular.length > 0
    ? html`<h3>${th(ctx.lang, k('popularTitle'))}</h3>
<ol>${stats.popular
        .slice(0, 5)
        .map(
          (p) =>
            html`<li><a href="${datasetPath(p.name)}">${p.title}</a>（${t(ctx.lang, k('popularDownloads'), { count: countText(p.downloads) })}）</li>`,
        )}</ol>`
    : ''
}
</section>`;
}

function waysIn(ctx: PageContext, state: SearchState): SafeHtml {
  const api = `/api/3/action/package_search?${new URLSearchParams({ q: state.q || '*:*', rows: '10' }).toString()}`;
  return html`<section aria-labelledby="ways-title">
<h2 id="ways-title">${th(ctx.lang, k('waysTitle'))}</h2>
<ul>
<li><a href="/open-data/requests">${th(ctx.lang, k('requestsLink'))}</a></li>
<li><a href="${api}" type="application/json">${th(ctx.lang, k('apiLink'))}</a>: <code>${api}</code></li>
<li><a href="/open-data/catalog.jsonld" type="application/ld+json">${th(ctx.lang, k('dcatLink'))}</a></li>
</ul>
</section>`;
}

export function cataloguePage(ctx: PageContext, view: CatalogueView): string {
  const { state, error } = view;
  const fieldIds = { q: 'search-q', sort: 'search-sort', fq: 'search-q' };
  const title = t(ctx.lang, k('title'));
  return renderPage(ctx, {
    title: error ? `${t(ctx.lang, 'platform.errorSummaryTitle')}: ${title}` : title,
    body: html`${errorSummary({
      title: t(ctx.lang, k('searchErrorTitle')),
      errors: error ? [{ text: error.message, href: `#${fieldIds[error.field]}` }] : [],
    })}
${pageHeading({ text: th(ctx.lang, k('title')), lead: th(ctx.lang, k('lead')) })}
<form method="get" action="/open-data" role="search" aria-label="${t(ctx.lang, k('searchLabel'))}" novalidate>
${textInput({
  id: 'search-q',
  name: 'q',
  label: t(ctx.lang, k('keywordLabel')),
  hint: t(ctx.lang, k('keywordHint')),
  value: state.q,
  ...(error?.field === 'q' || error?.field === 'fq' ? { error: error.message } : {}),
})}
${sortSelect(ctx, state.sort, error?.field === 'sort' ? error.message : undefined)}
${state.fq ? html`<input type="hidden" name="fq" value="${state.fq}">` : ''}
${button({ text: t(ctx.lang, k('searchButton')) })}
${view.result && view.result.count > 0 ? html`<p><a href="#results-title">${th(ctx.lang, k('skipToResults'), { count: countText(view.result.count) })}</a></p>` : ''}
<h2>${th(ctx.lang, k('narrowTitle'))}</h2>
<p class="form-field__hint">${th(ctx.lang, k('narrowHint'))}</p>
${searchFacetFields.map((f) => facetFieldset(ctx, view, f))}
${button({ text: t(ctx.lang, k('narrowButton')), variant: 'secondary' })}
</form>
${chosenFilters(ctx, view)}
<section aria-labelledby="results-title">
<h2 id="results-title">${th(ctx.lang, k('resultsTitle'))}</h2>
${results(ctx, view)}
</section>
${figures(ctx, view.stats)}
${waysIn(ctx, state)}`,
  });
}
