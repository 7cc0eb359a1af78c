// Public pages and files of the open data catalogue: the search page, a dataset, its history, a resource
// with its preview and map, downloads (counted once per GET), rows as JSON and GeoJSON, and the DCAT JSON-LD
// of the catalogue and of each dataset. No account is needed; private, draft and deleted datasets answer 404.

import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { baseUrl, sendPage } from '../../../platform/http/respond.ts';
import { registerMessages } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { staffViewer } from '../actor.ts';
import { jsonLdScript, toDcatCatalog, toDcatDataset, toSchemaOrgDataset } from '../dcat/dcat.ts';
import { webUrl } from '../dcat/vocabularies.ts';
import { coordinate, rowsToGeoJson, rowsToJson } from '../geo/geojson.ts';
import { type MapPoint, maxMapPoints, renderPointsMap } from '../geo/svg-map.ts';
import { messages } from '../messages-public.ts';
import type { Dataset, Resource } from '../model.ts';
import {
  type CatalogueView,
  cataloguePage,
  emptyFilters,
  rowsPerPage,
  type SearchState,
  searchFacetFields,
} from '../pages/public.ts';
import { datasetPage, historyPage, resourcePage } from '../pages/public-dataset.ts';
import { SearchQueryError } from '../search/errors.ts';
import { parseFilterQuery } from '../search/fq.ts';
import { datasetPath } from '../urls.ts';
import { catalogueStats } from '../use-cases/catalogue-stats.ts';
import { downloadResource } from '../use-cases/download-resource.ts';
import { listDatasetHistory } from '../use-cases/list-dataset-history.ts';
import { readDataset, readResource } from '../use-cases/read-dataset.ts';
import { searchCatalogue } from '../use-cases/search-catalogue.ts';
import { searchDatastore, streamRows } from '../use-cases/search-datastore.ts';

registerMessages('openData', messages);

const page = { hide: true };
const name = { type: 'string', minLength: 1, maxLength: 100 } as const;
const datasetParams = { type: 'object', properties: { name }, required: ['name'] } as const;
const resourceParams = {
  type: 'object',
  properties: { name, id: { type: 'string', minLength: 1, maxLength: 100 } },
  required: ['name', 'id'],
} as const;
const list = { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 20 } as const;
const searchQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 500 },
    sort: { type: 'string', maxLength: 200 },
    fq: { type: 'string', maxLength: 1000 },
    page: { type: 'string', maxLength: 10 },
    ...Object.fromEntries(searchFacetFields.map((f) => [f, list])),
  },
} as const;

type SearchQuerystring = { q?: string; sort?: string; fq?: string; page?: string } & Partial<
  Record<(typeof searchFacetFields)[number], string[]>
>;

/** Rows shown on a resource page. */
const previewRows = 50;
const facetLimit = 15;

