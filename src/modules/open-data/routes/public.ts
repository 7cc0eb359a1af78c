// Placeholder until the public routes land.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';

export async function publicRoutes(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {}
