// This server's own address as another program on the machine reaches it (http://127.0.0.1:3000), for the
// demo's in-process stand-ins that call back (a payment provider's webhooks, LINE's webhooks). A wildcard
// listen (0.0.0.0, ::) is reached through loopback. Undefined until the server listens on a port.
import type { FastifyInstance } from 'fastify';

export function ownOrigin(app: FastifyInstance): string | undefined {
  const address = app.server.address();
  if (!address || typeof address === 'string') return undefined;
  const host =
    address.family === 'IPv6'
      ? address.address === '::'
        ? '[::1]'
        : `[${address.address}]`
      : address.address === '0.0.0.0'
        ? '127.0.0.1'
        : address.address;
  return `http://${host}:${address.port}`;
}
