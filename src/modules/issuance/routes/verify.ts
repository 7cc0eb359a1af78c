// /verify: public, no sign-in. A code by GET (a QR scan opens /verify/<code>), a PDF by multipart POST,
// and the same as JSON under /api/v1/verify.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError, problemResponse } from '../../../platform/http/errors.ts';
import { isUploadedFile } from '../../../platform/http/server.ts';
import { pageContext } from '../../../platform/pages/server-pages.ts';
import { formatVerificationCode, parseVerificationCode } from '../code.ts';
import type { IssuanceDeps } from '../deps.ts';
import { renderVerify, type VerifyPageState } from '../pages/verify.ts';
import { type Verification, verifyDocument } from '../use-cases/verify-document.ts';

/** Largest PDF accepted for checking; the body limit leaves room for the form around it. */
export const maxPdfBytes = 5 * 1024 * 1024;
const bodyLimit = maxPdfBytes + 64 * 1024;

const page = { hide: true };

function isPdf(data: Buffer): boolean {
  return data.subarray(0, 5).toString('latin1') === '%PDF-';
}

function send(reply: FastifyReply, body: string, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

const verificationSchema = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['genuine', 'altered', 'revoked', 'unknown'] },
    document: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        documentNumber: { type: 'string' },
        issuer: { type: 'string' },
        cityName: { type: 'string' },
        issuedAt: { type: 'string', format: 'date-time' },
        recipientNameMasked: { type: 'string' },
        verificationCode: { type: 'string', description: 'XXXX-XXXX-XXXX-XXXX' },
        revokedAt: { type: ['string', 'null'], format: 'date-time' },
      },
    },
    checks: {
      type: 'object',
      properties: {
        sha256Matches: { type: 'boolean' },
        signatureValid: { type: 'boolean' },
        signatureProblem: { type: 'string' },
      },
    },
  },
} as const;

function toJson(v: Verification) {
  return {
    status: v.status,
    ...(v.document
      ? {
          document: {
            ...v.document,
            issuedAt: v.document.issuedAt.toISOString(),
            revokedAt: v.document.revokedAt?.toISOString() ?? null,
            verificationCode: formatVerificationCode(v.document.verificationCode),
          },
        }
      : {}),
    ...(v.checks ? { checks: v.checks } : {}),
  };
}

export async function verifyRoutes(app: FastifyInstance, deps: IssuanceDeps): Promise<void> {
  // In this plugin's scope only: the API takes the PDF as the raw body. (The upload form's multipart
  // body is parsed by the platform, files as {filename, mimetype, data}.)
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  const byCode = async (tenantId: string, typed: string): Promise<VerifyPageState> => {
    if (typed.trim() === '') return { code: typed, errors: [{ field: 'code', key: 'errorCodeMissing' }] };
    if (!parseVerificationCode(typed)) return { code: typed, errors: [{ field: 'code', key: 'errorCodeFormat' }] };
    return { code: typed, result: { verification: await verifyDocument(deps, { tenantId, code: typed }), by: 'code' } };
  };

  app.get('/verify', { schema: page }, async (request, reply) => {
    const code = (request.query as Record<string, unknown>).code;
    if (typeof code !== 'string') return send(reply, renderVerify(pageContext(request)));
    const state = await byCode(request.tenant.id, code.slice(0, 64));
    return send(reply, renderVerify(pageContext(request), state), state.errors ? 400 : 200);
  });

  app.get('/verify/:code', { schema: page }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const state = await byCode(request.tenant.id, code.slice(0, 64));
    return send(reply, renderVerify(pageContext(request), state), state.errors ? 400 : 200);
  });

  app.post('/verify', { schema: page }, async (request, reply) => {
    const ctx = pageContext(request);
    const file = (request.body as Record<string, unknown> | undefined)?.pdf;
    const upload = isUploadedFile(file) ? file : undefined;
    // A browser sends an empty part with no file name when nothing was chosen.
    const problem =
      !upload || (upload.data.length === 0 && upload.filename === '')
        ? 'errorFileMissing'
        : upload.data.length > maxPdfBytes
          ? 'errorFileTooLarge'
          : !isPdf(upload.data)
            ? 'errorFileType'
            : undefined;
    if (problem || !upload) {
      return send(reply, renderVerify(ctx, { errors: [{ field: 'pdf', key: problem ?? 'errorFileMissing' }] }), 400);
    }
    const verification = await verifyDocument(deps, { tenantId: request.tenant.id, pdf: upload.data });
    return send(reply, renderVerify(ctx, { result: { verification, by: 'pdf' } }));
  });

  app.get(
    '/api/v1/verify/:code',
    {
      schema: {
        tags: ['issuance'],
        summary: '確認コードで交付書類の真正性を確かめる（サインイン不要）',
        params: { type: 'object', properties: { code: { type: 'string', maxLength: 64 } }, required: ['code'] },
        response: { 200: verificationSchema, 400: problemResponse('確認コードの形式が正しくない') },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      if (!parseVerificationCode(code)) {
        throw new AppError('validation_failed', '確認コードは16文字の英数字です（例: ABCD-EFGH-JKMN-PQRS）。', {
          errors: [{ field: 'code', message: '確認コードの形式が正しくありません。' }],
        });
      }
      return toJson(await verifyDocument(deps, { tenantId: request.tenant.id, code }));
    },
  );

  app.post(
    '/api/v1/verify',
    {
      bodyLimit,
      schema: {
        tags: ['issuance'],
        summary: 'PDFファイル（application/pdf の本文）の真正性を確かめる（サインイン不要）',
        description:
          '本文のSHA-256が交付時の記録と一致し、埋め込まれた電子署名が市の証明書で検証できるときだけ genuine を返します。',
        response: {
          200: verificationSchema,
          400: problemResponse('PDFではない'),
          413: problemResponse('5MBを超える'),
          415: problemResponse('Content-Type が application/pdf ではない'),
        },
      },
    },
    async (request) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError('unsupported_media_type', 'PDFファイルを Content-Type: application/pdf で送ってください。');
      }
      if (!isPdf(body)) throw new AppError('bad_request', '送られたデータはPDFファイルではありません。');
      return toJson(await verifyDocument(deps, { tenantId: request.tenant.id, pdf: body }));
    },
  );
}
