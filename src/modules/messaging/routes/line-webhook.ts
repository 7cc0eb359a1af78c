// POST /webhooks/line: the LINE platform's webhook. The signature (HMAC-SHA256 of the exact body with the
// channel secret) is checked on the raw bytes before anything is read; a bad one is 401 and changes
// nothing. Without a LINE channel (configured, or the demo's stand-in) the address does not exist.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';
import { lineSignatureHeader, readLineWebhook } from '../channels/line-webhook.ts';
import { lineChannelFor } from '../demo-line/channel.ts';
import { handleLineEvents } from '../use-cases/handle-line-events.ts';

export async function lineWebhookRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  await app.register(async (scope) => {
    // The signature covers the bytes LINE sent: keep them, parse later.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/webhooks/line',
      {
        config: { csrf: 'header-token' },
        schema: { hide: true },
      },
      async (request, reply) => {
        const line = await lineChannelFor(deps);
        if (!line) return reply.status(404).send({ message: 'LINE is not configured' });
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const header = request.headers[lineSignatureHeader];
        const reading = readLineWebhook(line.channelSecret, raw, Array.isArray(header) ? header[0] : header);
        if (!reading.ok) {
          request.log.warn({ reason: reading.reason }, 'LINE webhook refused');
          return reply.status(reading.reason === 'signature' ? 401 : 400).send({ message: reading.reason });
        }
        await handleLineEvents(deps, { tenantId: request.tenant.id, events: reading.events });
        return reply.status(200).send({});
      },
    );
  });
}
