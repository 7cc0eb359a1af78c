// A dataset's pages: the dataset (metadata, resources, its schema.org JSON-LD for search engines), its
// history of changes, and one resource (preview table, map of its points, the addresses programs use).
import { t, th } from '../../../platform/i18n/i18n.ts';
import { button } from '../../../platform/pages/components/button/button.ts';
import { pageHeading } from '../../../platform/pages/components/page-heading/page-heading.ts';
import { html, raw, type SafeHtml } from '../../../platform/pages/html.ts';
import { type PageContext, renderPage } from '../../../platform/pages/layout.ts';
import { webUrl } from '../dcat/vocabularies.ts';
import { standardSchemas } from '../ingest/index.ts';
import { type Dataset, licenses, type Resource } from '../model.ts';
import type { DatasetHistory, DatasetRevisionChanges } from '../use-cases/list-dataset-history.ts';
import type { DatastoreResult } from '../use-cases/search-datastore.ts';
import { countText, datasetPath, dateText, dateTimeText, filterUrl, k, licenseTitle, sizeText } from './public.ts';

const crumbs = (ctx: PageContext) => [{ text: t(ctx.lang, k('title')), href: '/open-data' }];
const datasetCrumbs = (ctx: PageContext, d: Dataset) => [...crumbs(ctx), { text: d.title, href: datasetPath(d.name) }];

export const resourcePath = (d: Dataset, r: Resource) => `${datasetPath(d.name)}/resources/${r.id}`;

const paragraphs = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => html`<p>${line}</p>`);

function organizationName(ctx: PageContext, d: Dataset): string {
  return ctx.lang === 'en' ? d.organization.titleEn : d.organization.title;
}

function standardTitle(id: string | null): string {
  if (!id) return '';
  return standardSchemas.find((s) => s.id === id)?.title ?? id;
}

function row(label: SafeHtml, value: SafeHtml | string, attr = ''): SafeHtml {
  return html`<tr${attr ? raw(` data-field="${attr}"`) : ''}><th scope="row">${label}</th><td>${value}</td></tr>`;
}

function none(ctx: PageContext): SafeHtml {
  return th(ctx.lang, k('notGiven'));
}

