// Faults at start-up: an unreachable database and a port in use are reported plainly, never crash-loop.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import pino from 'pino';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { loadConfig } from './config/config.ts';
import { withTenant } from './db/tenant.ts';
import type { CityModule } from './module.ts';
import { StartupError, startCityHall } from './runtime.ts';

const log = pino({ level: 'silent' });

test('with PostgreSQL unreachable the server stays up, /readyz answers 503 and it keeps retrying', async () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const city = await startCityHall({ config, log, listen: false });
  try {
    await new Promise((r) => setTimeout(r, 600));
    const ready = await city.app!.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.headers['retry-after'], '5');
    assert.equal(ready.json().code, 'unavailable');
    assert.equal((await city.app!.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    const page = await city.app!.inject({ method: 'GET', url: '/api/v1/wards' });
    assert.equal(page.statusCode, 503);
  } finally {
    await city.stop();
  }
});

test('a port in use stops start-up with a message that says what to do', async () => {
  const blocker = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  const port = (blocker.address() as { port: number }).port;
  const database = await createTestDatabase();
  try {
    const config = loadConfig({ DATABASE_URL: database.ownerUrl, PORT: String(port), HOST: '127.0.0.1' });
    await assert.rejects(startCityHall({ config, log }), (error: unknown) => {
      assert.ok(error instanceof StartupError);
      assert.match(error.message, new RegExp(`ポート ${port} は他のプログラムが使用中です`));
      return true;
    });
  } finally {
    blocker.close();
    await database.close();
  }
});

test('scale-out: an api process enqueues in its request transaction, a separate worker process works the job', async () => {
  const database = await createTestDatabase();
  await database.ownerPool.query('create table pings (tenant_id text, job_id text primary key)');
  await database.ownerPool.query('grant select, insert on pings to cityhall_app');
  const pinger: CityModule = {
    name: 'pinger',
    routes: async (app, deps) => {
      app.post('/api/v1/ping', async (request) => {
        const id = await withTenant(deps.db, request.tenant.id, (trx) =>
          deps.jobs.enqueue(trx, 'pinger.ping', { tenantId: request.tenant.id }),
        );
        return { id };
      });
    },
    jobs: {
      'pinger.ping': {
        handler: async (data, job, deps) => {
          const { tenantId } = data as { tenantId: string };
          await withTenant(deps.db, tenantId, (trx) =>
            trx
              .insertInto('pings')
              .values({ tenant_id: tenantId, job_id: job.id })
              .onConflict((oc) => oc.doNothing())
              .execute(),
          );
        },
      },
    },
  };
  const config = loadConfig({ DATABASE_URL: database.ownerUrl });
  const api = await startCityHall({ config, log, role: 'api', modules: [pinger], listen: false });
  const worker = await startCityHall({ config, log, role: 'worker', modules: [pinger], listen: false });
  try {
    await Promise.all([api.ready, worker.ready]);
    assert.equal(worker.app, undefined, 'a worker serves no HTTP');
    const res = await api.app!.inject({ method: 'POST', url: '/api/v1/ping' });
    const { id } = res.json();
    for (let i = 0; i < 100; i++) {
      const { rows } = await database.ownerPool.query('select tenant_id from pings where job_id = $1', [id]);
      if (rows.length > 0) {
        assert.deepEqual(rows, [{ tenant_id: 'kawasaki' }]);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail('the worker never processed the job');
  } finally {
    await api.stop();
    await worker.stop();
    await database.close();
  }
});
