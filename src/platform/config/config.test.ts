import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give a runnable configuration', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.defaultTenant, 'kawasaki');
  assert.deepEqual(config.staffOffHours, { from: 22, to: 7 }, 'off hours are on unless a city turns them off');
  assert.equal(loadConfig({ STAFF_OFF_HOURS: 'none' }).staffOffHours, undefined);
  assert.deepEqual(loadConfig({ STAFF_OFF_HOURS: '20-6' }).staffOffHours, { from: 20, to: 6 });
});

test('an invalid variable stops start-up with a message that names it', () => {
  for (const [name, value] of [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x@y/z'],
    ['LOG_LEVEL', 'loud'],
    ['DEFAULT_TENANT', 'Kawasaki City'],
    ['STAFF_OFF_HOURS', '22時-7時'],
    ['STAFF_OFF_HOURS', '22-24'],
    ['STAFF_OFF_HOURS', '7-7'],
  ] as const) {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (error: unknown) => error instanceof ConfigError && error.message.includes(name),
      `${name}=${value}`,
    );
  }
});