function metadataTable(ctx: PageContext, d: Dataset): SafeHtml {
  const license = (licenses as Record<string, { title: string; url: string } | undefined>)[d.licenseId];
  const period =
    d.temporalStart || d.temporalEnd
      ? t(ctx.lang, k('periodValue'), {
          from: d.temporalStart ? dateText(ctx.lang, d.temporalStart) : '',
          to: d.temporalEnd ? dateText(ctx.lang, d.temporalEnd) : '',
        })
      : '';
  const contact =
    d.contactName || d.contactEmail
      ? html`${d.contactName}${d.contactName && d.contactEmail ? ' ' : ''}${
          d.contactEmail ? html`<a href="mailto:${d.contactEmail}">${d.contactEmail}</a>` : ''
        }`
      : none(ctx);
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="metadata-title"><table class="table">
<caption class="visually-hidden">${th(ctx.lang, k('metadataTitle'))}</caption>
<tbody>
${row(th(ctx.lang, k('field_organization')), organizationName(ctx, d), 'organization')}
${row(th(ctx.lang, k('field_licenseId')), license ? html`<a href="${license.url}" rel="license">${license.title}</a>` : licenseTitle(d.licenseId), 'license')}
${row(th(ctx.lang, k('field_frequency')), t(ctx.lang, k(`frequency_${d.frequency}`)), 'frequency')}
${row(th(ctx.lang, k('field_spatial')), d.spatial || none(ctx), 'spatial')}
${row(th(ctx.lang, k('temporal')), period || none(ctx), 'temporal')}
${row(th(ctx.lang, k('contact')), contact, 'contact')}
${row(
  th(ctx.lang, k('field_tags')),
  d.tags.length > 0
    ? html`<ul>${d.tags.map((tag) => html`<li><a href="${filterUrl('tags', tag)}">${tag}</a></li>`)}</ul>`
    : none(ctx),
  'tags',
)}
${row(
  th(ctx.lang, k('field_groups')),
  d.groups.length > 0
    ? html`<ul>${d.groups.map((g) => html`<li><a href="${filterUrl('groups', g.name)}">${g.title}</a></li>`)}</ul>`
    : none(ctx),
  'groups',
)}
${row(th(ctx.lang, k('modified')), html`<time datetime="${d.modifiedAt}">${dateText(ctx.lang, d.modifiedAt)}</time>`, 'modified')}
${row(th(ctx.lang, k('created')), html`<time datetime="${d.createdAt}">${dateText(ctx.lang, d.createdAt)}</time>`, 'created')}
${row(th(ctx.lang, k('field_standard')), standardTitle(d.standard) || none(ctx), 'standard')}
${row(th(ctx.lang, k('field_name')), html`<code>${d.name}</code>`, 'name')}
${row(th(ctx.lang, k('revision')), String(d.revision), 'revision')}
</tbody>
</table></div>`;
}

function resourceTable(ctx: PageContext, d: Dataset): SafeHtml {
  if (d.resources.length === 0) return html`<p>${th(ctx.lang, k('noResourcesYet'))}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="resources-title"><table class="table">
<caption class="visually-hidden">${th(ctx.lang, k('resourcesTitle'))}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('resourceName'))}</th><th scope="col">${th(ctx.lang, k('resourceFormat'))}</th><th scope="col">${th(ctx.lang, k('resourceSize'))}</th><th scope="col">${th(ctx.lang, k('resourceGet'))}</th></tr></thead>
<tbody>${d.resources.map(
    (r) => html`<tr data-resource="${r.id}">
<th scope="row"><a href="${resourcePath(d, r)}">${r.name}</a>${r.description ? html`<br><span class="form-field__hint">${r.description.length > 100 ? `${r.description.slice(0, 100)}…` : r.description}</span>` : ''}</th>
<td>${r.format || none(ctx)}</td>
<td>${r.urlType === 'upload' ? sizeText(r.size) : t(ctx.lang, k('externalLink'))}</td>
<td><a href="${resourcePath(d, r)}/download"${r.urlType === 'upload' ? raw(' download') : ''}>${th(ctx.lang, r.urlType === 'upload' ? k('download') : k('openLink'))}<span class="visually-hidden">（${r.name}）</span></a></td>
</tr>`,
  )}</tbody>
</table></div>`;
}

export interface DatasetView {
  dataset: Dataset;
  /** The schema.org Dataset as a ready <script type="application/ld+json"> element (dcat/jsonLdScript). */
  jsonLdScript: string;
}

export function datasetPage(ctx: PageContext, view: DatasetView): string {
  const d = view.dataset;
  const base = datasetPath(d.name);
  return renderPage(ctx, {
    title: d.title,
    breadcrumbs: crumbs(ctx),
    body: html`${pageHeading({ caption: organizationName(ctx, d), text: d.title })}
${raw(view.jsonLdScript)}
${d.notes ? html`<div class="dataset-notes">${paragraphs(d.notes)}</div>` : ''}
<section>
<h2 id="resources-title">${th(ctx.lang, k('resourcesTitle'))}</h2>
${resourceTable(ctx, d)}
</section>
<section>
<h2 id="metadata-title">${th(ctx.lang, k('metadataTitle'))}</h2>
${metadataTable(ctx, d)}
</section>
<section aria-labelledby="machine-title">
<h2 id="machine-title">${th(ctx.lang, k('machineTitle'))}</h2>
<ul>
<li><a href="${base}/history">${th(ctx.lang, k('historyLink'))}</a></li>
<li><a href="${base}/dcat.jsonld" type="application/ld+json">${th(ctx.lang, k('dcatDatasetLink'))}</a></li>
<li><a href="/api/3/action/package_show?id=${encodeURIComponent(d.name)}" type="application/json">${th(ctx.lang, k('packageShowLink'))}</a></li>
</ul>
</section>`,
  });
}

// ---- history ----

function changeList(ctx: PageContext, r: DatasetRevisionChanges): SafeHtml {
  const items: SafeHtml[] = [];
  if (r.fields.length > 0) {
    items.push(
      html`<li>${th(ctx.lang, k('changedFields'), { fields: r.fields.map((f) => t(ctx.lang, k(`field_${f}`))).join('、') })}</li>`,
    );
  }
  const names = (list: string[]) => list.join('、');
  if (r.resourcesAdded.length > 0)
    items.push(html`<li>${th(ctx.lang, k('resourcesAdded'), { names: names(r.resourcesAdded) })}</li>`);
  if (r.resourcesUpdated.length > 0)
    items.push(html`<li>${th(ctx.lang, k('resourcesUpdated'), { names: names(r.resourcesUpdated) })}</li>`);
  if (r.resourcesRemoved.length > 0)
    items.push(html`<li>${th(ctx.lang, k('resourcesRemoved'), { names: names(r.resourcesRemoved) })}</li>`);
  if (items.length === 0) return th(ctx.lang, r.action === 'create' ? k('changeCreated') : k('changeNone'));
  return html`<ul>${items}</ul>`;
}

const actions = new Set(['create', 'update', 'resource', 'resource_delete', 'delete']);

export function historyPage(ctx: PageContext, history: DatasetHistory): string {
  const d = history.dataset;
  return renderPage(ctx, {
    title: t(ctx.lang, k('historyTitle'), { title: d.title }),
    breadcrumbs: datasetCrumbs(ctx, d),
    body: html`${pageHeading({ caption: d.title, text: th(ctx.lang, k('historyHeading')) })}
