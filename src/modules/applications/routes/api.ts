// The JSON API: submit an application in one request (residents' apps, business systems, counter staff
// entering a paper form), read one's application, and for business systems with a token the cases of
// their department and the export. Errors are problem+json.
import type { FastifyInstance } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, problemResponse } from '../../../platform/http/errors.ts';
import { requestMeta as meta } from '../../../platform/http/respond.ts';
import { encodeCsvUtf8Bom, encodeShiftJis } from '../../../platform/ja/csv.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { requireApiSession } from '../../identity/index.ts';
import { authenticateSystemToken } from '../../integration/index.ts';
import { getProcedure } from '../../procedures/index.ts';
import type { Application, Channel } from '../model.ts';
import { assertOwnApplication, loadApplication } from '../queries.ts';
import { casesCsv, casesJson } from '../use-cases/export-cases.ts';
import { listCases } from '../use-cases/list-cases.ts';
import { onlineApplicationRate } from '../use-cases/online-application-rate.ts';
import { submitApplication } from '../use-cases/submit-application.ts';

const tags = ['applications'];

const applicationSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    receiptNumber: { type: ['string', 'null'] },
    procedureCode: { type: 'string' },
    status: { type: 'string' },
    channel: { type: 'string' },
    department: { type: 'string' },
    feeAmount: { type: 'integer' },
    paymentStatus: { type: 'string' },
    dueDate: { type: ['string', 'null'] },
    submittedAt: { type: ['string', 'null'] },
    href: { type: 'string' },
  },
} as const;

function view(app: Application) {
  return {
    id: app.id,
    receiptNumber: app.receiptNumber,
    procedureCode: app.procedureCode,
    status: app.status,
    channel: app.channel,
    department: app.department,
    feeAmount: app.feeAmount,
    paymentStatus: app.paymentStatus,
    dueDate: app.dueDate,
    submittedAt: app.submittedAt ? app.submittedAt.toISOString() : null,
    href: `/applications/${app.id}`,
  };
}

export async function apiRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.post<{ Body: { procedureCode: string; answers: Record<string, unknown>; channel?: Channel } }>(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: '申請を提出する（Idempotency-Key 必須）',
        headers: {
          type: 'object',
          required: ['idempotency-key'],
          properties: {
            'idempotency-key': { type: 'string', minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' },
          },
        },
        body: {
          type: 'object',
          required: ['procedureCode', 'answers'],
          additionalProperties: false,
          properties: {
            procedureCode: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
            answers: { type: 'object' },
            channel: { type: 'string', enum: ['online', 'counter', 'post'] },
          },
        },
        response: {
          200: applicationSchema,
          201: applicationSchema,
          400: problemResponse('入力内容の誤り'),
          401: problemResponse('未サインイン'),
          403: problemResponse('本人確認の水準が足りない・権限がない'),
          404: problemResponse('オンライン申請できない手続'),
          409: problemResponse('Idempotency-Key が別の内容に使われた'),
        },
      },
    },
    async (request, reply) => {
      const session = requireApiSession(request);
      const procedure = await getProcedure(deps, { tenantId: request.tenant.id, code: request.body.procedureCode });
      if (!procedure) throw new AppError('not_found', `手続「${request.body.procedureCode}」は見つかりません。`);
      const { application, created } = await submitApplication(deps, {
        tenantId: request.tenant.id,
        session,
        procedure,
        answers: request.body.answers,
        idempotencyKey: String(request.headers['idempotency-key']),
        channel: request.body.channel ?? 'online',
        lang: request.lang,
        meta: meta(request),
      });
      return reply
        .status(created ? 201 : 200)
        .header('location', `/api/v1/applications/${application.id}`)
        .send(view(application));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        summary: '自分の申請の状況',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } },
        response: {
          200: applicationSchema,
          401: problemResponse('未サインイン'),
          404: problemResponse('見つからない'),
        },
      },
    },
    async (request) => {
      const session = requireApiSession(request);
      const found = await withTenant(deps.db, request.tenant.id, (trx) => loadApplication(trx, request.params.id));
      return view(assertOwnApplication(found, session));
    },
  );

  app.get<{ Querystring: { status?: string; updatedAfter?: string; limit?: number; offset?: number } }>(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: '案件の一覧（業務システム用、API トークン cases:read）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: {
              type: 'string',
              enum: [
                'open',
                'submitted',
                'in_review',
                'correction_requested',
                'resubmitted',
                'approved',
                'rejected',
                'issued',
                'closed',
                'withdrawn',
              ],
            },
            updatedAfter: { type: 'string', format: 'date-time' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
          },
        },
        response: { 401: problemResponse('トークンがない・無効'), 403: problemResponse('スコープが足りない') },
      },
    },
    async (request, reply) => {
      const caller = await authenticateSystemToken(deps, request, 'cases:read');
      const { cases, total } = await listCases(deps, {
        tenantId: request.tenant.id,
        departments: caller.department ? [caller.department] : 'all',
        filter: {
          status: request.query.status as never,
          updatedAfter: request.query.updatedAfter ? new Date(request.query.updatedAfter) : undefined,
        },
        limit: request.query.limit ?? 100,
        offset: request.query.offset ?? 0,
      });
      return reply
        .type('application/json; charset=utf-8')
        .header('x-total-count', String(total))
        .send(casesJson(cases));
    },
  );

  app.get<{ Querystring: { encoding?: 'utf-8' | 'shift_jis'; status?: string } }>(
    '/api/v1/cases/export.csv',
    {
      schema: {
        tags,
        summary: '案件の CSV 出力（API トークン cases:export）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { encoding: { type: 'string', enum: ['utf-8', 'shift_jis'] }, status: { type: 'string' } },
        },
        response: { 401: problemResponse('トークンがない・無効'), 403: problemResponse('スコープが足りない') },
      },
    },
    async (request, reply) => {
      const caller = await authenticateSystemToken(deps, request, 'cases:export');
      const { cases } = await listCases(deps, {
        tenantId: request.tenant.id,
        departments: caller.department ? [caller.department] : 'all',
        filter: {},
        limit: 50_000,
      });
      const text = casesCsv(cases);
      const sjis = request.query.encoding === 'shift_jis';
      return reply
        .type(sjis ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8')
        .send(sjis ? encodeShiftJis(text).buffer : encodeCsvUtf8Bom(text));
    },
  );

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/v1/kpi/online-application-rate',
    {
      schema: {
        tags: ['kpi'],
        summary: 'KPI ①ア オンライン申請率（既定は今年度）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if ((from && !to) || (!from && to)) throw new AppError('bad_request', 'from と to は両方指定してください。');
      const result = await onlineApplicationRate(deps, {
        tenantId: request.tenant.id,
        ...(from && to ? { from: new Date(`${from}T00:00:00+09:00`), to: new Date(`${to}T00:00:00+09:00`) } : {}),
      });
      return {
        online: result.online,
        total: result.total,
        rate: result.rate,
        from: result.from.toISOString(),
        to: result.to.toISOString(),
        baseline: 0.256,
        target: 0.4,
      };
    },
  );
}
