// The JSON side of identity: sign-in for API clients, the current session, and the passkey
// hand-shakes the sign-in and my-page islands call.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { clearCookie, readCookie, setCookie } from '../../../platform/http/cookies.ts';
import { problemResponse } from '../../../platform/http/errors.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { achievedLevel } from '../assurance.ts';
import { endSessionCookie, hashToken, revokeSession, sessionCookie, startSession } from '../sessions.ts';
import { beginPasskeyRegistration } from '../use-cases/begin-passkey-registration.ts';
import { beginPasskeySignIn } from '../use-cases/begin-passkey-sign-in.ts';
import { finishPasskeyRegistration } from '../use-cases/finish-passkey-registration.ts';
import { finishPasskeySignIn } from '../use-cases/finish-passkey-sign-in.ts';
import { relyingParty } from '../webauthn.ts';
import { meta, requireApiSession, safeNext } from './common.ts';
import { passwordSignIn } from './password-sign-in.ts';

const flowCookie = 'auth_flow';
const tags = ['identity'];

const sessionSchema = {
  type: 'object',
  required: ['accountId', 'displayName', 'kind', 'assurance', 'expiresAt'],
  properties: {
    accountId: { type: 'string', format: 'uuid' },
    displayName: { type: 'string' },
    kind: { type: 'string', enum: ['resident', 'staff'] },
    assurance: { type: 'string', enum: ['none', 'account', 'jpki_identity', 'jpki_signature'] },
    actingFor: { type: 'string', format: 'uuid' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
};

const anyObject = { type: 'object', additionalProperties: true };

export async function apiRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'メールアドレスとパスワードでサインイン（セッション Cookie を発行）',
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', maxLength: 254 },
            password: { type: 'string', maxLength: 1024 },
          },
        },
        response: {
          200: sessionSchema,
          400: problemResponse('入力の誤り'),
          401: problemResponse('メールアドレスまたはパスワードが違う'),
          403: problemResponse('メールアドレスが未確認'),
          429: problemResponse('試行回数の上限（Retry-After ヘッダーあり）'),
        },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body as { email: string; password: string };
      const account = await passwordSignIn(deps, request, reply, { email, password, kind: 'resident' });
      return {
        accountId: account.id,
        displayName: account.displayName,
        kind: account.kind,
        assurance: 'account',
        expiresAt: new Date(Date.now() + deps.config.sessionAbsoluteHours * 3_600_000).toISOString(),
      };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags,
        summary: 'いまのセッション',
        response: { 200: sessionSchema, 401: problemResponse('サインインしていない') },
      },
    },
    async (request) => {
      const session = requireApiSession(request);
      return {
        accountId: session.accountId,
        displayName: session.displayName,
        kind: session.kind,
        assurance: achievedLevel(session),
        ...(session.actingFor ? { actingFor: session.actingFor.id } : {}),
        expiresAt: session.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: 'サインアウト', response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      const token = readCookie(request, sessionCookie);
      if (token) await withTenant(deps.db, request.tenant.id, (trx) => revokeSession(trx, hashToken(token)));
      endSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/passkeys/sign-in/options',
    { schema: { tags, summary: 'パスキーでサインイン: 開始', response: { 200: anyObject } } },
    async (request, reply) => {
      const { flowId, options } = await beginPasskeySignIn(deps, {
        tenantId: request.tenant.id,
        rp: relyingParty(request),
      });
      setCookie(request, reply, flowCookie, flowId, { maxAgeSeconds: 300, sameSite: 'Strict' });
      return options;
    },
  );

  app.post(
    '/api/auth/passkeys/sign-in',
    {
      schema: {
        tags,
        summary: 'パスキーでサインイン: 認証器の応答を検証',
        body: { type: 'object', required: ['response'], properties: { response: anyObject, next: { type: 'string' } } },
        response: {
          200: { type: 'object', required: ['redirect'], properties: { redirect: { type: 'string' } } },
          400: problemResponse('有効期限切れ'),
          401: problemResponse('パスキーを確認できない'),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { response: AuthenticationResponseJSON; next?: string };
      const account = await finishPasskeySignIn(deps, {
        tenantId: request.tenant.id,
        flowId: readCookie(request, flowCookie),
        response: body.response,
        rp: relyingParty(request),
        meta: meta(request),
      });
      clearCookie(request, reply, flowCookie);
      // A staff passkey still needs the staff pages' checks: staff always sign in through /staff.
      if (account.kind === 'staff') {
        await startSession(deps, request, reply, {
          accountId: account.id,
          method: 'passkey',
          assurance: 'account',
          mfaPending: false,
        });
        return { redirect: '/staff' };
      }
      await startSession(deps, request, reply, { accountId: account.id, method: 'passkey', assurance: 'account' });
      return { redirect: safeNext(body.next, '/account') };
    },
  );

  app.post(
    '/api/auth/passkeys/registration/options',
    {
      schema: {
        tags,
        summary: 'パスキーの登録: 開始',
        response: { 200: anyObject, 401: problemResponse('未サインイン') },
      },
    },
    async (request, reply) => {
      const session = requireApiSession(request);
      const { flowId, options } = await beginPasskeyRegistration(deps, {
        tenantId: request.tenant.id,
        accountId: session.accountId,
        rp: relyingParty(request),
      });
      setCookie(request, reply, flowCookie, flowId, { maxAgeSeconds: 300, sameSite: 'Strict' });
      return options;
    },
  );

  app.post(
    '/api/auth/passkeys/registration',
    {
      schema: {
        tags,
        summary: 'パスキーの登録: 認証器の応答を検証して保存',
        body: {
          type: 'object',
          required: ['response'],
          properties: { response: anyObject, label: { type: 'string', maxLength: 60 } },
        },
        response: {
          201: { type: 'object', required: ['credentialId'], properties: { credentialId: { type: 'string' } } },
          400: problemResponse('有効期限切れ・検証失敗'),
          401: problemResponse('未サインイン'),
        },
      },
    },
    async (request, reply) => {
      const session = requireApiSession(request);
      const body = request.body as { response: RegistrationResponseJSON; label?: string };
      const result = await finishPasskeyRegistration(deps, {
        tenantId: request.tenant.id,
        accountId: session.accountId,
        kind: session.kind,
        flowId: readCookie(request, flowCookie),
        response: body.response,
        label: body.label ?? '',
        rp: relyingParty(request),
        meta: meta(request),
      });
      clearCookie(request, reply, flowCookie);
      return reply.status(201).send(result);
    },
  );
}
