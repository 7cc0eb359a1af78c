// HTTP: the organisation API (wards, departments) and the page that lists them.
import type { FastifyInstance } from 'fastify';
import { problemResponse } from '../../platform/http/errors.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { pageContext } from '../../platform/pages/server-pages.ts';
import { renderOrganisationPage } from './pages/organisation-page.ts';
import { departmentSchema, wardSchema } from './schema.ts';
import { getDepartment } from './use-cases/get-department.ts';
import { listDepartments } from './use-cases/list-departments.ts';
import { listWards } from './use-cases/list-wards.ts';

const departmentResponse = { $ref: 'Department#' };

export async function organisationRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.addSchema(wardSchema);
  app.addSchema(departmentSchema);

  app.get(
    '/api/v1/wards',
    {
      schema: {
        tags: ['organisation'],
        summary: '区の一覧',
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: 'Ward#' } } },
          },
        },
      },
    },
    async (request) => ({ items: await listWards(deps, { tenantId: request.tenant.id }) }),
  );

  app.get(
    '/api/v1/departments',
    {
      schema: {
        tags: ['organisation'],
        summary: '局・部・課・区役所の一覧（親が子より先）',
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: 'Department#' } } },
          },
        },
      },
    },
    async (request) => ({ items: await listDepartments(deps, { tenantId: request.tenant.id }) }),
  );

  app.get(
    '/api/v1/departments/:code',
    {
      schema: {
        tags: ['organisation'],
        summary: '部署を1件取得',
        params: {
          type: 'object',
          required: ['code'],
          properties: {
            code: {
              type: 'string',
              pattern: '^[a-z0-9][a-z0-9.-]{0,99}$',
              description: '部署コード（例: somu-kikaku.digital）',
            },
          },
        },
        response: {
          200: { description: '部署', ...departmentResponse },
          400: problemResponse('部署コードの形式が正しくない'),
          404: problemResponse('その部署コードの部署がない'),
        },
      },
    },
    async (request) =>
      getDepartment(deps, { tenantId: request.tenant.id, code: (request.params as { code: string }).code }),
  );

  app.get('/organisation', { schema: { hide: true } }, async (request, reply) => {
    const [wards, departments] = await Promise.all([
      listWards(deps, { tenantId: request.tenant.id }),
      listDepartments(deps, { tenantId: request.tenant.id }),
    ]);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderOrganisationPage(pageContext(request), wards, departments));
  });
}
