// The JSON API of data requests: the list, one request, and asking for a dataset (no account; a retried
// request with the same Idempotency-Key, or the same text from the same sender within minutes, answers with
// the first request's number). The requester's e-mail is never in a response. Errors are problem+json.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemResponse } from '../../../../platform/http/errors.ts';
import { baseUrl } from '../../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../../platform/module.ts';
import { datasetPath } from '../../urls.ts';
import {
  descriptionLimit,
  isRequestStatus,
  type PublicDataRequest,
  purposeLimit,
  requestSorts,
  requestStatuses,
  titleLimit,
} from '../model.ts';
import { createDataRequest } from '../use-cases/create-data-request.ts';
import { getDataRequest } from '../use-cases/get-data-request.ts';
import { listDataRequests } from '../use-cases/list-data-requests.ts';
import { numberParams } from './schemas.ts';

const tags = ['open-data'];

const requestSchema = {
  type: 'object',
  properties: {
    number: { type: 'integer' },
    title: { type: 'string' },
    description: { type: 'string' },
    purpose: { type: 'string' },
    status: { type: 'string', enum: [...requestStatuses] },
    supportCount: { type: 'integer' },
    answer: { type: 'string' },
    answeredAt: { type: ['string', 'null'], format: 'date-time' },
    dataset: {
      type: ['object', 'null'],
      properties: { name: { type: 'string' }, title: { type: 'string' }, href: { type: 'string' } },
    },
    createdAt: { type: 'string', format: 'date-time' },
    href: { type: 'string' },
  },
} as const;

function view(request: FastifyRequest, r: PublicDataRequest) {
  const base = baseUrl(request);
  return {
    number: r.number,
    title: r.title,
    description: r.description,
    purpose: r.purpose,
    status: r.status,
    supportCount: r.supportCount,
    answer: r.answer,
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    dataset: r.dataset
      ? {
          name: r.dataset.name,
          title: r.dataset.title,
          href: `${base}${datasetPath(r.dataset.name)}`,
        }
      : null,
    createdAt: r.createdAt.toISOString(),
    href: `${base}/open-data/requests/${r.number}`,
  };
}

export async function apiRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.get<{ Querystring: { status?: string; sort?: 'new' | 'supports'; limit?: number; offset?: number } }>(
    '/api/v1/open-data/requests',
    {
      schema: {
        tags,
        summary: 'データの要望の一覧（新しい順・賛同の多い順、対応状況で絞り込み）',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: [...requestStatuses] },
            sort: { type: 'string', enum: [...requestSorts], default: 'new' },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: requestSchema },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
            },
          },
          400: problemResponse('条件が正しくない'),
        },
      },
    },
    async (request) => {
      const page = await listDataRequests(deps, {
        tenantId: request.tenant.id,
        status: isRequestStatus(request.query.status) ? request.query.status : undefined,
        sort: request.query.sort ?? 'new',
        limit: request.query.limit ?? 20,
        offset: request.query.offset ?? 0,
      });
      return {
        items: page.items.map((r) => view(request, r)),
        total: page.total,
        limit: page.limit,
        offset: page.offset,
      };
    },
  );

  app.get<{ Params: { number: string } }>(
    '/api/v1/open-data/requests/:number',
    {
      schema: {
        tags,
        summary: 'データの要望1件（市の回答と、公開したデータセットを含む）',
        params: numberParams,
        response: { 200: requestSchema, 404: problemResponse('見つからない') },
      },
    },
    async (request) => {
      const { request: r } = await getDataRequest(deps, {
        tenantId: request.tenant.id,
        number: Number(request.params.number),
      });
      return view(request, r);
    },
  );

  app.post<{ Body: { title: string; description: string; purpose?: string; contactEmail?: string } }>(
    '/api/v1/open-data/requests',
    {
      schema: {
        tags,
        summary: 'データの公開を要望する（アカウント不要。Idempotency-Key を付けると再送しても1件）',
        headers: {
          type: 'object',
          properties: {
            'idempotency-key': { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
          },
        },
        body: {
          type: 'object',
          required: ['title', 'description'],
          additionalProperties: false,
          properties: {
            // Lengths are checked by the use case, with the limit named in Japanese.
            title: { type: 'string', maxLength: titleLimit * 2 },
            description: { type: 'string', maxLength: descriptionLimit * 2 },
            purpose: { type: 'string', maxLength: purposeLimit * 2 },
            contactEmail: { type: 'string', maxLength: 300, description: '任意。公開しません。' },
          },
        },
        response: {
          200: {
            description: '同じ要望の再送（最初の要望の番号）',
            type: 'object',
            properties: { number: { type: 'integer' }, href: { type: 'string' }, repeated: { type: 'boolean' } },
          },
          201: {
            description: '受け付けた',
            type: 'object',
            properties: { number: { type: 'integer' }, href: { type: 'string' }, repeated: { type: 'boolean' } },
          },
          400: problemResponse('空・長すぎる・使えない文字・メールアドレスの形式'),
          409: problemResponse('Idempotency-Key が別の内容に使われた'),
          429: problemResponse('送信が多すぎる'),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await createDataRequest(deps, {
        tenantId: request.tenant.id,
        title: request.body.title,
        description: request.body.description,
        purpose: request.body.purpose,
        contactEmail: request.body.contactEmail,
        idempotencyKey: typeof key === 'string' ? key : undefined,
        sender: request.ip,
      });
      const href = `${baseUrl(request)}/open-data/requests/${result.number}`;
      return reply
        .status(result.repeated ? 200 : 201)
        .header('location', href)
        .send({ number: result.number, href, repeated: result.repeated });
    },
  );
}
