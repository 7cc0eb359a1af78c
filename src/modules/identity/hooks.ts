// Runs before every route of every module: who is signed in (request.session) and, for pages, the
// name in the header (request.viewer).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../../platform/http/cookies.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { loadSession, type Session, sessionCookie } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session, or undefined. Staff sessions still waiting for their second factor included. */
    session: Session | undefined;
  }
}

export async function identityHooks(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.tenant) return;
    const token = readCookie(request, sessionCookie);
    if (!token) return;
    const session = await loadSession(deps, request.tenant.id, token, deps.config.sessionIdleMinutes);
    if (!session) return;
    request.session = session;
    if (!session.mfaPending) {
      request.viewer = {
        name: session.displayName,
        kind: session.kind,
        ...(session.actingFor ? { actingFor: session.actingFor.name } : {}),
      };
    }
  });
}
