// The whole product on a fresh test database, for HTTP tests (app.inject) and browser tests (listen).
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Config, loadConfig } from '../../src/platform/config/config.ts';
import { type CityHall, startCityHall } from '../../src/platform/runtime.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface TestCityHall {
  app: FastifyInstance;
  city: CityHall;
  database: TestDatabase;
  /** Base URL when started with listen: true. */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * The configuration every test city starts from (then `env` on top): its own database, any port, quiet logs,
 * and no dependence on the hour (off-hours rule, nightly schedules).
 */
export function testConfig(database: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({
    ...process.env,
    DATABASE_URL: database.ownerUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LOG_PRETTY: '0',
    // Tests run at any hour: the off-hours rule is the policy's own test (a city may also turn it off).
    STAFF_OFF_HOURS: 'none',
    // A nightly run starting in the middle of a test would change what it sees; schedules have their own test.
    SCHEDULED_JOBS: 'off',
    ...env,
  });
}

export async function startTestCityHall(
  options: {
    listen?: boolean;
    demo?: boolean;
    demoResidents?: number;
    /** Also create the demo open data catalogue (a few seconds: every file goes through the real checks). */
    demoCatalogue?: boolean;
    /** Also make the demo's eligibility runs and standing approvals (tests of runs start from none). */
    demoEligibility?: boolean;
    /** Also make the demo's subscribers and messages (tests of messaging start from none). */
    demoMessaging?: boolean;
    env?: Record<string, string>;
  } = {},
): Promise<TestCityHall> {
  const database = await createTestDatabase();
  const config = testConfig(database, options.env);
  const log = pino({ level: config.logLevel });
  const city = await startCityHall({
    config,
    log,
    demo: options.demo ?? true,
    demoResidents: options.demoResidents ?? 200,
    demoSkip: [
      ...(options.demoCatalogue ? [] : ['open-data']),
      ...(options.demoEligibility ? [] : ['eligibility']),
      ...(options.demoMessaging ? [] : ['messaging']),
    ],
    listen: options.listen ?? false,
  });
  await city.ready;
  return {
    app: city.app!,
    city,
    database,
    url: city.url,
    async close() {
      await city.stop();
      await database.close();
    },
  };
}
