// Public pages of /public-comments: the list, a consultation with its documents and the opinion form, the
// receipt, and the published result as HTML, PDF, CSV and JSON. No account is needed for any of them.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { checkFormToken, issueFormToken } from '../../../platform/forms/form-token.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { seeOther, sendPage } from '../../../platform/http/respond.ts';
import { t } from '../../../platform/i18n/i18n.ts';
import { encodeCsvUtf8Bom } from '../../../platform/ja/csv.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { consultationPage, type FormState, k, listPage, receivedPage, resultPage } from '../pages/public.ts';
import { loadConsultation, loadDocumentFile } from '../queries.ts';
import { reportCountsCsv, reportOpinionsCsv } from '../report/render-csv.ts';
import { reportJson } from '../report/render-json.ts';
import { renderReportPdf } from '../report/render-pdf.ts';
import { getPublicConsultation } from '../use-cases/get-public-consultation.ts';
import { listPublicConsultations } from '../use-cases/list-public-consultations.ts';
import { submitOpinion } from '../use-cases/submit-opinion.ts';

const page = { hide: true };
const numberParams = {
  type: 'object',
  properties: { number: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
} as const;

type Body = Record<string, unknown>;
const text = (body: Body, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);

/** PDFs of published results, which never change once published; a few kept for repeated downloads. */
const pdfCache = new Map<string, Uint8Array>();

export async function publicRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const tokenKey = deps.secrets.derive('public-comment.form');

  async function published(request: FastifyRequest, number: string) {
    const view = await getPublicConsultation(deps, { tenantId: request.tenant.id, number: Number(number) });
    if (!view.result) throw new AppError('not_found', 'このパブリックコメントの結果はまだ公表されていません。');
    return { consultation: view.consultation, report: view.result };
  }

  app.get('/public-comments', { schema: page }, async (request, reply) => {
    const items = await listPublicConsultations(deps, { tenantId: request.tenant.id });
    return sendPage(reply, listPage(pageContext(request), items));
  });

  app.get<{ Params: { number: string } }>(
    '/public-comments/:number',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const view = await getPublicConsultation(deps, {
        tenantId: request.tenant.id,
        number: Number(request.params.number),
      });
      const token = issueFormToken(tokenKey, view.consultation.id);
      return sendPage(reply, consultationPage(pageContext(request), view, { token, state: {} }));
    },
  );

  app.post<{ Params: { number: string } }>(
    '/public-comments/:number',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      const number = Number(request.params.number);
      const ctx = pageContext(request);
      const view = await getPublicConsultation(deps, { tenantId: request.tenant.id, number });
      const values = { body: text(body, 'body'), name: text(body, 'name'), contact: text(body, 'contact') };
      const again = (errors: FormState['errors'], status = 400) =>
        sendPage(
          reply,
          consultationPage(ctx, view, {
            token: issueFormToken(tokenKey, view.consultation.id),
            state: { values, errors },
          }),
          status,
        );
      const check = checkFormToken(tokenKey, view.consultation.id, text(body, 'formToken'));
      // The trap field is hidden from people (and from screen readers); only a script fills it in.
      if (!check.ok || (text(body, 'website') ?? '') !== '') {
        const key = check.ok
          ? 'formInvalid'
          : ({ too_fast: 'tooFast', expired: 'formExpired' }[check.reason as string] ?? 'formInvalid');
        return again([{ field: 'form', message: t(ctx.lang, k(key)) }]);
      }
      try {
        const result = await submitOpinion(deps, {
          tenantId: request.tenant.id,
          consultationNumber: number,
          ...values,
          idempotencyKey: check.nonce,
          sender: request.ip,
        });
        return seeOther(
          reply,
          `/public-comments/${number}/received?r=${encodeURIComponent(result.receiptNumber)}${result.repeated ? '&repeated=1' : ''}`,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation_failed') return again(error.errors);
        if (error instanceof AppError && error.code === 'conflict')
          return again([{ field: 'form', message: error.message }], 409);
        throw error;
      }
    },
  );

  app.get<{ Params: { number: string }; Querystring: { r?: string; repeated?: string } }>(
    '/public-comments/:number/received',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const view = await getPublicConsultation(deps, {
        tenantId: request.tenant.id,
        number: Number(request.params.number),
      });
      const receipt = /^[0-9]{1,9}-[0-9]{4,9}$/.test(request.query.r ?? '') ? request.query.r! : '';
      if (!receipt.startsWith(`${view.consultation.number}-`))
        throw new AppError('not_found', '受付番号が正しくありません。');
      return sendPage(
        reply,
        receivedPage(pageContext(request), {
          number: view.consultation.number,
          title: view.consultation.title,
          receiptNumber: receipt,
          repeated: request.query.repeated === '1',
        }),
      );
    },
  );

  app.get<{ Params: { number: string; id: string } }>(
    '/public-comments/:number/documents/:id',
    {
      schema: {
        ...page,
        params: {
          type: 'object',
          properties: { number: numberParams.properties.number, id: { type: 'string', format: 'uuid' } },
        },
      },
    },
    async (request, reply) => {
      const file = await withTenant(deps.db, request.tenant.id, async (trx) => {
        const c = await loadConsultation(trx, { number: Number(request.params.number) });
        return c && c.status !== 'draft' ? loadDocumentFile(trx, c.id, request.params.id) : undefined;
      });
      if (!file) throw new AppError('not_found', '資料が見つかりません。');
      const stream = await deps.files.get(file.fileKey);
      const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return (
        reply
          .type(file.contentType === 'text/html' ? 'text/html; charset=utf-8' : 'application/pdf')
          .header('content-length', String(file.size))
          .header(
            'content-disposition',
            `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          // An uploaded HTML document runs no script and reaches nothing: it is the city's text, not an app.
          .header(
            'content-security-policy',
            "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
          )
          .header('x-content-type-options', 'nosniff')
          .send(stream)
      );
    },
  );

  app.get<{ Params: { number: string } }>(
    '/public-comments/:number/result',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const { consultation, report } = await published(request, request.params.number);
      return sendPage(reply, resultPage(pageContext(request), consultation, report));
    },
  );

  app.get<{ Params: { number: string } }>(
    '/public-comments/:number/result.pdf',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const { consultation, report } = await published(request, request.params.number);
      const key = `${request.tenant.id}:${consultation.id}`;
      let pdf = pdfCache.get(key);
      if (!pdf) {
        pdf = await renderReportPdf(report);
        if (pdfCache.size >= 20) pdfCache.delete(pdfCache.keys().next().value!);
        pdfCache.set(key, pdf);
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="public-comment-${consultation.number}-result.pdf"`)
        .send(Buffer.from(pdf));
    },
  );

  app.get<{ Params: { number: string } }>(
    '/public-comments/:number/result.csv',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const { consultation, report } = await published(request, request.params.number);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="public-comment-${consultation.number}-opinions.csv"`)
        .send(encodeCsvUtf8Bom(reportOpinionsCsv(report)));
    },
  );

  app.get<{ Params: { number: string } }>(
    '/public-comments/:number/result-counts.csv',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const { consultation, report } = await published(request, request.params.number);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="public-comment-${consultation.number}-counts.csv"`)
        .send(encodeCsvUtf8Bom(reportCountsCsv(report)));
    },
  );

  app.get<{ Params: { number: string } }>(
    '/public-comments/:number/result.json',
    { schema: { ...page, params: numberParams } },
    async (request, reply) => {
      const { report } = await published(request, request.params.number);
      return reply.type('application/json; charset=utf-8').send(reportJson(report));
    },
  );
}
