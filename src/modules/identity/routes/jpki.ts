// My Number Card (JPKI) routes: identity verification for a signed-in resident, and a JSON endpoint that
// verifies signed data for business systems and forms.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { readCookie, setCookie } from '../../../platform/http/cookies.ts';
import { problemResponse } from '../../../platform/http/errors.ts';
import { enforceRateLimits } from '../../../platform/http/rate-limit.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { saveFlow } from '../auth-flows.ts';
import { JpkiError } from '../jpki/errors.ts';
import { loadTrustSettings } from '../jpki/trust.ts';
import { verifyCmsSignedData, verifyPkcs1Signature } from '../jpki/verify-signed-data.ts';
import { renderJpki } from '../pages/jpki.ts';
import { verifyIdentityWithCard } from '../use-cases/verify-identity-with-card.ts';
import {
  bodyOf,
  handleForm,
  meta,
  page,
  pageContext,
  residentOrRedirect,
  safeNext,
  seeOther,
  sendPage,
} from './common.ts';

const flowCookie = 'jpki_flow';

const holderSchema = {
  type: ['object', 'null'],
  properties: {
    name: { type: 'string' },
    nameSubstitute: { type: 'string' },
    sex: { type: 'string' },
    birthDate: { type: 'string', format: 'date' },
    birthEra: { type: 'string' },
    address: { type: 'string' },
    addressSubstitute: { type: 'string' },
  },
};

function base64(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/\s]*=*\s*$/.test(value)) {
    throw new JpkiError('malformed', `${field} は base64 で送ってください`);
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export async function jpkiRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.get('/account/jpki', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    const challenge = `デジタル市役所 本人確認 ${new Date().toISOString()} ${randomBytes(9).toString('base64url')}`;
    const flowId = await withTenant(deps.db, request.tenant.id, (trx) =>
      saveFlow(trx, request.tenant.id, 'jpki_challenge', session.accountId, { challenge }),
    );
    setCookie(request, reply, flowCookie, flowId, { maxAgeSeconds: 300, sameSite: 'Strict' });
    const next = safeNext((request.query as { next?: unknown }).next, '');
    return sendPage(reply, renderJpki(pageContext(request), challenge, {}, next));
  });

  app.post('/account/jpki', { schema: page }, async (request, reply) => {
    const session = residentOrRedirect(request, reply);
    if (!session) return reply;
    return handleForm(
      reply,
      async () => {
        await verifyIdentityWithCard(deps, {
          tenantId: request.tenant.id,
          session,
          flowId: readCookie(request, flowCookie),
          signature: bodyOf(request).signature ?? '',
          meta: meta(request),
        });
        // Back to where the person was going (an application that needs this check), else the account page.
        return seeOther(reply, safeNext(bodyOf(request).next, '/account?notice=jpkiDone'));
      },
      (errors) =>
        renderJpki(
          pageContext(request),
          '（ページを開き直してください）',
          { errors },
          safeNext(bodyOf(request).next, ''),
        ),
      'signature',
    );
  });

  app.post(
    '/api/v1/jpki/verify',
    {
      schema: {
        tags: ['identity'],
        summary: 'マイナンバーカードの署名（CMS または PKCS#1）を検証し、基本4情報を返す',
        body: {
          type: 'object',
          required: ['format', 'signature'],
          additionalProperties: false,
          properties: {
            format: { type: 'string', enum: ['cms', 'pkcs1'] },
            signature: { type: 'string', maxLength: 400_000, description: 'base64' },
            data: {
              type: 'string',
              maxLength: 400_000,
              description: 'base64: detached content (cms) or the signed data (pkcs1)',
            },
            certificate: { type: 'string', maxLength: 100_000, description: 'base64 DER (pkcs1)' },
            purpose: { type: 'string', enum: ['signature', 'authentication'], default: 'signature' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['valid', 'certificate'],
            properties: {
              valid: { type: 'boolean', const: true },
              certificate: {
                type: 'object',
                properties: {
                  serialNumber: { type: 'string' },
                  issuer: { type: 'string' },
                  subject: { type: 'string' },
                  notBefore: { type: 'string', format: 'date-time' },
                  notAfter: { type: 'string', format: 'date-time' },
                  holder: holderSchema,
                },
              },
            },
          },
          400: problemResponse(
            '証明書または署名を確認できない（errors[0].field に理由コード: signature_invalid, expired, revoked, unknown_ca, wrong_key_usage, wrong_algorithm, malformed, truncated …）',
          ),
          429: problemResponse('回数制限'),
        },
      },
    },
    async (request) => {
      await enforceRateLimits(deps.db, request.tenant.id, [
        { key: `jpki-verify:ip:${request.ip}`, limit: 120, windowSeconds: 60 },
      ]);
      const body = request.body as {
        format: 'cms' | 'pkcs1';
        signature: string;
        data?: string;
        certificate?: string;
        purpose: 'signature' | 'authentication';
      };
      const trust = { ...(await loadTrustSettings(deps.config)), purpose: body.purpose };
      const result =
        body.format === 'cms'
          ? await verifyCmsSignedData(base64(body.signature, 'signature'), {
              ...trust,
              ...(body.data ? { detachedContent: base64(body.data, 'data') } : {}),
            })
          : await verifyPkcs1Signature(
              {
                data: base64(body.data ?? '', 'data'),
                signature: base64(body.signature, 'signature'),
                certificate: base64(body.certificate ?? '', 'certificate'),
              },
              trust,
            );
      return { valid: true, certificate: result.certificate };
    },
  );
}
