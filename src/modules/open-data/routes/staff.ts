// Placeholder until the staff routes land.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';

export async function staffRoutes(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {}
