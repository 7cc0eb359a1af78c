// Placeholder: being built (issue 7).
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';

export async function eligibilityStaffRoutes(_app: FastifyInstance, _deps: PlatformDeps): Promise<void> {}
