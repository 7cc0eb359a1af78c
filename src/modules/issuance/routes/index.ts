// Issuance's routes: the public verification pages and API, the recipient's PDF, the staff pages.
import type { FastifyInstance } from 'fastify';
import type { PlatformDeps } from '../../../platform/module.ts';
import { issuanceDeps } from '../deps.ts';
import { documentRoutes } from './documents.ts';
import { staffDocumentRoutes } from './staff.ts';
import { verifyRoutes } from './verify.ts';

export async function issuanceRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  const issuance = issuanceDeps(deps);
  await verifyRoutes(app, issuance);
  await documentRoutes(app, deps, issuance);
  await staffDocumentRoutes(app, deps, issuance);
}
