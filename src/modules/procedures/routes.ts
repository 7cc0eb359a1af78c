// HTTP: the procedure search API and pages. Parse, call a use case, render or reply; no SQL here.
import type { FastifyInstance } from 'fastify';
import { AppError, problemResponse } from '../../platform/http/errors.ts';
import { t } from '../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { pageContext } from '../../platform/pages/server-pages.ts';
import { listDepartments } from '../organisation/index.ts';
import { renderProcedurePage } from './pages/procedure-page.ts';
import { renderSearchPage } from './pages/search-page.ts';
import {
  codeParamsSchema,
  procedureSchema,
  procedureSummarySchema,
  type SearchQuery,
  searchQuerySchema,
} from './schema.ts';
import { getProcedure } from './use-cases/get-procedure.ts';
import { listLifeEvents } from './use-cases/list-life-events.ts';
import { searchProcedures } from './use-cases/search-procedures.ts';

function searchInput(tenantId: string, q: SearchQuery) {
  return {
    tenantId,
    q: q.q,
    lifeEvent: q.lifeEvent || undefined,
    department: q.department || undefined,
    online: q.online,
    filer: q.filer || undefined,
    limit: q.limit,
    offset: q.offset,
  };
}

export async function proceduresRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.addSchema(procedureSummarySchema);
  app.addSchema(procedureSchema);

  app.get(
    '/api/v1/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: '手続の検索（キーワード・ライフイベント・担当部署・オンライン可否・申請者で絞り込み）',
        querystring: searchQuerySchema,
        response: {
          200: {
            type: 'object',
            required: ['total', 'items'],
            properties: {
              total: { type: 'integer', description: '条件に合う手続の数' },
              items: { type: 'array', items: { $ref: 'ProcedureSummary#' } },
            },
          },
          400: problemResponse('検索条件の形式が正しくない'),
        },
      },
    },
    async (request) => searchProcedures(deps, searchInput(request.tenant.id, request.query as SearchQuery)),
  );

  app.get(
    '/api/v1/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: '手続の定義を1件取得（full の手続は申請フォームの JSON Schema を含む）',
        params: codeParamsSchema,
        response: {
          200: { description: '手続', $ref: 'Procedure#' },
          400: problemResponse('手続コードの形式が正しくない'),
          404: problemResponse('その手続コードの手続がない'),
        },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code });
      if (!procedure) throw new AppError('not_found', t('ja', 'procedures.notFound', { code }));
      return procedure;
    },
  );

  app.get('/procedures', { schema: { hide: true, querystring: searchQuerySchema } }, async (request, reply) => {
    const query = request.query as SearchQuery;
    const tenantId = request.tenant.id;
    const [found, lifeEvents, departments] = await Promise.all([
      searchProcedures(deps, searchInput(tenantId, query)),
      listLifeEvents(deps, { tenantId }),
      listDepartments(deps, { tenantId }),
    ]);
    return reply
      .type('text/html; charset=utf-8')
      .send(renderSearchPage(pageContext(request), { query, ...found, lifeEvents, departments }));
  });

  app.get('/procedures/:code', { schema: { hide: true, params: codeParamsSchema } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const tenantId = request.tenant.id;
    const [procedure, departments] = await Promise.all([
      getProcedure(deps, { tenantId, code }),
      listDepartments(deps, { tenantId }),
    ]);
    if (!procedure) throw new AppError('not_found', t(request.lang, 'procedures.notFound', { code }));
    return reply
      .type('text/html; charset=utf-8')
      .send(renderProcedurePage(pageContext(request), procedure, departments));
  });
}
