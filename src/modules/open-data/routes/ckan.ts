// Placeholder until the ckan routes land.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';

export async function ckanRoutes(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {}
