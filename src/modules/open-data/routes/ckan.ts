// CKAN Action API v3 at /api/3/action/<action> (and /api/action/<action>): the catalogue answered with
// CKAN's envelope, field names, errors and statuses, so CKAN clients (ckanapi, ckanr, harvesters) work
// unchanged. Writes need a staff API token in the Authorization (or X-CKAN-API-Key) header; reads are
// open. The CKAN facts each answer follows are in docs/ckan-compatibility.md.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/errors.ts';
import { baseUrl } from '../../../platform/http/respond.ts';
import { isSpooledFile, isUploadedFile } from '../../../platform/http/server.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import type { OpenDataActor } from '../actor.ts';
import { parseDatastoreSearchParams, resolveDatastoreQuery, toDatastoreResult } from '../ckan/datastore.ts';
import {
  ckanOrganizationName,
  departmentCodeFromCkanName,
  toGroupDict,
  toOrganizationDict,
  toPackageDict,
  toPackageSearchResult,
  toResourceDict,
  toStatusDict,
  toTagDict,
} from '../ckan/dicts.ts';
import {
  type CkanErrorKind,
  type CkanResult,
  ckanContentType,
  ckanError,
  ckanSuccess,
  helpUrl,
  notADictMessage,
  ok,
  unknownActionMessage,
  usePostMessage,
} from '../ckan/envelope.ts';
import { fromPackageDict, fromResourceDict, type PackageChanges } from '../ckan/package-input.ts';
import {
  type ActionInput,
  parseGroupShowParams,
  parseIdParam,
  parseListParams,
  parsePackageListParams,
  parsePackageSearchParams,
  parseTagListParams,
} from '../ckan/params.ts';
import { apiTokenFromHeaders } from '../ckan/token.ts';
import type { DatasetFields } from '../dataset-fields.ts';
import type { Dataset } from '../model.ts';
import { SearchQueryError } from '../search/errors.ts';
import { addLinkResource } from '../use-cases/add-link-resource.ts';
import { authenticateApiToken } from '../use-cases/api-tokens.ts';
import { createDataset } from '../use-cases/create-dataset.ts';
import { deleteDataset } from '../use-cases/delete-dataset.ts';
import { deleteResource } from '../use-cases/delete-resource.ts';
import { listGroups, listOrganizations, listTags } from '../use-cases/list-catalogue-parts.ts';
import { publishUpload } from '../use-cases/publish-upload.ts';
import { readDataset, readResource } from '../use-cases/read-dataset.ts';
import { searchCatalogue } from '../use-cases/search-catalogue.ts';
import { searchDatastore } from '../use-cases/search-datastore.ts';
import { updateDataset } from '../use-cases/update-dataset.ts';
import { uploadResource } from '../use-cases/upload-resource.ts';

/** Uploads through resource_create stream to disk up to this size (a CSV of a gigabyte and more). */
export const apiUploadLimitBytes = 2 * 1024 * 1024 * 1024;

interface ActionContext {
  request: FastifyRequest;
  input: ActionInput;
  actor: OpenDataActor | undefined;
  base: string;
  tenantId: string;
}

type Action = (c: ActionContext) => Promise<CkanResult<unknown>>;

class CkanFailureError extends Error {
  readonly kind: CkanErrorKind;
  readonly detail: string | Record<string, unknown>;
  constructor(kind: CkanErrorKind, detail: string | Record<string, unknown>) {
    super(typeof detail === 'string' ? detail : JSON.stringify(detail));
    this.kind = kind;
    this.detail = detail;
  }
}

/** Unwraps a parse result or stops the action with its CKAN failure. */
function take<T>(result: CkanResult<T>): T {
  if (!result.ok) throw new CkanFailureError(result.error.kind, result.error.message);
  return result.value;
}

function requireActor(c: ActionContext, action: string): OpenDataActor {
  if (!c.actor) throw new CkanFailureError('authorization', `Action ${action} requires an authenticated user`);
  return c.actor;
}

