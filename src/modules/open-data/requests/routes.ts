// Data requests (利用者ニーズ): placeholder until the pages land.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';

export async function dataRequestRoutes(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {}
