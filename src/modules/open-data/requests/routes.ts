// Data requests (利用者ニーズ): anyone asks for a dataset, others support it, the DX office answers and
// links the dataset when it is published. Pages, the JSON API and the staff pages; registered by the
// open-data module's index.ts.
import type { FastifyInstance } from 'fastify';
import { registerMessages } from '../../../platform/i18n/i18n.ts';
import type { PlatformDeps } from '../../../platform/module.ts';
import { messages } from './messages.ts';
import { apiRoutes } from './routes/api.ts';
import { publicRoutes } from './routes/public.ts';
import { staffRoutes } from './routes/staff.ts';

registerMessages('openDataRequests', messages);

export async function dataRequestRoutes(app: FastifyInstance, deps: PlatformDeps): Promise<void> {
  await publicRoutes(app, deps);
  await apiRoutes(app, deps);
  await staffRoutes(app, deps);
}