/** CKAN names organisations without dots: `organization:somu-kikaku_digital` means department somu-kikaku.digital. */
function fqWithDepartmentCodes(fq: string): string {
  return fq.replace(
    /\b(organization|owner_org):("?)([a-z0-9_-]+)\2/g,
    (_m, _field: string, quote: string, name: string) => {
      return `organization:${quote}${departmentCodeFromCkanName(name)}${quote}`;
    },
  );
}

async function groupNames(deps: PlatformDeps, tenantId: string, refs: string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const groups = await listGroups(deps, { tenantId });
  return refs.map((ref) => {
    const found = groups.find((g) => g.id === ref || g.name === ref);
    if (!found) throw new CkanFailureError('not_found', 'Group was not found.');
    return found.name;
  });
}

async function fieldsFrom(deps: PlatformDeps, tenantId: string, changes: PackageChanges): Promise<DatasetFields> {
  return {
    name: changes.name,
    title: changes.title,
    notes: changes.notes,
    organization: changes.organization,
    licenseId: changes.licenseId,
    frequency: changes.frequency,
    spatial: changes.spatial,
    temporalStart: changes.temporalStart,
    temporalEnd: changes.temporalEnd,
    contactName: changes.contactName,
    contactEmail: changes.contactEmail,
    standard: changes.standard,
    private: changes.private,
    tags: changes.tags,
    groups: await groupNames(deps, tenantId, changes.groups),
  };
}

/** Applies the resource list of package_create / package_update: links added, resources left out removed. */
async function applyResources(
  deps: PlatformDeps,
  c: ActionContext,
  actor: OpenDataActor,
  dataset: Dataset,
  changes: PackageChanges,
): Promise<void> {
  const kept = new Set(changes.resources.map((r) => r.id).filter((id): id is string => id !== null));
  for (const r of dataset.resources) {
    if (!kept.has(r.id)) await deleteResource(deps, { tenantId: c.tenantId, actor, resourceId: r.id });
  }
  for (const r of changes.resources) {
    if (r.id !== null || r.urlType !== 'link') continue;
    await addLinkResource(deps, {
      tenantId: c.tenantId,
      actor,
      datasetIdOrName: dataset.id,
      url: r.url,
      name: r.name,
      description: r.description,
      format: r.format,
    });
  }
}

export async function ckanRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const dict = (c: ActionContext, d: Dataset) => toPackageDict(d, { baseUrl: c.base });
  const show = async (c: ActionContext, idOrName: string) =>
    dict(c, await readDataset(deps, { tenantId: c.tenantId, idOrName, viewer: c.actor }));

  async function writePackage(c: ActionContext, mode: 'create' | 'update' | 'patch'): Promise<CkanResult<unknown>> {
    const action = `package_${mode}`;
    const actor = requireActor(c, action);
    let current: Dataset | undefined;
    if (mode !== 'create') {
      const id = take(parseIdParam(c.input, mode === 'update' ? 'package_update' : 'package_patch'));
      current = await readDataset(deps, { tenantId: c.tenantId, idOrName: id, viewer: actor }).catch(() => {
        throw new CkanFailureError('not_found', 'Package was not found.');
      });
    }
    const changes = take(fromPackageDict(c.input, mode, current));
    const fields = await fieldsFrom(deps, c.tenantId, changes);
    let dataset = current
      ? await updateDataset(deps, { tenantId: c.tenantId, actor, idOrName: current.id, mode: 'replace', fields })
      : await createDataset(deps, { tenantId: c.tenantId, actor, fields });
    // package_patch keeps what it was not given, resources included (fromPackageDict listed them all).
    await applyResources(deps, c, actor, dataset, changes);
    if (changes.state === 'deleted') await deleteDataset(deps, { tenantId: c.tenantId, actor, idOrName: dataset.id });
    dataset = await readDataset(deps, { tenantId: c.tenantId, idOrName: dataset.id, viewer: actor }).catch(
      () => dataset,
    );
    return ok(dict(c, dataset));
  }

  const actions: Record<string, { write?: boolean; run: Action }> = {
    status_show: {
      run: async (c) =>
        ok(
          toStatusDict({
            title: `${c.request.tenant.name} オープンデータカタログ`,
            description: `${c.request.tenant.name}が公開するオープンデータ`,
            url: c.base,
          }),
        ),
    },
    package_list: {
      run: async (c) => {
        const p = take(parsePackageListParams(c.input));
        const found = await searchCatalogue(deps, {
          tenantId: c.tenantId,
          query: { sort: 'name asc', rows: p.limit ?? 100_000, start: p.offset, facetFields: [], facetLimit: 0 },
        });
        return ok(found.datasets.map((d) => d.name));
      },
    },
    package_show: {
      run: async (c) => ok(await show(c, take(parseIdParam(c.input, 'package_show')))),
    },
    package_search: {
      run: async (c) => {
        const p = take(parsePackageSearchParams(c.input));
        const found = await searchCatalogue(deps, {
          tenantId: c.tenantId,
          viewer: c.actor,
          query: {
            q: p.q,
            fq: fqWithDepartmentCodes(p.fqList.length > 0 ? p.fqList.join(' ') : p.fq),
            sort: p.sort,
            rows: p.rows,
            start: p.start,
            facetFields: p.facet ? p.facetFields : [],
            facetLimit: p.facetLimit,
            includePrivate: p.includePrivate,
            includeDrafts: p.includeDrafts,
          },
        });
        const facets = Object.fromEntries(
          Object.entries(found.searchFacets).map(([field, facet]) => [
            field,
            facet.items
              .filter((i) => i.count >= p.facetMincount)
              .map((i) => ({
                name: field === 'organization' ? ckanOrganizationName(i.name) : i.name,
                count: i.count,
                displayName: i.display_name,
              })),
          ]),
        );
        return ok(
          toPackageSearchResult(
            { count: found.count, datasets: found.datasets, sort: p.sort, facets, fl: p.fl },
            { baseUrl: c.base },
          ),
        );
      },
    },
    resource_show: {
      run: async (c) => {
        const id = take(parseIdParam(c.input, 'resource_show'));
        const { dataset, resource } = await readResource(deps, {
          tenantId: c.tenantId,
          resourceId: id,
          viewer: c.actor,
        });
        return ok(toResourceDict(resource, dataset, { baseUrl: c.base }));
      },
    },
    organization_list: {
      run: async (c) => {
        const p = take(parseListParams(c.input, 'organization'));
        let orgs = await listOrganizations(deps, { tenantId: c.tenantId });
        if (p.names) orgs = orgs.filter((o) => p.names?.includes(ckanOrganizationName(o.name)));
        if (p.q) {
          const q = p.q.toLowerCase();
          orgs = orgs.filter((o) => `${ckanOrganizationName(o.name)} ${o.title}`.toLowerCase().includes(q));
        }
        const key = (o: (typeof orgs)[number]) =>
          p.sort.field === 'package_count'
            ? o.packageCount
            : p.sort.field === 'name'
              ? ckanOrganizationName(o.name)
              : o.title;
        orgs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (p.sort.direction === 'asc' ? 1 : -1));
        const page = orgs.slice(p.offset, p.limit === null ? undefined : p.offset + p.limit);
        return ok(
          p.allFields
            ? page.map((o) =>
                toOrganizationDict(
                  { name: o.name, title: o.title, created: o.createdAt },
                  { packageCount: p.includeDatasetCount ? o.packageCount : null, allFields: true },
                ),
              )
            : page.map((o) => ckanOrganizationName(o.name)),
        );
      },
    },
    organization_show: {
      run: async (c) => {
        const p = take(parseGroupShowParams(c.input));
        const orgs = await listOrganizations(deps, { tenantId: c.tenantId });
        const org = orgs.find((o) => ckanOrganizationName(o.name) === p.id || o.name === p.id);
        if (!org) throw new CkanFailureError('not_found', 'Organization was not found.');
        const packages = p.includeDatasets
          ? (
              await searchCatalogue(deps, {
                tenantId: c.tenantId,
                query: { fq: `organization:"${org.name}"`, rows: 1000, start: 0, facetFields: [], facetLimit: 0 },
              })
            ).datasets.map((d) => dict(c, d))
          : undefined;
        return ok(
          toOrganizationDict(
            { name: org.name, title: org.title, created: org.createdAt },
            { packageCount: org.packageCount, ...(packages ? { packages } : {}) },
          ),
        );
      },
    },
    group_list: {
      run: async (c) => {
        const p = take(parseListParams(c.input, 'group'));
        let groups = await listGroups(deps, { tenantId: c.tenantId });
        if (p.names) groups = groups.filter((g) => p.names?.includes(g.name));
        if (p.q) {
          const q = p.q.toLowerCase();
          groups = groups.filter((g) => `${g.name} ${g.title} ${g.description}`.toLowerCase().includes(q));
        }
        const key = (g: (typeof groups)[number]) =>
          p.sort.field === 'package_count' ? g.packageCount : p.sort.field === 'name' ? g.name : g.title;
        groups.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (p.sort.direction === 'asc' ? 1 : -1));
        const page = groups.slice(p.offset, p.limit === null ? undefined : p.offset + p.limit);
        return ok(
          p.allFields
            ? page.map((g) =>
                toGroupDict(
                  { ...g, created: g.createdAt },
                  { packageCount: p.includeDatasetCount ? g.packageCount : null, allFields: true },
                ),
              )
            : page.map((g) => g.name),
        );
      },
    },
    group_show: {
      run: async (c) => {
        const p = take(parseGroupShowParams(c.input));
        const groups = await listGroups(deps, { tenantId: c.tenantId });
        const group = groups.find((g) => g.id === p.id || g.name === p.id);
        if (!group) throw new CkanFailureError('not_found', 'Group was not found.');
        const packages = p.includeDatasets
          ? (
              await searchCatalogue(deps, {
                tenantId: c.tenantId,
                query: { fq: `groups:"${group.name}"`, rows: 1000, start: 0, facetFields: [], facetLimit: 0 },
              })
            ).datasets.map((d) => dict(c, d))
          : undefined;
        return ok(
          toGroupDict(
            { ...group, created: group.createdAt },
            { packageCount: group.packageCount, ...(packages ? { packages } : {}) },
          ),
        );
      },
    },
    tag_list: {
      run: async (c) => {
        const p = take(parseTagListParams(c.input));
        if (p.vocabularyId) throw new CkanFailureError('not_found', 'Could not find vocabulary');
        const tags = await listTags(deps, { tenantId: c.tenantId, query: p.query || undefined });
        return ok(p.allFields ? tags.map((t) => toTagDict(t.name)) : tags.map((t) => t.name));
      },
    },
    datastore_search: {
      run: async (c) => {
        const params = take(parseDatastoreSearchParams(c.input));
        const { resource } = await readResource(deps, {
          tenantId: c.tenantId,
          resourceId: params.resourceId,
          viewer: c.actor,
        }).catch(() => {
          throw new CkanFailureError('not_found', `Resource "${params.resourceId}" was not found.`);
        });
        if (!resource.datastoreActive || !resource.columns) {
          throw new CkanFailureError('not_found', `Resource "${params.resourceId}" was not found.`);
        }
        const query = take(resolveDatastoreQuery(params, resource.columns));
        const found = await searchDatastore(deps, {
          tenantId: c.tenantId,
          viewer: c.actor,
          query: {
            resourceId: resource.id,
            filters: Object.fromEntries(
              query.filters.map((f) => [f.column, f.values.map((v) => (v === null ? '' : v))]),
            ),
            ...(query.text
              ? { q: query.text }
              : query.columnText.length > 0
                ? { q: Object.fromEntries(query.columnText.map((t) => [t.column, t.text])) }
                : {}),
            sort: query.sort.map((s) => ({ column: s.field, direction: s.direction })),
            limit: query.limit,
            offset: query.offset,
            includeTotal: params.includeTotal,
          },
        });
        return ok(
          toDatastoreResult({
            params,
            query,
            rows: found.records.map((r) => ({ id: Number(r._id), values: r })),
            total: found.total ?? 0,
            currentUrl: c.request.url,
          }),
        );
      },
    },
    package_create: { write: true, run: (c) => writePackage(c, 'create') },
    package_update: { write: true, run: (c) => writePackage(c, 'update') },
    package_patch: { write: true, run: (c) => writePackage(c, 'patch') },
    package_delete: {
      write: true,
      run: async (c) => {
        const actor = requireActor(c, 'package_delete');
        const id = take(parseIdParam(c.input, 'package_delete'));
        await deleteDataset(deps, { tenantId: c.tenantId, actor, idOrName: id });
        return ok(null);
      },
    },
    resource_create: {
      write: true,
      run: async (c) => {
        const actor = requireActor(c, 'resource_create');
        const upload = c.input.upload;
        const file = isSpooledFile(upload) || isUploadedFile(upload) ? upload : null;
        const fields = take(fromResourceDict(c.input, file ? { fileName: file.filename } : null));
        if (!file) {
          const { dataset, resourceId } = await addLinkResource(deps, {
            tenantId: c.tenantId,
            actor,
            datasetIdOrName: fields.packageId,
            url: fields.url,
            name: fields.name,
            description: fields.description,
            format: fields.format,
          });
          const resource = dataset.resources.find((r) => r.id === resourceId);
          return ok(resource ? toResourceDict(resource, dataset, { baseUrl: c.base }) : null);
        }
        const checked = await uploadResource(deps, {
          tenantId: c.tenantId,
          actor,
          datasetIdOrName: fields.packageId,
          name: fields.name,
          description: fields.description,
          format: fields.format || undefined,
          fileName: file.filename,
          file: isSpooledFile(file) ? createReadStream(file.path) : Readable.from([file.data]),
        });
        if (!checked.ok) {
          // Nothing is published: the client gets the report's problems as CKAN validation errors.
          throw new CkanFailureError('validation', {
            upload: checked.report.issues
              .filter((i) => i.severity === 'error')
              .slice(0, 50)
              .map((i) => (i.row ? `${i.row}行目 ${i.column ?? ''}: ${i.message}` : i.message)),
          });
        }
        const { dataset, resourceId } = await publishUpload(deps, {
          tenantId: c.tenantId,
          actor,
          uploadId: checked.uploadId,
        });
        const resource = dataset.resources.find((r) => r.id === resourceId);
        return ok(resource ? toResourceDict(resource, dataset, { baseUrl: c.base }) : null);
      },
    },
    help_show: {
      run: async (c) =>
        ok(
          `CKAN Action API v3 互換の ${String(c.input.name ?? '')}。詳しくは ${c.base}/api/docs と CKAN の API ドキュメントを参照してください。`,
        ),
    },
  };

  async function handle(request: FastifyRequest<{ Params: { action: string } }>, reply: FastifyReply) {
    const action = request.params.action;
    const base = baseUrl(request);
    const help = helpUrl(base, action);
    const send = (status: number, body: unknown) =>
      reply.status(status).header('content-type', ckanContentType).send(JSON.stringify(body));
    const failWith = (kind: CkanErrorKind, message: string | Record<string, unknown>) => {
      const e = ckanError(kind, message, help);
      return send(e.status, e.body);
    };
    const definition = Object.hasOwn(actions, action) ? actions[action] : undefined;
    if (!definition) return failWith('bad_request', unknownActionMessage(action));
    if (definition.write && request.method === 'GET') return failWith('bad_request', usePostMessage);
    let input: ActionInput;
    if (request.method === 'GET') input = { ...(request.query as ActionInput) };
    else {
      const body = request.body ?? {};
      if (typeof body !== 'object' || Array.isArray(body) || body === null) {
        return failWith('bad_request', notADictMessage(body));
      }
      input = { ...(request.query as ActionInput), ...(body as ActionInput) };
    }
    const token = apiTokenFromHeaders(request.headers);
    // An unknown token is not an error in CKAN: the call runs as anonymous.
    const actor = token
      ? await authenticateApiToken(deps, { tenantId: request.tenant.id, token }).then((a) =>
          a ? { ...a, ip: request.ip, requestId: request.id } : undefined,
        )
      : undefined;
    try {
      const result = await definition.run({ request, input, actor, base, tenantId: request.tenant.id });
      if (!result.ok) return failWith(result.error.kind, result.error.message);
      return send(200, ckanSuccess(help, result.value));
    } catch (error) {
      if (error instanceof CkanFailureError) return failWith(error.kind, error.detail);
      if (error instanceof SearchQueryError) return failWith('search_query', error.en);
      if (error instanceof AppError) {
        if (error.code === 'not_found') return failWith('not_found', error.detail ?? '');
        if (error.code === 'forbidden') return failWith('authorization', error.detail ?? '');
        if (error.code === 'validation_failed' || error.code === 'payload_too_large') {
          const fields: Record<string, string[]> = {};
          for (const e of error.errors) fields[e.field] = [...(fields[e.field] ?? []), e.message];
          return failWith('validation', error.errors.length > 0 ? fields : (error.detail ?? error.message));
        }
        return failWith('bad_request', error.detail ?? error.message);
      }
      request.log.error({ err: error, action }, 'CKAN action failed');
      return failWith('internal', '');
    }
  }

  for (const prefix of ['/api/3/action', '/api/action']) {
    app.route<{ Params: { action: string } }>({
      method: ['GET', 'POST'],
      url: `${prefix}/:action`,
      schema: {
        hide: prefix !== '/api/3/action',
        tags: ['open-data'],
        summary:
          'CKAN Action API v3 互換（package_search, package_show, datastore_search … / 書き込みは API トークン）',
        params: { type: 'object', properties: { action: { type: 'string' } } },
      },
      config: { csrf: 'header-token', largeUploads: { limitBytes: apiUploadLimitBytes } },
      handler: handle,
    });
  }
}
