// The event feed for business systems: GET /api/events with a system token (events:read).
import type { FastifyInstance } from 'fastify';
import { problemResponse } from '../../../platform/http/errors.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { authenticateSystemToken } from '../use-cases/authenticate-system-token.ts';
import { readFeedForSystem } from '../use-cases/read-event-feed.ts';

const eventSchema = {
  type: 'object',
  required: ['id', 'cursor', 'type', 'subjectType', 'subjectId', 'department', 'data', 'occurredAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    cursor: { type: 'string', description: 'この位置から続きを読むときに after に渡す値' },
    type: { type: 'string', examples: ['application.submitted'] },
    subjectType: { type: 'string' },
    subjectId: { type: 'string' },
    department: { type: ['string', 'null'] },
    data: { type: 'object', additionalProperties: true },
    occurredAt: { type: 'string', format: 'date-time' },
  },
};

export async function apiRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['integration'],
        summary: 'イベントフィード（業務システム向け）',
        description:
          'ドメインイベントを古い順に返します。応答の next を次の after に渡すと続きを読めます。遅れてコミットされたイベントも取りこぼしません（実行中のトランザクションより新しいイベントは、それが終わるまで返しません）。部署を限定したトークンでは、その部署のイベントだけを返します。Authorization: Bearer chs_… （events:read）が必要です。',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            after: { type: 'string', maxLength: 41, description: '前回の next（最初は 0 または省略）' },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            type: {
              type: 'string',
              maxLength: 500,
              description: 'イベントの種類で絞り込み（カンマ区切り、例: application.submitted,case.status_changed）',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['events', 'next'],
            properties: { events: { type: 'array', items: eventSchema }, next: { type: 'string' } },
          },
          400: problemResponse('after（カーソル）や limit の形式の誤り'),
          401: problemResponse('トークンがない・無効・失効・期限切れ'),
          403: problemResponse('トークンに events:read の権限がない'),
        },
      },
    },
    async (request) => {
      const caller = await authenticateSystemToken(deps, request, 'events:read');
      const query = request.query as { after?: string; limit: number; type?: string };
      return readFeedForSystem(deps, {
        caller,
        after: query.after,
        limit: query.limit,
        types: (query.type ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      });
    },
  );
}
