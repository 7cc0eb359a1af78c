// Tests of this module start the product with only the modules it needs (organisation, residents,
// identity, integration, portal), so a module under construction elsewhere in the tree cannot stop them.
import pino from 'pino';
import { testConfig } from '../../../test/helpers/app.ts';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { startCityHall } from '../../platform/runtime.ts';
import { identity } from '../identity/index.ts';
import { organisation } from '../organisation/index.ts';
import { portal } from '../portal/index.ts';
import { residents } from '../residents/index.ts';
import { integration } from './index.ts';

export async function startIntegrationCity(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const config = testConfig(database, env);
  const city = await startCityHall({
    config,
    log: pino({ level: config.logLevel }),
    demo: true,
    demoResidents: 50,
    listen: false,
    modules: [organisation, residents, identity, integration, portal],
  });
  await city.ready;
  return {
    app: city.app!,
    city,
    database,
    async close() {
      await city.stop();
      await database.close();
    },
  };
}

export type IntegrationCity = Awaited<ReturnType<typeof startIntegrationCity>>;
