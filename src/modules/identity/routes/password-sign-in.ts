// The one way a password becomes a session, for the residents' page, the staff page and the JSON API:
// check the password (limits, lockout, audit), then a fresh session token. A staff session waits for
// its second factor.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';
import { startSession } from '../sessions.ts';
import { type SignedInAccount, signInWithPassword } from '../use-cases/sign-in-with-password.ts';
import { meta } from './common.ts';

export async function passwordSignIn(
  deps: PlatformDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { email: string; password: string; kind: 'resident' | 'staff' },
): Promise<SignedInAccount> {
  const account = await signInWithPassword(deps, {
    tenantId: request.tenant.id,
    ...input,
    meta: meta(request),
    limitPerIp: deps.config.signInLimitPerIp,
  });
  await startSession(deps, request, reply, {
    accountId: account.id,
    method: 'password',
    assurance: 'account',
    mfaPending: input.kind === 'staff',
  });
  return account;
}
