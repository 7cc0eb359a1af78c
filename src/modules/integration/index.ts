// Linking business systems (データ連携): API tokens for business systems, the event feed (/api/events)
// and signed outbound webhooks per department with a delivery log and 再送. Owns system_tokens,
// webhook_endpoints, webhook_deliveries and webhook_attempts; other modules call authenticateSystemToken.
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { messages } from './messages.ts';
import { apiRoutes } from './routes/api.ts';
import { staffRoutes } from './routes/staff.ts';
import { deliverWebhook } from './use-cases/deliver-webhook.ts';
import {
  type DeliverWebhookJob,
  deliverWebhookJob,
  enqueueWebhookDeliveries,
} from './use-cases/enqueue-webhook-deliveries.ts';

export { type SystemScope, systemScopes } from './tokens.ts';
export { authenticateSystemToken, type SystemCaller } from './use-cases/authenticate-system-token.ts';
export { eventIdHeader, signatureHeader } from './webhook-signature.ts';

registerMessages('integration', messages);

export const integration: CityModule = {
  name: 'integration',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await apiRoutes(app, deps);
    await staffRoutes(app, deps);
  },
  events: {
    '*': async (event, deps) => {
      await enqueueWebhookDeliveries(deps, event);
    },
  },
  jobs: {
    [deliverWebhookJob]: {
      async handler(data, _job, deps) {
        await deliverWebhook(deps, data as DeliverWebhookJob);
      },
      // Retries are the module's own (logged attempts with backoff); pg-boss retries only a crashed worker's job.
      retryLimit: 2,
      expireInSeconds: 120,
    },
  },
};
