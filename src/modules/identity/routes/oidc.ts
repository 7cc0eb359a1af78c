// マイナンバーカードでサインイン: to the authentication service and back (OpenID Connect).
import type { FastifyInstance } from 'fastify';
import { withTenant } from '../../../platform/db/tenant.ts';
import { clearCookie, readCookie, setCookie } from '../../../platform/http/cookies.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { saveFlow, takeFlow } from '../auth-flows.ts';
import { beginOidcSignIn, completeOidcSignIn, type OidcConfig, type OidcHandshake } from '../oidc/client.ts';
import { startSession } from '../sessions.ts';
import { signInWithMyNumberCard } from '../use-cases/sign-in-with-my-number-card.ts';
import { baseUrl, bodyOf, meta, page, safeNext, seeOther } from './common.ts';

const flowCookie = 'oidc_flow';

export async function oidcRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const settings = deps.config.oidc;
  if (!settings) return;
  const oidcConfig = (base: string): OidcConfig => ({
    issuer: new URL(settings.issuer),
    clientId: settings.clientId,
    ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
    redirectUri: `${base}/auth/oidc/callback`,
  });

  app.post('/sign-in/mynumber', { schema: page }, async (request, reply) => {
    const next = safeNext(bodyOf(request).next, '/account');
    const current =
      request.session && !request.session.mfaPending && request.session.kind === 'resident'
        ? request.session.accountId
        : null;
    const { authorizationUrl, ...handshake } = await beginOidcSignIn(oidcConfig(baseUrl(request)));
    const flowId = await withTenant(deps.db, request.tenant.id, (trx) =>
      saveFlow(trx, request.tenant.id, 'oidc', current, { ...handshake, next }),
    );
    // Lax, not Strict: the provider sends the browser back here with a top-level navigation.
    setCookie(request, reply, flowCookie, flowId, { maxAgeSeconds: 600 });
    return seeOther(reply, authorizationUrl.toString());
  });

  app.get('/auth/oidc/callback', { schema: page }, async (request, reply) => {
    const flow = await withTenant(deps.db, request.tenant.id, (trx) =>
      takeFlow<OidcHandshake & { next: string }>(trx, readCookie(request, flowCookie), 'oidc'),
    );
    clearCookie(request, reply, flowCookie);
    if (!flow)
      throw new AppError('oidc_failed', '本人確認の有効期限が切れました。もう一度サインインからやり直してください。');
    const callback = new URL(request.url, baseUrl(request));
    const claims = await completeOidcSignIn(oidcConfig(baseUrl(request)), callback, flow.data);
    const { accountId } = await signInWithMyNumberCard(deps, {
      tenantId: request.tenant.id,
      claims,
      currentAccountId: flow.accountId,
      meta: meta(request),
    });
    await startSession(deps, request, reply, { accountId, method: 'jpki', assurance: 'jpki_identity' });
    return seeOther(reply, flow.data.next);
  });
}