<p>${th(ctx.lang, k('historyLead'))}</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-caption"><table class="table">
<caption id="history-caption">${th(ctx.lang, k('historyCaption'), { count: countText(history.revisions.length) })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('revision'))}</th><th scope="col">${th(ctx.lang, k('historyWhen'))}</th><th scope="col">${th(ctx.lang, k('historyAction'))}</th><th scope="col">${th(ctx.lang, k('historyChanges'))}</th></tr></thead>
<tbody>${history.revisions.map(
      (r) => html`<tr data-revision="${String(r.revision)}">
<th scope="row">${String(r.revision)}</th>
<td><time datetime="${r.createdAt}">${dateTimeText(ctx.lang, r.createdAt)}</time></td>
<td>${actions.has(r.action) ? th(ctx.lang, k(`action_${r.action}`)) : r.action}</td>
<td>${changeList(ctx, r)}</td>
</tr>`,
    )}</tbody>
</table></div>
${history.more ? html`<p>${th(ctx.lang, k('historyMore'), { count: countText(history.revisions.length) })}</p>` : ''}
<p><a href="${datasetPath(d.name)}">${th(ctx.lang, k('backToDataset'))}</a></p>`,
  });
}

// ---- resource ----

export interface ResourceView {
  dataset: Dataset;
  resource: Resource;
  /** The first rows, when the resource is tabular and loaded for queries. */
  preview: DatastoreResult | undefined;
  /** The map of its points (renderPointsMap), when it has latitude and longitude columns. */
  mapSvg: string | undefined;
  /** How many rows the map read, when it stopped before the end. */
  mapLimit: number | undefined;
  /** Absolute address of an example datastore_search query, for the programs section. */
  datastoreExample: string | undefined;
}

function encodingLabel(ctx: PageContext, encoding: string | null): string {
  if (!encoding) return '';
  const e = encoding.toLowerCase().replace(/[_\s]/g, '-');
  if (/bom/.test(e)) return t(ctx.lang, k('encodingUtf8Bom'));
  if (/^utf-?8$/.test(e)) return t(ctx.lang, k('encodingUtf8'));
  if (/shift-?jis|sjis|cp932|windows-31j|ms932/.test(e)) return t(ctx.lang, k('encodingShiftJis'));
  return encoding;
}

function previewTable(ctx: PageContext, view: ResourceView, preview: DatastoreResult): SafeHtml {
  const total = preview.total ?? view.resource.rowCount ?? preview.records.length;
  const columns = preview.columns;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="preview-caption"><table class="table" data-preview>
<caption id="preview-caption">${th(ctx.lang, k('previewCaption'), {
    name: view.resource.name,
    shown: countText(preview.records.length),
    total: countText(total),
  })}</caption>
<thead><tr><th scope="col">${th(ctx.lang, k('previewRowNumber'))}</th>${columns.map((c) => html`<th scope="col">${c.name}</th>`)}</tr></thead>
<tbody>${preview.records.map(
    (record) =>
      html`<tr><th scope="row">${String(record._id ?? '')}</th>${columns.map((c) => html`<td>${String(record[c.name] ?? '')}</td>`)}</tr>`,
  )}</tbody>
</table></div>`;
}

