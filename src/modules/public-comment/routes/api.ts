// The JSON API of public comment: the list, one consultation, sending an opinion (no account; a retried
// request with the same Idempotency-Key gets the first receipt) and the published result. Errors are
// problem+json.
import type { FastifyInstance } from 'fastify';
import { AppError, problemResponse } from '../../../platform/http/errors.ts';
import { baseUrl } from '../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { bodyLimit, type Consultation, type ConsultationPhase, contactLimit, nameLimit } from '../model.ts';
import { reportJson } from '../report/render-json.ts';
import { getPublicConsultation } from '../use-cases/get-public-consultation.ts';
import { listPublicConsultations } from '../use-cases/list-public-consultations.ts';
import { submitOpinion } from '../use-cases/submit-opinion.ts';

const tags = ['public-comment'];
const numberParams = {
  type: 'object',
  properties: { number: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
} as const;

const consultationSchema = {
  type: 'object',
  properties: {
    number: { type: 'integer' },
    title: { type: 'string' },
    subject: { type: 'string' },
    phase: { type: 'string', enum: ['upcoming', 'open', 'closed', 'analysing', 'published'] },
    opensOn: { type: 'string', format: 'date' },
    closesOn: { type: 'string', format: 'date' },
    methods: { type: 'array', items: { type: 'string' } },
    topics: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } },
    },
    href: { type: 'string' },
    resultHref: { type: ['string', 'null'] },
  },
} as const;

function view(base: string, c: Consultation & { phase: ConsultationPhase }) {
  return {
    number: c.number,
    title: c.title,
    subject: c.subject,
    phase: c.phase,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    methods: c.methods,
    topics: c.topics,
    href: `${base}/public-comments/${c.number}`,
    resultHref: c.phase === 'published' ? `${base}/public-comments/${c.number}/result.json` : null,
  };
}

export async function apiRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.get(
    '/api/v1/public-comments',
    {
      schema: {
        tags,
        summary: 'パブリックコメントの一覧（下書きを除く）',
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: consultationSchema } } } },
      },
    },
    async (request) => {
      const items = await listPublicConsultations(deps, { tenantId: request.tenant.id });
      return { items: items.map((c) => view(baseUrl(request), c)) };
    },
  );

  app.get<{ Params: { number: string } }>(
    '/api/v1/public-comments/:number',
    {
      schema: {
        tags,
        summary: 'パブリックコメント1件',
        params: numberParams,
        response: { 200: consultationSchema, 404: problemResponse('見つからない（下書きを含む）') },
      },
    },
    async (request) => {
      const v = await getPublicConsultation(deps, {
        tenantId: request.tenant.id,
        number: Number(request.params.number),
      });
      return view(baseUrl(request), { ...v.consultation, phase: v.phase });
    },
  );

  app.post<{ Params: { number: string }; Body: { body: string; name?: string; contact?: string } }>(
    '/api/v1/public-comments/:number/opinions',
    {
      schema: {
        tags,
        summary: '意見を送る（アカウント不要。Idempotency-Key を付けると再送しても1通）',
        params: numberParams,
        headers: {
          type: 'object',
          properties: {
            'idempotency-key': { type: 'string', minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
          },
        },
        body: {
          type: 'object',
          required: ['body'],
          additionalProperties: false,
          properties: {
            // Lengths are checked by the use case, with the limit named in Japanese.
            body: { type: 'string', maxLength: bodyLimit * 2 },
            name: { type: 'string', maxLength: nameLimit * 2 },
            contact: { type: 'string', maxLength: contactLimit * 2 },
          },
        },
        response: {
          200: { type: 'object', properties: { receiptNumber: { type: 'string' }, repeated: { type: 'boolean' } } },
          201: { type: 'object', properties: { receiptNumber: { type: 'string' }, repeated: { type: 'boolean' } } },
          400: problemResponse('空・長すぎる・使えない文字'),
          404: problemResponse('見つからない'),
          409: problemResponse('募集期間外・インターネットで受け付けていない・Idempotency-Key が別の内容に使われた'),
          429: problemResponse('送信が多すぎる'),
        },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await submitOpinion(deps, {
        tenantId: request.tenant.id,
        consultationNumber: Number(request.params.number),
        body: request.body.body,
        name: request.body.name,
        contact: request.body.contact,
        idempotencyKey: typeof key === 'string' ? key : undefined,
        sender: request.ip,
      });
      return reply
        .status(result.repeated ? 200 : 201)
        .send({ receiptNumber: result.receiptNumber, repeated: result.repeated });
    },
  );

  app.get<{ Params: { number: string } }>(
    '/api/v1/public-comments/:number/result',
    {
      schema: {
        tags,
        summary: '公表した結果（御意見の内容と対応、件数表、変更点）',
        params: numberParams,
        response: { 404: problemResponse('見つからない・未公表') },
      },
    },
    async (request) => {
      const v = await getPublicConsultation(deps, {
        tenantId: request.tenant.id,
        number: Number(request.params.number),
      });
      if (!v.result) throw new AppError('not_found', 'このパブリックコメントの結果はまだ公表されていません。');
      return reportJson(v.result);
    },
  );
}
