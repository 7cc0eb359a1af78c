// The embedded PostgreSQL path that `npm start` uses, proven even where CI sets DATABASE_URL.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import pino from 'pino';
import { freePort } from '../../../test/helpers/net.ts';
import { bundledMajorVersion, EmbeddedPostgresError, startEmbeddedPostgres } from './embedded.ts';

const log = pino({ level: 'silent' });

test('starts a real PostgreSQL in its own folder, keeps the data across restarts, and stops', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cityhall-embedded-'));
  const port = await freePort();
  const first = await startEmbeddedPostgres({ dir, port, log });
  const client = new pg.Client({ connectionString: first.url });
  await client.connect();
  const { rows } = await client.query(`select current_setting('server_version_num')::int / 10000 as major`);
  assert.equal(rows[0].major, bundledMajorVersion());
  await client.query('create table kept (v text)');
  await client.query('insert into kept values ($1)', ['残る']);
  await client.end();
  await first.stop();

  const second = await startEmbeddedPostgres({ dir, port, log });
  const again = new pg.Client({ connectionString: second.url });
  await again.connect();
  assert.deepEqual((await again.query('select v from kept')).rows, [{ v: '残る' }]);
  await again.end();
  await second.stop();
  await assert.rejects(async () => {
    const probe = new pg.Client({ connectionString: second.url, connectionTimeoutMillis: 1000 });
    await probe.connect();
  }, 'no server is left running');
});

test('a data folder from another PostgreSQL major version is refused with a clear message and left untouched', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'cityhall-embedded-old-'));
  await mkdir(path.join(dir, 'pg'), { recursive: true });
  await writeFile(path.join(dir, 'pg', 'PG_VERSION'), '12\n');
  await assert.rejects(startEmbeddedPostgres({ dir, port: await freePort(), log }), (error: unknown) => {
    assert.ok(error instanceof EmbeddedPostgresError);
    assert.match(error.message, /PostgreSQL 12 のデータです/);
    assert.match(error.message, /データは変更していません/);
    return true;
  });
  assert.equal(await readFile(path.join(dir, 'pg', 'PG_VERSION'), 'utf8'), '12\n');
});
