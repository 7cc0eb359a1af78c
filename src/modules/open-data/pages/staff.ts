// Staff pages of the catalogue, all plain HTML forms: the list of the department's datasets with the KPI
// figures, the metadata form (new and edit), the resources of a dataset with the upload and link forms, and
// the confirmation pages for deleting a dataset or removing a resource.
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { fileInput } from '../../../platform/pages/components/file-input/file-input.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, type SafeHtml } from '../../../platform/pages/html.ts';
import { csrfInput, type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { k } from '../messages-staff.ts';
import { type Dataset, frequencies, type GroupRef, type Resource, uploadFormats } from '../model.ts';
/** Where the public sees a dataset (the public pages' address). */
import { datasetPath as publicDatasetPath } from '../urls.ts';
import type { CatalogueStats } from '../use-cases/catalogue-stats.ts';
import {
  area,
  dateTime,
  errorOf,
  fileSize,
  idOf,
  input,
  noticeBanner,
  number,
  radiosOrChecks,
  type StaffFormState,
  select,
  staffCrumbs,
  summaryOfErrors,
  titleWithErrors,
} from './staff-form.ts';

export type { StaffFormState } from './staff-form.ts';
export { publicDatasetPath };
export const staffDatasetPath = (name: string) => `/staff/open-data/datasets/${encodeURIComponent(name)}`;

/** The largest CSV the upload form accepts (streamed to disk, then checked in bounded memory). */
export const csvUploadLimit = 2 * 1024 ** 3;

export function stateKey(d: Pick<Dataset, 'state' | 'private'>): string {
  if (d.state === 'active') return d.private ? 'state_private' : 'state_active';
  return `state_${d.state}`;
}

export interface StaffListView {
  datasets: Dataset[];
  count: number;
  page: number;
  pageSize: number;
  q: string;
  /** A DX administrator sees every department's datasets. */
  all: boolean;
  stats: CatalogueStats;
}

function kpi(ctx: PageContext, stats: CatalogueStats): SafeHtml {
  const figure = (labelKey: string, n: number) =>
    html`<div><dt>${th(ctx.lang, k(labelKey))}</dt><dd data-kpi="${labelKey}">${th(ctx.lang, k('kpiCount'), { count: number(n) })}</dd></div>`;
  return html`<section aria-labelledby="kpi-title">
<h2 id="kpi-title">${th(ctx.lang, k('kpiTitle'))}</h2>
<dl class="summary-list">
${figure('kpiDatasets', stats.datasets)}
${figure('kpiResources', stats.resources)}
${figure('kpiDownloadsFiscal', stats.downloadsThisFiscalYear)}
</dl>
${
  stats.downloadsByMonth.length === 0
    ? html`<p>${th(ctx.lang, k('kpiMonthNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-downloads-by-month>
<caption>${th(ctx.lang, k('kpiMonthCaption'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colMonth'))}</th><th scope="col">${th(ctx.lang, k('colDownloads'))}</th></tr></thead>
<tbody>${stats.downloadsByMonth.map((m) => html`<tr><th scope="row">${m.month}</th><td>${number(m.count)}</td></tr>`)}</tbody>
</table></div>`
}
${
  stats.popular.length === 0
    ? ''
    : html`<div class="table-scroll"><table class="table">
<caption>${th(ctx.lang, k('popularCaption'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colTitle'))}</th><th scope="col">${th(ctx.lang, k('colDownloads'))}</th></tr></thead>
<tbody>${stats.popular.map((p) => html`<tr><td><a href="${staffDatasetPath(p.name)}">${p.title}</a></td><td>${number(p.downloads)}</td></tr>`)}</tbody>
</table></div>`
}
</section>`;
}

function pager(ctx: PageContext, v: StaffListView): SafeHtml | string {
  const pages = Math.max(1, Math.ceil(v.count / v.pageSize));
  if (pages <= 1) return '';
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (v.q) params.set('q', v.q);
    params.set('page', String(page));
    return `/staff/open-data?${params.toString()}`;
  };
  return html`<nav aria-label="${t(ctx.lang, k('pagination'))}"><ul class="link-list">
${v.page > 1 ? html`<li><a href="${href(v.page - 1)}" rel="prev">${th(ctx.lang, k('pagePrev'))}</a></li>` : ''}
${v.page < pages ? html`<li><a href="${href(v.page + 1)}" rel="next">${th(ctx.lang, k('pageNext'))}</a></li>` : ''}
</ul></nav>`;
}

export function staffListPage(ctx: PageContext, v: StaffListView, state: StaffFormState = {}): string {
  const title = t(ctx.lang, k('title'));
  return renderPage(ctx, {
    title,
    breadcrumbs: staffCrumbs(ctx, false),
    body: html`${noticeBanner(ctx, state)}${pageHeading({ text: title })}
<p>${th(ctx.lang, k(v.all ? 'leadAll' : 'lead'))}</p>
<p>${button({ text: t(ctx.lang, k('create')), href: '/staff/open-data/datasets/new' })}</p>
<nav aria-labelledby="other-pages"><h2 id="other-pages" class="visually-hidden">${th(ctx.lang, k('links'))}</h2>
<ul class="link-list">
<li><a href="/staff/open-data/requests">${th(ctx.lang, k('linkRequests'))}</a></li>
<li><a href="/staff/open-data/tokens">${th(ctx.lang, k('linkTokens'))}</a></li>
${v.all ? html`<li><a href="/staff/open-data/groups">${th(ctx.lang, k('linkGroups'))}</a></li>` : ''}
<li><a href="/open-data">${th(ctx.lang, k('linkPublic'))}</a></li>
</ul></nav>
<form method="get" action="/staff/open-data" role="search">
<div class="form-field"><label class="form-field__label" for="filter-q">${th(ctx.lang, k('filterLabel'))}</label>
<input class="form-field__input" id="filter-q" name="q" type="search" value="${v.q}"></div>
${button({ text: t(ctx.lang, k('filterButton')), variant: 'secondary' })}
</form>
${
  v.datasets.length === 0
    ? html`<p>${th(ctx.lang, k('listNone'))}</p>`
    : html`<div class="table-scroll"><table class="table" data-datasets>
<caption>${th(ctx.lang, k('listCaption'))}（${th(ctx.lang, k('listCount'), { count: number(v.count) })}）</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colTitle'))}</th><th scope="col">${th(ctx.lang, k('colOrganization'))}</th><th scope="col">${th(ctx.lang, k('colState'))}</th><th scope="col">${th(ctx.lang, k('colResources'))}</th><th scope="col">${th(ctx.lang, k('colModified'))}</th></tr></thead>
<tbody>${v.datasets.map(
        (d) =>
          html`<tr data-dataset="${d.name}"><td><a href="${staffDatasetPath(d.name)}">${d.title}</a></td><td>${ctx.lang === 'en' ? d.organization.titleEn : d.organization.title}</td><td><span class="status-tag">${th(ctx.lang, k(stateKey(d)))}</span></td><td>${String(d.resources.length)}</td><td>${dateTime(d.modifiedAt)}</td></tr>`,
      )}</tbody>
</table></div>`
}
${pager(ctx, v)}
${kpi(ctx, v.stats)}`,
  });
}

export interface DatasetFormView {
  /** Undefined on the page that creates one. */
  dataset?: Dataset | undefined;
  /** Departments the staff member publishes for. */
  organizations: { code: string; name: string }[];
  groups: GroupRef[];
  standards: { id: string; title: string }[];
  /** The resource the upload form replaces (?replace=<id>). */
  replace?: Resource | undefined;
}

function metadataFields(ctx: PageContext, state: StaffFormState, v: DatasetFormView): SafeHtml {
  const f = 'dataset';
  const d = v.dataset;
  return html`${
    d
      ? html`<p>${th(ctx.lang, k('nameFixed'), { name: d.name })}</p>`
      : input(ctx, state, f, 'name', 'fieldName', { hint: 'fieldNameHint', required: true })
  }
${input(ctx, state, f, 'title', 'fieldTitle', { value: d?.title, required: true })}
${area(ctx, state, f, 'notes', 'fieldNotes', { hint: 'fieldNotesHint', value: d?.notes, rows: 6 })}
${select(
  ctx,
  state,
  f,
  'owner_org',
  'fieldOrganization',
  v.organizations.map((o) => ({ value: o.code, label: o.name })),
  d?.organization.name ?? v.organizations[0]?.code ?? '',
  { required: true },
)}
${radiosOrChecks(
  ctx,
  state,
  f,
  'license_id',
  'fieldLicense',
  'radio',
  [
    { value: 'cc-by-4.0', label: t(ctx.lang, k('licenseCcBy')) },
    { value: 'pdl-1.0', label: t(ctx.lang, k('licensePdl')) },
  ],
  [d?.licenseId ?? 'cc-by-4.0'],
  { required: true },
)}
${select(
  ctx,
  state,
  f,
  'frequency',
  'fieldFrequency',
  Object.keys(frequencies).map((code) => ({ value: code, label: t(ctx.lang, k(`freq_${code}`)) })),
  d?.frequency ?? 'irregular',
)}
${input(ctx, state, f, 'spatial', 'fieldSpatial', { hint: 'fieldSpatialHint', value: d?.spatial })}
${input(ctx, state, f, 'temporal_start', 'fieldTemporalStart', { hint: 'fieldDateHint', value: d?.temporalStart ?? '' })}
${input(ctx, state, f, 'temporal_end', 'fieldTemporalEnd', { hint: 'fieldDateHint', value: d?.temporalEnd ?? '' })}
${input(ctx, state, f, 'maintainer', 'fieldContactName', { value: d?.contactName })}
${input(ctx, state, f, 'maintainer_email', 'fieldContactEmail', { value: d?.contactEmail, type: 'email' })}
${select(
  ctx,
  state,
  f,
  'standard',
  'fieldStandard',
  [{ value: '', label: t(ctx.lang, k('standardNone')) }, ...v.standards.map((s) => ({ value: s.id, label: s.title }))],
  d?.standard ?? '',
  { hint: 'fieldStandardHint' },
)}
${input(ctx, state, f, 'tags', 'fieldTags', { hint: 'fieldTagsHint', value: d?.tags.join('、') })}
${
  v.groups.length > 0
    ? radiosOrChecks(
        ctx,
        state,
        f,
        'groups',
        'fieldGroups',
        'checkbox',
        v.groups.map((g) => ({ value: g.name, label: g.title })),
        d?.groups.map((g) => g.name) ?? [],
      )
    : ''
}
${radiosOrChecks(
  ctx,
  state,
  f,
  'private',
  'fieldVisibility',
  'checkbox',
  [{ value: 'on', label: t(ctx.lang, k('fieldPrivate')) }],
  d?.private ? ['on'] : [],
)}`;
}

/** The error summary's field for a use case's field: a file problem belongs to the file input. */
export const uploadFieldOf = (field: string) => (field === 'upload' ? 'file' : field);

export function newDatasetPage(ctx: PageContext, v: DatasetFormView, state: StaffFormState): string {
  const title = t(ctx.lang, k('newTitle'));
  return renderPage(ctx, {
    title: titleWithErrors(ctx, state, title),
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state)}${pageHeading({ text: title, lead: th(ctx.lang, k('newLead')) })}
<form method="post" action="/staff/open-data/datasets" novalidate>
${csrfInput(ctx)}
${metadataFields(ctx, state, v)}
${button({ text: t(ctx.lang, k('submitCreate')) })}
</form>`,
  });
}

function resourcesTable(ctx: PageContext, d: Dataset): SafeHtml {
  if (d.resources.length === 0) return html`<p>${th(ctx.lang, k('resourcesNone'))}</p>`;
  const base = staffDatasetPath(d.name);
  return html`<div class="table-scroll"><table class="table" data-resources>
<caption class="visually-hidden">${th(ctx.lang, k('resourcesTitle'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('colResourceName'))}</th><th scope="col">${th(ctx.lang, k('colFormat'))}</th><th scope="col">${th(ctx.lang, k('colSize'))}</th><th scope="col">${th(ctx.lang, k('colRows'))}</th><th scope="col">${th(ctx.lang, k('colModified'))}</th><th scope="col">${th(ctx.lang, k('colActions'))}</th></tr></thead>
<tbody>${d.resources.map(
    (
      r,
    ) => html`<tr data-resource="${r.id}"><td>${r.urlType === 'link' ? html`<a href="${r.url}">${r.name}</a>` : r.name}</td>
<td>${r.format || '—'}${r.urlType === 'link' ? html`（${th(ctx.lang, k('linkKind'))}）` : ''}</td>
<td>${r.urlType === 'upload' ? fileSize(r.size) : '—'}</td>
<td>${r.rowCount === null ? '—' : number(r.rowCount)}</td>
<td>${dateTime(r.modifiedAt)}</td>
<td>${r.urlType === 'upload' ? html`<a href="${base}?replace=${r.id}#upload" aria-label="${t(ctx.lang, k('replaceLabel'), { name: r.name })}">${th(ctx.lang, k('replace'))}</a> ` : ''}<a href="${base}/resources/${r.id}/delete" aria-label="${t(ctx.lang, k('removeLabel'), { name: r.name })}">${th(ctx.lang, k('remove'))}</a></td></tr>`,
  )}</tbody>
</table></div>`;
}

/**
 * The upload form. `action` is the dataset's upload address; `from` is the upload whose report page holds
 * the form (a fixed file for the same dataset and the same resource), so errors come back to that page.
 */
export function uploadForm(
  ctx: PageContext,
  state: StaffFormState,
  opts: {
    datasetName: string;
    replace?: Resource | null | undefined;
    from?: string | undefined;
    name?: string | undefined;
    description?: string | undefined;
    headingKey: string;
  },
): SafeHtml {
  const f = 'upload';
  const fileError = errorOf(state, f, 'file');
  const hidden = (name: string, value: string | undefined) =>
    value ? html`<input type="hidden" name="${name}" value="${value}">` : '';
  return html`<section id="upload" aria-labelledby="upload-title">
<h2 id="upload-title">${opts.replace && !opts.from ? th(ctx.lang, k('uploadReplaceTitle'), { name: opts.replace.name }) : th(ctx.lang, k(opts.headingKey))}</h2>
<p>${th(ctx.lang, k('uploadLead'))}</p>
<form method="post" action="${staffDatasetPath(opts.datasetName)}/uploads" enctype="multipart/form-data" novalidate>
${csrfInput(ctx)}
${hidden('resourceId', opts.replace?.id)}
${hidden('from', opts.from)}
${fileInput({
  id: idOf(f, 'file'),
  name: 'file',
  label: t(ctx.lang, k('fieldFile')),
  hint: t(ctx.lang, k('fieldFileHint')),
  accept: '.csv,.json,.geojson,.xlsx,.pdf,text/csv,application/json,application/geo+json,application/pdf',
  required: true,
  requiredLabel: t(ctx.lang, 'platform.apiRequired'),
  ...(fileError ? { error: fileError } : {}),
})}
${input(ctx, state, f, 'name', 'fieldResourceName', { hint: 'fieldResourceNameHint', value: opts.name ?? opts.replace?.name ?? '' })}
${area(ctx, state, f, 'description', 'fieldResourceDescription', { value: opts.description ?? opts.replace?.description ?? '', rows: 3 })}
${select(
  ctx,
  state,
  f,
  'format',
  'fieldFormat',
  [
    { value: '', label: t(ctx.lang, k('formatAuto')) },
    ...uploadFormats.map((u) => ({ value: u.toLowerCase(), label: u })),
  ],
  '',
)}
${button({ text: t(ctx.lang, k('uploadButton')) })}
</form>
${opts.replace && !opts.from ? html`<p><a href="${staffDatasetPath(opts.datasetName)}#upload">${th(ctx.lang, k('cancelReplace'))}</a></p>` : ''}
</section>`;
}

function linkForm(ctx: PageContext, state: StaffFormState, d: Dataset): SafeHtml {
  const f = 'link';
  return html`<section aria-labelledby="link-title">
<h2 id="link-title">${th(ctx.lang, k('linkTitle'))}</h2>
<form method="post" action="${staffDatasetPath(d.name)}/links" novalidate>
${csrfInput(ctx)}
${input(ctx, state, f, 'url', 'fieldUrl', { hint: 'fieldUrlHint', required: true })}
${input(ctx, state, f, 'name', 'fieldResourceName', { hint: 'fieldResourceNameHint' })}
${input(ctx, state, f, 'format', 'fieldLinkFormat', { hint: 'fieldLinkFormatHint' })}
${button({ text: t(ctx.lang, k('addLink')), variant: 'secondary' })}
</form>
</section>`;
}

export function editDatasetPage(
  ctx: PageContext,
  v: DatasetFormView & { dataset: Dataset },
  state: StaffFormState,
): string {
  const d = v.dataset;
  const title = t(ctx.lang, k('editTitle'), { title: d.title });
  const base = staffDatasetPath(d.name);
  return renderPage(ctx, {
    title: titleWithErrors(ctx, state, title),
    breadcrumbs: staffCrumbs(ctx),
    body: html`${summaryOfErrors(ctx, state, state.form === 'upload' ? uploadFieldOf : undefined)}${noticeBanner(ctx, state)}
${pageHeading({ text: d.title, caption: ctx.lang === 'en' ? d.organization.titleEn : d.organization.title })}
<p><span class="status-tag" data-state>${th(ctx.lang, k(stateKey(d)))}</span>${
      d.state === 'active' && !d.private
        ? html` <a href="${publicDatasetPath(d.name)}">${th(ctx.lang, k('viewPublic'))}</a> <a href="${publicDatasetPath(d.name)}/history">${th(ctx.lang, k('viewHistory'))}</a>`
        : ''
    }</p>
<h2>${th(ctx.lang, k('resourcesTitle'))}</h2>
${resourcesTable(ctx, d)}
${uploadForm(ctx, state, { datasetName: d.name, replace: v.replace, headingKey: 'uploadTitle' })}
${linkForm(ctx, state, d)}
<section aria-labelledby="metadata-title">
<h2 id="metadata-title">${th(ctx.lang, k('metadataTitle'))}</h2>
<form method="post" action="${base}" novalidate>
${csrfInput(ctx)}
${metadataFields(ctx, state, v)}
${button({ text: t(ctx.lang, k('submitSave')) })}
</form>
</section>
<p><a href="${base}/delete">${th(ctx.lang, k('deleteLink'))}</a></p>`,
  });
}

/** "Are you sure?" before deleting a dataset or removing a resource; the button posts to the same address. */
export function confirmPage(
  ctx: PageContext,
  opts: { titleKey: string; lead: SafeHtml; action: string; back: string },
): string {
  const title = t(ctx.lang, k(opts.titleKey));
  return renderPage(ctx, {
    title,
    breadcrumbs: staffCrumbs(ctx),
    body: html`${pageHeading({ text: title })}
<p>${opts.lead}</p>
<form method="post" action="${opts.action}" novalidate>
${csrfInput(ctx)}
<div class="button-group">${button({ text: t(ctx.lang, k('deleteConfirm')) })} <a href="${opts.back}">${th(ctx.lang, k('cancel'))}</a></div>
</form>`,
  });
}
