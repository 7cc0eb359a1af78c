// Staff pages of /staff/open-data, where departments publish and update datasets. Every page goes through
// staffOrRedirect and the policy decision point (catalogue data is public, so creating and updating is
// what the roles allow); the use cases then check that the staff member publishes for the dataset's
// organisation. Forms that fail validation re-render with 400, an error summary linking to the fields and
// the values kept; successful posts redirect (303). Uploads stream to a temporary file and from there
// through the checks, so a CSV of gigabytes never sits in memory.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createZoneClassifier } from '../../../platform/access/zones.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { formList, formText, formValues } from '../../../platform/http/form-body.ts';
import { baseUrl, seeOther, sendPage } from '../../../platform/http/respond.ts';
import { isSpooledFile, type LargeUploads } from '../../../platform/http/server.ts';
import { t, th } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { authorize, type StaffContext, staffOrRedirect } from '../../identity/staff-access.ts';
import { listDepartments } from '../../organisation/index.ts';
import { assertCanPublishFor, canPublishFor, type OpenDataActor } from '../actor.ts';
import { type DatasetFields, splitTags } from '../dataset-fields.ts';
import { getStandardSchema, standardSchemas } from '../ingest/index.ts';
import { k } from '../messages-staff.ts';
import type { Dataset } from '../model.ts';
import {
  confirmPage,
  csvUploadLimit,
  type DatasetFormView,
  editDatasetPage,
  newDatasetPage,
  type StaffFormState,
  staffDatasetPath,
  staffListPage,
} from '../pages/staff.ts';
import { groupsPage, tokensPage } from '../pages/staff-tokens.ts';
import { uploadReportPage } from '../pages/staff-upload.ts';
import { addLinkResource } from '../use-cases/add-link-resource.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../use-cases/api-tokens.ts';
import { catalogueStats } from '../use-cases/catalogue-stats.ts';
import { createDataset } from '../use-cases/create-dataset.ts';
import { createGroup } from '../use-cases/create-group.ts';
import { deleteDataset } from '../use-cases/delete-dataset.ts';
import { deleteResource } from '../use-cases/delete-resource.ts';
import { listGroups } from '../use-cases/list-catalogue-parts.ts';
import { publishUpload } from '../use-cases/publish-upload.ts';
import { readDataset } from '../use-cases/read-dataset.ts';
import { readUpload, type UploadView } from '../use-cases/read-upload.ts';
import { searchCatalogue } from '../use-cases/search-catalogue.ts';
import { updateDataset } from '../use-cases/update-dataset.ts';
import { uploadResource } from '../use-cases/upload-resource.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Files of this route stream to a temporary file with their own size limit (platform/http/server.ts). */
    largeUploads?: LargeUploads;
  }
}

const page = { hide: true };
const pageSize = 50;
type Body = Record<string, unknown>;

const str = formText;
const list = formList;
const textValues = formValues;
const isFormError = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';
const errorsOf = (error: AppError, field: string): FieldError[] =>
  error.errors.length > 0 ? error.errors : [{ field, message: error.message }];

/** The metadata form's fields, named as CKAN names them (so the use case's errors name the form's fields). */
function datasetFields(body: Body): DatasetFields {
  return {
    name: str(body, 'name'),
    title: str(body, 'title'),
    notes: str(body, 'notes'),
    organization: str(body, 'owner_org'),
    licenseId: str(body, 'license_id'),
    frequency: str(body, 'frequency'),
    spatial: str(body, 'spatial'),
    temporalStart: str(body, 'temporal_start') ?? null,
    temporalEnd: str(body, 'temporal_end') ?? null,
    contactName: str(body, 'maintainer'),
    contactEmail: str(body, 'maintainer_email'),
    standard: str(body, 'standard') ?? null,
    private: str(body, 'private') === 'on',
    tags: splitTags(str(body, 'tags') ?? ''),
    groups: list(body, 'groups'),
  };
}

/** Free text from the staff filter box, with the search syntax's special characters taken out. */
const plainQuery = (q: string) =>
  q
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ')
    .replace(/\b(AND|OR|NOT)\b/g, ' ')
    .trim()
    .slice(0, 200);

