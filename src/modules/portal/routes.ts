import type { FastifyInstance } from 'fastify';
import { pageContext } from '../../platform/pages/server-pages.ts';
import { renderAccessibility } from './pages/accessibility.ts';
import { renderHome } from './pages/home.ts';

const page = { hide: true };

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', { schema: page }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderHome(pageContext(request), app.homeLinks)),
  );
  app.get('/accessibility', { schema: page }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderAccessibility(pageContext(request))),
  );
}
