// Tests of this module start the product with only the modules it needs (organisation, residents,
// identity, integration, portal), so a module under construction elsewhere in the tree cannot stop them.
import pino from 'pino';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../../platform/config/config.ts';
import { startCityHall } from '../../platform/runtime.ts';
import { identity } from '../identity/index.ts';
import { organisation } from '../organisation/index.ts';
import { portal } from '../portal/index.ts';
import { residents } from '../residents/index.ts';
import { integration } from './index.ts';

export async function startIntegrationCity(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.ownerUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_PRETTY: '0',
    ...env,
  });
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