/** A CKAN fq clause matching one value exactly: organization:"somu-kikaku.digital". */
function fqClause(field: string, value: string): string {
  return `${field}:"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** The page's filters and the address's own fq as one CKAN filter query (every part must match). */
export function filterQuery(state: Pick<SearchState, 'filters' | 'fq'>): string {
  const parts = searchFacetFields.flatMap((f) => state.filters[f].map((v) => fqClause(f, v)));
  if (state.fq.trim()) parts.unshift(`(${state.fq})`);
  return parts.join(' ');
}

function searchState(query: SearchQuerystring): SearchState {
  const filters = emptyFilters();
  for (const f of searchFacetFields) {
    filters[f] = [...new Set((query[f] ?? []).map((v) => v.trim()).filter((v) => v !== ''))];
  }
  const pageNumber = /^[1-9][0-9]{0,3}$/.test(query.page ?? '') ? Number(query.page) : 1;
  return {
    q: (query.q ?? '').trim(),
    sort: (query.sort ?? '').trim(),
    fq: (query.fq ?? '').trim(),
    filters,
    page: pageNumber,
  };
}

/** RFC 6266 / 5987: a plain ASCII name for old clients, the real (often Japanese) name in filename*. */
export function contentDisposition(fileName: string, fallback: string): string {
  const ascii = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\%]/g, '_') : fallback;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const textTypes = new Set(['text/csv', 'application/json', 'application/geo+json']);

function contentTypeOf(resource: Resource): string {
  const type = resource.mimetype ?? 'application/octet-stream';
  return textTypes.has(type) ? `${type}; charset=utf-8` : type;
}

function fileNameOf(resource: Resource): string {
  return resource.fileName || `${resource.name}${resource.format ? `.${resource.format.toLowerCase()}` : ''}`;
}

/** Points of a resource for the map, read in file order up to the most the map draws. */
async function mapPoints(
  deps: PlatformDeps,
  tenantId: string,
  resource: Resource,
): Promise<{ points: MapPoint[]; limited: boolean }> {
  const lat = resource.latColumn!;
  const lon = resource.lonColumn!;
  const columns = (resource.columns ?? []).map((c) => c.name).filter((c) => c !== lat && c !== lon);
  const labelColumn = columns.find((c) => /名称|名前|施設名|name/i.test(c)) ?? columns[0];
  const points: MapPoint[] = [];
  let read = 0;
  for await (const row of streamRows(deps, { tenantId, resourceId: resource.id })) {
    if (read >= maxMapPoints) return { points, limited: true };
    read++;
    const la = coordinate(row[lat], 90);
    const lo = coordinate(row[lon], 180);
    if (la !== null && lo !== null)
      points.push({ lat: la, lon: lo, label: labelColumn ? (row[labelColumn] ?? '') : '' });
  }
  return { points, limited: false };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A staff member is previewing a private or draft dataset: the answer must not be cached or shared. */
    privatePreview?: boolean;
  }
}

export async function publicRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.addHook('onSend', async (request, reply) => {
    if (request.privatePreview) reply.header('cache-control', 'private, no-store');
  });

  const dcatBase = (request: FastifyRequest) => ({ baseUrl: baseUrl(request), publisherName: request.tenant.name });

  /** A resource of the dataset named in the address (its name or id), as the public may see it. */
  async function resourceOf(request: FastifyRequest<{ Params: { name: string; id: string } }>) {
    const found = await readResource(deps, {
      tenantId: request.tenant.id,
      resourceId: request.params.id,
      viewer: staffViewer(request),
    });
    if (found.dataset.private || found.dataset.state !== 'active') request.privatePreview = true;
    if (found.dataset.name !== request.params.name && found.dataset.id !== request.params.name) {
      throw new AppError('not_found', 'リソースが見つかりません。');
    }
    return found;
  }

  app.get<{ Querystring: SearchQuerystring }>(
    '/open-data',
    { schema: { ...page, querystring: searchQuery } },
    async (request, reply) => {
      const tenantId = request.tenant.id;
      const state = searchState(request.query);
      const stats = await catalogueStats(deps, { tenantId });
      const view: CatalogueView = { state, result: undefined, stats };
      try {
        // The address's own fq is checked alone, so a message's character positions are the reader's own.
        parseFilterQuery(state.fq);
        view.result = await searchCatalogue(deps, {
          tenantId,
          query: {
            q: state.q,
            fq: filterQuery(state),
            sort: state.sort,
            rows: rowsPerPage,
            start: (state.page - 1) * rowsPerPage,
            facetFields: [...searchFacetFields],
            facetLimit,
          },
        });
      } catch (error) {
        if (!(error instanceof SearchQueryError)) throw error;
        const field = error.parameter === 'q' || error.parameter === 'sort' ? error.parameter : 'fq';
        view.error = { message: error.ja, field };
        return sendPage(reply, cataloguePage(pageContext(request), view), 400);
      }
      return sendPage(reply, cataloguePage(pageContext(request), view));
    },
  );

  app.get('/open-data/catalog.jsonld', { schema: page }, async (request, reply) => {
    const datasets: Dataset[] = [];
    const batch = 500;
    for (let start = 0; ; start += batch) {
      const found = await searchCatalogue(deps, {
        tenantId: request.tenant.id,
        query: { rows: batch, start, sort: 'name asc', facetFields: [], facetLimit: 0 },
      });
      datasets.push(...found.datasets);
      if (start + batch >= found.count) break;
    }
    const base = dcatBase(request);
    const catalog = toDcatCatalog(datasets, {
      ...base,
      catalogTitle: `${request.tenant.name} オープンデータカタログ`,
      homepage: `${base.baseUrl}/open-data`,
    });
    return reply.type('application/ld+json; charset=utf-8').header('access-control-allow-origin', '*').send(catalog);
  });

  app.get<{ Params: { name: string } }>(
    '/open-data/datasets/:name',
    { schema: { ...page, params: datasetParams } },
    async (request, reply) => {
      const dataset = await readDataset(deps, {
        tenantId: request.tenant.id,
        idOrName: request.params.name,
        viewer: staffViewer(request),
      });
      if (dataset.private || dataset.state !== 'active') request.privatePreview = true;
      if (dataset.name !== request.params.name) {
        return reply.redirect(datasetPath(dataset.name), 301);
      }
      const script = jsonLdScript(toSchemaOrgDataset(dataset, dcatBase(request)));
      return sendPage(reply, datasetPage(pageContext(request), { dataset, jsonLdScript: script }));
    },
  );

  app.get<{ Params: { name: string } }>(
    '/open-data/datasets/:name/dcat.jsonld',
    { schema: { ...page, params: datasetParams } },
    async (request, reply) => {
      const dataset = await readDataset(deps, { tenantId: request.tenant.id, idOrName: request.params.name });
      return reply
        .type('application/ld+json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(toDcatDataset(dataset, dcatBase(request)));
    },
  );

  app.get<{ Params: { name: string } }>(
    '/open-data/datasets/:name/history',
    { schema: { ...page, params: datasetParams } },
    async (request, reply) => {
      const history = await listDatasetHistory(deps, {
        tenantId: request.tenant.id,
        idOrName: request.params.name,
        viewer: staffViewer(request),
      });
      if (history.dataset.private || history.dataset.state !== 'active') request.privatePreview = true;
      return sendPage(reply, historyPage(pageContext(request), history));
    },
  );

  app.get<{ Params: { name: string; id: string } }>(
    '/open-data/datasets/:name/resources/:id',
    { schema: { ...page, params: resourceParams } },
    async (request, reply) => {
      const tenantId = request.tenant.id;
      const { dataset, resource } = await resourceOf(request);
      const tabular = resource.datastoreActive && resource.columns !== null;
      const preview = tabular
        ? await searchDatastore(deps, {
            tenantId,
            viewer: staffViewer(request),
            query: { resourceId: resource.id, limit: previewRows, offset: 0, includeTotal: resource.rowCount === null },
          })
        : undefined;
      let mapSvg: string | undefined;
      let mapLimit: number | undefined;
      if (tabular && resource.latColumn && resource.lonColumn) {
        const { points, limited } = await mapPoints(deps, tenantId, resource);
        mapSvg = renderPointsMap({ points, title: `${resource.name}の地点`, id: 'resource-map' });
        if (limited) mapLimit = maxMapPoints;
      }
      const datastoreExample = tabular
        ? `${baseUrl(request)}/api/3/action/datastore_search?resource_id=${resource.id}&limit=5`
        : undefined;
      return sendPage(
        reply,
        resourcePage(pageContext(request), { dataset, resource, preview, mapSvg, mapLimit, datastoreExample }),
      );
    },
  );

  app.get<{ Params: { name: string; id: string } }>(
    '/open-data/datasets/:name/resources/:id.json',
    { schema: { ...page, params: resourceParams } },
    async (request, reply) => {
      const { resource } = await resourceOf(request);
      if (!resource.datastoreActive) {
        throw new AppError(
          'not_found',
          'このリソースは表形式のデータとして読み込まれていないため、JSON では提供していません。',
        );
      }
      const rows = streamRows(deps, { tenantId: request.tenant.id, resourceId: resource.id });
      return reply
        .type('application/json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(Readable.from(rowsToJson(rows)));
    },
  );

  app.get<{ Params: { name: string; id: string } }>(
    '/open-data/datasets/:name/resources/:id.geojson',
    { schema: { ...page, params: resourceParams } },
    async (request, reply) => {
      const { resource } = await resourceOf(request);
      if (!resource.datastoreActive || !resource.latColumn || !resource.lonColumn) {
        throw new AppError('not_found', 'このリソースには緯度・経度の列がないため、GeoJSON では提供していません。');
      }
      const rows = streamRows(deps, { tenantId: request.tenant.id, resourceId: resource.id });
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('access-control-allow-origin', '*')
        .send(Readable.from(rowsToGeoJson(rows, { latColumn: resource.latColumn, lonColumn: resource.lonColumn })));
    },
  );

  /** Headers of a download; true when the client already has this version (answered 304). */
  function downloadHeaders(request: FastifyRequest, reply: FastifyReply, resource: Resource): boolean {
    const etag = resource.sha256 ? `"${resource.sha256}"` : undefined;
    reply.header('cache-control', 'no-cache');
    if (etag) reply.header('etag', etag);
    const wanted = request.headers['if-none-match'];
    if (etag && typeof wanted === 'string' && wanted.split(/\s*,\s*/).some((v) => v === etag || v === `W/${etag}`)) {
      reply.status(304);
      return true;
    }
    reply
      .type(contentTypeOf(resource))
      .header(
        'content-disposition',
        contentDisposition(fileNameOf(resource), `${resource.id}${extensionOf(resource)}`),
      );
    if (resource.size !== null) reply.header('content-length', String(resource.size));
    return false;
  }

  function linkTarget(resource: Resource): string {
    const url = webUrl(resource.url);
    if (!url) throw new AppError('not_found', 'このリソースのリンク先が正しくありません。');
    return url;
  }

  const downloadPath = '/open-data/datasets/:name/resources/:id/download';

  // GET counts a download; HEAD (link checkers, download managers) answers the same headers and counts nothing.
  app.get<{ Params: { name: string; id: string } }>(
    downloadPath,
    { exposeHeadRoute: false, schema: { ...page, params: resourceParams } },
    async (request, reply) => {
      const { resource } = await resourceOf(request);
      if (resource.urlType === 'link') return reply.redirect(linkTarget(resource), 302);
      if (downloadHeaders(request, reply, resource)) return reply.send();
      const { stream } = await downloadResource(deps, {
        tenantId: request.tenant.id,
        datasetName: request.params.name,
        resourceId: resource.id,
        viewer: staffViewer(request),
      });
      return reply.send(stream);
    },
  );

  app.head<{ Params: { name: string; id: string } }>(
    downloadPath,
    { schema: { ...page, params: resourceParams } },
    async (request, reply) => {
      const { resource } = await resourceOf(request);
      if (resource.urlType === 'link') return reply.redirect(linkTarget(resource), 302);
      downloadHeaders(request, reply, resource);
      return reply.send();
    },
  );
}

function extensionOf(resource: Resource): string {
  const fromName = /\.[A-Za-z0-9]{1,8}$/.exec(resource.fileName ?? '')?.[0];
  return fromName ?? (resource.format ? `.${resource.format.toLowerCase()}` : '');
}