export async function staffRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const zoneOf = createZoneClassifier(deps.config.networkZones);
  const actorOf = (request: FastifyRequest, staff: StaffContext): OpenDataActor => ({
    accountId: staff.session.accountId,
    roles: staff.session.staff.roles,
    departments: staff.session.staff.departments,
    ip: request.ip,
    requestId: request.id,
  });
  const isDxAdmin = (staff: StaffContext) => staff.session.staff.roles.includes('dx_admin');

  /** A dataset the staff member publishes for: invisible ones are 404, another department's public ones 403. */
  async function guardDataset(
    request: FastifyRequest<{ Params: { name: string } }>,
    reply: FastifyReply,
    action: 'read' | 'update',
    auditAction: string,
  ) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    const actor = actorOf(request, staff);
    const dataset = await readDataset(deps, {
      tenantId: request.tenant.id,
      idOrName: request.params.name,
      viewer: actor,
    });
    await authorize(deps, request, staff, {
      action,
      resource: { type: 'open_dataset', id: dataset.id, dataClass: 'public', department: dataset.organization.name },
      auditAction,
    });
    assertCanPublishFor(actor, dataset.organization.name);
    return { staff, actor, dataset, tenantId: request.tenant.id };
  }

  /** Departments the staff member publishes for (every one for the DX office), named with their parents. */
  async function formOptions(
    request: FastifyRequest,
    actor: OpenDataActor,
    dataset?: Dataset,
  ): Promise<Omit<DatasetFormView, 'dataset' | 'replace'>> {
    const [departments, groups] = await Promise.all([
      listDepartments(deps, { tenantId: request.tenant.id }),
      listGroups(deps, { tenantId: request.tenant.id }),
    ]);
    const byCode = new Map(departments.map((d) => [d.code, d]));
    const nameOf = (code: string): string => {
      const d = byCode.get(code);
      if (!d) return code;
      const own = request.lang === 'en' ? d.nameEn : d.nameJa;
      return d.parentCode ? `${nameOf(d.parentCode)} ${own}` : own;
    };
    return {
      organizations: departments
        .filter((d) => canPublishFor(actor, d.code) || d.code === dataset?.organization.name)
        .map((d) => ({ code: d.code, name: nameOf(d.code) })),
      groups,
      standards: standardSchemas.map((s) => ({ id: s.id, title: s.title })),
    };
  }

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    g: { actor: OpenDataActor; dataset: Dataset },
    state: StaffFormState,
    status = 200,
    replaceId?: string,
  ) {
    const options = await formOptions(request, g.actor, g.dataset);
    const replace = replaceId
      ? g.dataset.resources.find((r) => r.id === replaceId && r.urlType === 'upload')
      : undefined;
    return sendPage(
      reply,
      editDatasetPage(pageContext(request), { ...options, dataset: g.dataset, replace }, state),
      status,
    );
  }

  async function renderReport(
    request: FastifyRequest,
    reply: FastifyReply,
    u: UploadView,
    state: StaffFormState,
    status = 200,
  ) {
    const standard = u.report.standard ? getStandardSchema(u.report.standard) : undefined;
    return sendPage(reply, uploadReportPage(pageContext(request), u, standard?.title, state), status);
  }

  // The department's datasets, private ones included, with the catalogue's KPI figures.
  app.get<{ Querystring: { q?: string; page?: string; notice?: string } }>(
    '/staff/open-data',
    { schema: page },
    async (request, reply) => {
      const staff = await staffOrRedirect(deps, zoneOf, request, reply);
      if (!staff) return reply;
      await authorize(deps, request, staff, {
        action: 'read',
        resource: { type: 'open_dataset', dataClass: 'public' },
        auditAction: 'open_data.staff.list',
      });
      const actor = actorOf(request, staff);
      const tenantId = request.tenant.id;
      const all = isDxAdmin(staff);
      const q = plainQuery(typeof request.query.q === 'string' ? request.query.q : '');
      const pageNo = Math.max(1, Math.min(1000, Number.parseInt(request.query.page ?? '1', 10) || 1));
      const own = all
        ? []
        : (await listDepartments(deps, { tenantId })).map((d) => d.code).filter((code) => canPublishFor(actor, code));
      const found =
        all || own.length > 0
          ? await searchCatalogue(deps, {
              tenantId,
              viewer: actor,
              query: {
                q: q || undefined,
                fq: all ? undefined : `organization:(${own.join(' OR ')})`,
                sort: q ? undefined : 'metadata_modified desc',
                rows: pageSize,
                start: (pageNo - 1) * pageSize,
                facetFields: [],
                facetLimit: 0,
                includePrivate: true,
                includeDrafts: true,
              },
            })
          : { count: 0, datasets: [] };
      const stats = await catalogueStats(deps, { tenantId });
      const notice = request.query.notice === 'deleted' ? 'deleted' : undefined;
      return sendPage(
        reply,
        staffListPage(
          pageContext(request),
          { datasets: found.datasets, count: found.count, page: pageNo, pageSize, q, all, stats },
          notice ? { notice } : {},
        ),
      );
    },
  );

  app.get('/staff/open-data/datasets/new', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    await authorize(deps, request, staff, {
      action: 'create',
      resource: { type: 'open_dataset', dataClass: 'public' },
      auditAction: 'open_data.dataset.new',
    });
    const options = await formOptions(request, actorOf(request, staff));
    return sendPage(reply, newDatasetPage(pageContext(request), options, {}));
  });

  app.post('/staff/open-data/datasets', { schema: page }, async (request, reply) => {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return reply;
    const body = (request.body ?? {}) as Body;
    const actor = actorOf(request, staff);
    await authorize(deps, request, staff, {
      action: 'create',
      resource: { type: 'open_dataset', dataClass: 'public', department: str(body, 'owner_org') },
      auditAction: 'open_data.dataset.create',
    });
    try {
      const created = await createDataset(deps, { tenantId: request.tenant.id, actor, fields: datasetFields(body) });
      return seeOther(reply, `${staffDatasetPath(created.name)}?notice=created`);
    } catch (error) {
      if (!isFormError(error)) throw error;
      const options = await formOptions(request, actor);
      return sendPage(
        reply,
        newDatasetPage(pageContext(request), options, {
          form: 'dataset',
          values: textValues(body),
          errors: errorsOf(error, 'name'),
        }),
        400,
      );
    }
  });

  const notices = ['created', 'saved', 'published', 'linked', 'removed'];

  app.get<{ Params: { name: string }; Querystring: { notice?: string; replace?: string } }>(
    '/staff/open-data/datasets/:name',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'read', 'open_data.dataset.edit_view');
      if (!g) return reply;
      const notice = notices.find((n) => n === request.query.notice);
      return renderEdit(request, reply, g, notice ? { notice } : {}, 200, request.query.replace);
    },
  );

  app.post<{ Params: { name: string } }>(
    '/staff/open-data/datasets/:name',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'update', 'open_data.dataset.update');
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      try {
        const { name: _fixed, ...fields } = datasetFields(body);
        // The edit page shows every field, so what is sent replaces the dataset's metadata; the URL name stays.
        const updated = await updateDataset(deps, {
          tenantId: g.tenantId,
          actor: g.actor,
          idOrName: g.dataset.id,
          mode: 'replace',
          fields,
        });
        return seeOther(reply, `${staffDatasetPath(updated.name)}?notice=saved`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderEdit(
          request,
          reply,
          g,
          { form: 'dataset', values: textValues(body), errors: errorsOf(error, 'title') },
          400,
        );
      }
    },
  );

  // Deleting asks first: a page that says what goes and what stays, with the button that deletes.
  app.get<{ Params: { name: string } }>(
    '/staff/open-data/datasets/:name/delete',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'read', 'open_data.dataset.delete_view');
      if (!g) return reply;
      const ctx = pageContext(request);
      const base = staffDatasetPath(g.dataset.name);
      return sendPage(
        reply,
        confirmPage(ctx, {
          titleKey: 'deleteTitle',
          lead: th(ctx.lang, k('deleteLead'), { title: g.dataset.title }),
          action: `${base}/delete`,
          back: base,
        }),
      );
    },
  );

  app.post<{ Params: { name: string } }>(
    '/staff/open-data/datasets/:name/delete',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'update', 'open_data.dataset.delete');
      if (!g) return reply;
      await deleteDataset(deps, { tenantId: g.tenantId, actor: g.actor, idOrName: g.dataset.id });
      return seeOther(reply, '/staff/open-data?notice=deleted');
    },
  );

  app.get<{ Params: { name: string; rid: string } }>(
    '/staff/open-data/datasets/:name/resources/:rid/delete',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'read', 'open_data.resource.delete_view');
      if (!g) return reply;
      const resource = g.dataset.resources.find((r) => r.id === request.params.rid);
      if (!resource) throw new AppError('not_found', 'リソースが見つかりません。');
      const ctx = pageContext(request);
      const base = staffDatasetPath(g.dataset.name);
      return sendPage(
        reply,
        confirmPage(ctx, {
          titleKey: 'removeTitle',
          lead: th(ctx.lang, k('removeLead'), { name: resource.name, title: g.dataset.title }),
          action: `${base}/resources/${resource.id}/delete`,
          back: base,
        }),
      );
    },
  );

  app.post<{ Params: { name: string; rid: string } }>(
    '/staff/open-data/datasets/:name/resources/:rid/delete',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'update', 'open_data.resource.delete');
      if (!g) return reply;
      if (!g.dataset.resources.some((r) => r.id === request.params.rid)) {
        throw new AppError('not_found', 'リソースが見つかりません。');
      }
      await deleteResource(deps, { tenantId: g.tenantId, actor: g.actor, resourceId: request.params.rid });
      return seeOther(reply, `${staffDatasetPath(g.dataset.name)}?notice=removed`);
    },
  );

  app.post<{ Params: { name: string } }>(
    '/staff/open-data/datasets/:name/links',
    { schema: page },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'update', 'open_data.resource.link');
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      try {
        await addLinkResource(deps, {
          tenantId: g.tenantId,
          actor: g.actor,
          datasetIdOrName: g.dataset.id,
          url: str(body, 'url') ?? '',
          name: str(body, 'name'),
          format: str(body, 'format'),
        });
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderEdit(
          request,
          reply,
          g,
          { form: 'link', values: textValues(body), errors: errorsOf(error, 'url') },
          400,
        );
      }
      return seeOther(reply, `${staffDatasetPath(g.dataset.name)}?notice=linked`);
    },
  );

  // The file streams to a temporary file (the multipart parser, up to 2 GB), then from there through the
  // checks into file storage; the report page says what was found and offers publication.
  app.post<{ Params: { name: string } }>(
    '/staff/open-data/datasets/:name/uploads',
    { schema: page, config: { largeUploads: { limitBytes: csvUploadLimit } } },
    async (request, reply) => {
      const g = await guardDataset(request, reply, 'update', 'open_data.upload.create');
      if (!g) return reply;
      const body = (request.body ?? {}) as Body;
      const from = str(body, 'from');
      const resourceId = str(body, 'resourceId') || undefined;
      const refuse = async (errors: FieldError[]) => {
        const state: StaffFormState = { form: 'upload', values: textValues(body), errors };
        if (from) {
          const u = await readUpload(deps, { tenantId: g.tenantId, actor: g.actor, uploadId: from }).catch(
            () => undefined,
          );
          if (u && u.dataset.id === g.dataset.id) return renderReport(request, reply, u, state, 400);
        }
        return renderEdit(request, reply, g, state, 400, resourceId);
      };
      const file = isSpooledFile(body.file) && body.file.filename !== '' ? body.file : undefined;
      if (!file) {
        return refuse([{ field: 'file', message: t(request.lang, k('fileMissing')) }]);
      }
      try {
        const result = await uploadResource(deps, {
          tenantId: g.tenantId,
          actor: g.actor,
          datasetIdOrName: g.dataset.id,
          resourceId,
          name: str(body, 'name'),
          description: str(body, 'description'),
          format: str(body, 'format') || undefined,
          fileName: file.filename,
          file: createReadStream(file.path),
        });
        return seeOther(reply, `/staff/open-data/uploads/${result.uploadId}`);
      } catch (error) {
        if (isFormError(error)) return refuse(errorsOf(error, 'file'));
        if (error instanceof AppError && error.code === 'payload_too_large') {
          return refuse([{ field: 'file', message: error.message }]);
        }
        throw error;
      }
    },
  );

  async function guardUpload(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    action: 'read' | 'update',
    auditAction: string,
  ) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    const actor = actorOf(request, staff);
    const upload = await readUpload(deps, { tenantId: request.tenant.id, actor, uploadId: request.params.id });
    await authorize(deps, request, staff, {
      action,
      resource: {
        type: 'open_dataset',
        id: upload.dataset.id,
        dataClass: 'public',
        department: upload.dataset.organization.name,
      },
      auditAction,
    });
    return { actor, upload };
  }

  app.get<{ Params: { id: string } }>('/staff/open-data/uploads/:id', { schema: page }, async (request, reply) => {
    const g = await guardUpload(request, reply, 'read', 'open_data.upload.view');
    if (!g) return reply;
    return renderReport(request, reply, g.upload, {});
  });

  app.post<{ Params: { id: string } }>(
    '/staff/open-data/uploads/:id/publish',
    { schema: page },
    async (request, reply) => {
      const g = await guardUpload(request, reply, 'update', 'open_data.upload.publish');
      if (!g) return reply;
      try {
        const published = await publishUpload(deps, {
          tenantId: request.tenant.id,
          actor: g.actor,
          uploadId: g.upload.id,
        });
        return seeOther(reply, `${staffDatasetPath(published.dataset.name)}?notice=published`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        return renderReport(request, reply, g.upload, { form: 'upload', errors: errorsOf(error, 'file') }, 400);
      }
    },
  );

  // API tokens belong to the staff member; any staff member who publishes may hold them.
  async function tokenGuard(
    request: FastifyRequest,
    reply: FastifyReply,
    action: 'read' | 'create' | 'update',
    auditAction: string,
  ) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    await authorize(deps, request, staff, {
      action,
      resource: { type: 'open_data_token', dataClass: 'public' },
      auditAction,
    });
    return { staff, actor: actorOf(request, staff) };
  }

  const renderTokens = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: OpenDataActor,
    extra: { created?: { name: string; token: string }; state?: StaffFormState },
    status = 200,
  ) => {
    const tokens = await listApiTokens(deps, { tenantId: request.tenant.id, accountId: actor.accountId });
    return sendPage(
      reply,
      tokensPage(pageContext(request), { tokens, created: extra.created, baseUrl: baseUrl(request) }, extra.state),
      status,
    );
  };

  app.get<{ Querystring: { notice?: string } }>('/staff/open-data/tokens', { schema: page }, async (request, reply) => {
    const g = await tokenGuard(request, reply, 'read', 'open_data.token.list');
    if (!g) return reply;
    return renderTokens(request, reply, g.actor, {
      state: request.query.notice === 'revoked' ? { notice: 'revoked' } : {},
    });
  });

  // The new token is shown on the answer to this post, once; it is never stored, so it cannot be shown again.
  app.post('/staff/open-data/tokens', { schema: page }, async (request, reply) => {
    const g = await tokenGuard(request, reply, 'create', 'open_data.token.create');
    if (!g) return reply;
    const body = (request.body ?? {}) as Body;
    try {
      const name = (str(body, 'name') ?? '').trim();
      const created = await createApiToken(deps, { tenantId: request.tenant.id, actor: g.actor, name });
      return renderTokens(request, reply, g.actor, { created: { name, token: created.token } });
    } catch (error) {
      if (!isFormError(error)) throw error;
      return renderTokens(
        request,
        reply,
        g.actor,
        { state: { form: 'token', values: textValues(body), errors: errorsOf(error, 'name') } },
        400,
      );
    }
  });

  app.post<{ Params: { id: string } }>(
    '/staff/open-data/tokens/:id/revoke',
    { schema: page },
    async (request, reply) => {
      const g = await tokenGuard(request, reply, 'update', 'open_data.token.revoke');
      if (!g) return reply;
      await revokeApiToken(deps, { tenantId: request.tenant.id, actor: g.actor, id: request.params.id });
      return seeOther(reply, '/staff/open-data/tokens?notice=revoked');
    },
  );

  // Groups are city-wide: the DX office's (administer).
  async function groupGuard(request: FastifyRequest, reply: FastifyReply, auditAction: string) {
    const staff = await staffOrRedirect(deps, zoneOf, request, reply);
    if (!staff) return undefined;
    await authorize(deps, request, staff, {
      action: 'administer',
      resource: { type: 'open_data_group', dataClass: 'public' },
      auditAction,
    });
    return { actor: actorOf(request, staff) };
  }

  app.get<{ Querystring: { notice?: string } }>('/staff/open-data/groups', { schema: page }, async (request, reply) => {
    const g = await groupGuard(request, reply, 'open_data.group.list');
    if (!g) return reply;
    const groups = await listGroups(deps, { tenantId: request.tenant.id });
    return sendPage(
      reply,
      groupsPage(pageContext(request), groups, request.query.notice === 'created' ? { notice: 'groupCreated' } : {}),
    );
  });

  app.post('/staff/open-data/groups', { schema: page }, async (request, reply) => {
    const g = await groupGuard(request, reply, 'open_data.group.create');
    if (!g) return reply;
    const body = (request.body ?? {}) as Body;
    try {
      await createGroup(deps, {
        tenantId: request.tenant.id,
        actor: g.actor,
        fields: { name: str(body, 'name'), title: str(body, 'title'), description: str(body, 'description') },
      });
    } catch (error) {
      if (!isFormError(error)) throw error;
      const groups = await listGroups(deps, { tenantId: request.tenant.id });
      return sendPage(
        reply,
        groupsPage(pageContext(request), groups, {
          form: 'group',
          values: textValues(body),
          errors: errorsOf(error, 'name'),
        }),
        400,
      );
    }
    return seeOther(reply, '/staff/open-data/groups?notice=created');
  });
}
