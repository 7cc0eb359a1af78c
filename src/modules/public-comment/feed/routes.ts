// GET /public-comments/feed.atom and /public-comments/feed.rss: the consultations of the city the request
// is for (row-level security), with an ETag so readers that poll get 304 while nothing changed.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { baseUrl } from '../../../platform/http/respond.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { listFeedEntries } from './list-feed-entries.ts';
import { type FeedContext, renderAtom, renderRss } from './render-feed.ts';

const formats = {
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtom },
  rss: { type: 'application/rss+xml; charset=utf-8', render: renderRss },
} as const;

export async function feedRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const send = async (request: FastifyRequest, reply: FastifyReply, format: keyof typeof formats) => {
    const entries = await listFeedEntries(deps, { tenantId: request.tenant.id });
    const ctx: FeedContext = {
      base: deps.config.publicUrl ?? baseUrl(request),
      city: request.tenant.name,
      entries,
      now: new Date(),
    };
    const body = formats[format].render(ctx);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', 'public, max-age=300');
    const match = request.headers['if-none-match'];
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return reply.status(304).send();
    }
    return reply.type(formats[format].type).send(body);
  };

  const feed = (summary: string, type: string) => ({
    summary,
    tags: ['public-comment'],
    produces: [type.split(';')[0]!],
    response: {
      200: { description: summary, content: { [type.split(';')[0]!]: { schema: { type: 'string' } } } },
      304: { description: '前回から変更なし（If-None-Match の ETag が一致）', type: 'null' },
    },
  });

  app.get(
    '/public-comments/feed.atom',
    { schema: feed('パブリックコメントの一覧（Atom 1.0）', formats.atom.type) },
    (request, reply) => send(request, reply, 'atom'),
  );
  app.get(
    '/public-comments/feed.rss',
    { schema: feed('パブリックコメントの一覧（RSS 2.0）', formats.rss.type) },
    (request, reply) => send(request, reply, 'rss'),
  );
}
