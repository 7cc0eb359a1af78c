// HTTP: aggregate population figures only. Individual records wait for identity and access (C2).
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../platform/module.ts';
import { referenceDate } from './generate/population.ts';
import { countResidentsByWard } from './use-cases/count-residents-by-ward.ts';

const count = { type: 'integer', minimum: 0 } as const;

export async function residentsRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  app.get(
    '/api/v1/population/wards',
    {
      schema: {
        tags: ['population'],
        summary: '区別の人口（基準日時点、合成データ）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { asOf: { type: 'string', format: 'date', description: '基準日（省略時は住民記録の基準日）' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['asOf', 'items'],
            properties: {
              asOf: { type: 'string', format: 'date' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['wardCode', 'residents', 'aged65AndOver', 'children', 'foreign'],
                  properties: {
                    wardCode: { type: 'string' },
                    residents: count,
                    aged65AndOver: count,
                    children: count,
                    foreign: count,
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const asOf = (request.query as { asOf?: string }).asOf ?? referenceDate;
      return { asOf, items: await countResidentsByWard(deps, { tenantId: request.tenant.id, asOf }) };
    },
  );
}