function resourceFacts(ctx: PageContext, r: Resource): SafeHtml {
  const fact = (key: string, value: SafeHtml | string, attr: string) =>
    html`<div data-fact="${attr}"><dt>${th(ctx.lang, k(key))}</dt><dd>${value}</dd></div>`;
  return html`<dl class="summary-list">
${fact('resourceFormat', r.format || none(ctx), 'format')}
${r.urlType === 'upload' ? fact('resourceSize', sizeText(r.size), 'size') : ''}
${r.rowCount !== null ? fact('rowCount', t(ctx.lang, k('rowCountValue'), { count: countText(r.rowCount) }), 'rows') : ''}
${r.sourceEncoding ? fact('sourceEncoding', encodingLabel(ctx, r.sourceEncoding), 'encoding') : ''}
${r.fileName ? fact('fileName', r.fileName, 'file-name') : ''}
${r.urlType === 'link' ? fact('linkUrl', webUrl(r.url) ? html`<a href="${r.url}">${r.url}</a>` : r.url, 'url') : ''}
${fact('modified', html`<time datetime="${r.modifiedAt}">${dateText(ctx.lang, r.modifiedAt)}</time>`, 'modified')}
${r.columns && r.columns.length > 0 ? fact('columns', r.columns.map((c) => c.name).join('、'), 'columns') : ''}
</dl>`;
}

export function resourcePage(ctx: PageContext, view: ResourceView): string {
  const { dataset: d, resource: r } = view;
  const base = resourcePath(d, r);
  const hasPoints = r.datastoreActive && r.latColumn !== null && r.lonColumn !== null;
  const downloadText =
    r.urlType === 'upload'
      ? t(ctx.lang, k('downloadButton'), { format: r.format || 'file', size: sizeText(r.size) })
      : t(ctx.lang, k('openLinkButton'));
  return renderPage(ctx, {
    title: `${r.name} | ${d.title}`,
    breadcrumbs: datasetCrumbs(ctx, d),
    body: html`${pageHeading({ caption: d.title, text: r.name })}
${r.description ? paragraphs(r.description) : ''}
${resourceFacts(ctx, r)}
<p>${button({ text: downloadText, href: `${base}/download` })}</p>
${
  view.preview
    ? html`<section aria-labelledby="preview-title">
<h2 id="preview-title">${th(ctx.lang, k('previewTitle'))}</h2>
${previewTable(ctx, view, view.preview)}
</section>`
    : r.format.toUpperCase() === 'CSV'
      ? html`<p>${th(ctx.lang, k('previewNone'))}</p>`
      : ''
}
${
  view.mapSvg
    ? html`<section aria-labelledby="map-title">
<h2 id="map-title">${th(ctx.lang, k('mapTitle'))}</h2>
<p>${th(ctx.lang, k('mapLead'), { lat: r.latColumn ?? '', lon: r.lonColumn ?? '' })}</p>
<figure class="od-map">${raw(view.mapSvg)}</figure>
${view.mapLimit !== undefined ? html`<p>${th(ctx.lang, k('mapLimited'), { count: countText(view.mapLimit) })}</p>` : ''}
</section>`
    : ''
}
${
  r.datastoreActive
    ? html`<section aria-labelledby="programs-title">
<h2 id="programs-title">${th(ctx.lang, k('programsTitle'))}</h2>
<ul>
<li><a href="${base}.json" type="application/json">${th(ctx.lang, k('jsonLink'))}</a></li>
${hasPoints ? html`<li><a href="${base}.geojson" type="application/geo+json">${th(ctx.lang, k('geojsonLink'))}</a></li>` : ''}
${view.datastoreExample ? html`<li>${th(ctx.lang, k('datastoreExample'))}: <a href="${view.datastoreExample}" type="application/json"><code>${view.datastoreExample}</code></a></li>` : ''}
</ul>
</section>`
    : ''
}
<p><a href="${datasetPath(d.name)}">${th(ctx.lang, k('backToDataset'))}</a></p>`,
  });
}
