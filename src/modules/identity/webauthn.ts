// WebAuthn relying-party facts taken from the request the browser made: the RP ID is the host name the
// resident sees, the origin is scheme + host. Browsers sign the origin into every response, so a page
// on another site cannot use a passkey made here.
import type { FastifyRequest } from 'fastify';

export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingParty(request: FastifyRequest): RelyingParty {
  return {
    id: request.hostname,
    name: `${request.tenant.name} デジタル市役所`,
    origin: `${request.protocol}://${request.host}`,
  };
}
