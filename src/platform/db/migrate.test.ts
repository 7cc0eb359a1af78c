import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { loadMigrations, MigrationError, migrate, pendingMigrations } from './migrate.ts';

let database: TestDatabase;
let dir: string;
before(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'cityhall-migrations-'));
});
after(() => database.close());

const source = () => [{ module: 'scratch', dir: pathToFileURL(`${dir}/`) }];

test('migrations apply in order, once, and are recorded', async () => {
  await writeFile(path.join(dir, '0001_create-things.sql'), 'create table scratch_things (id int primary key);');
  await writeFile(path.join(dir, '0002_add-name.sql'), 'alter table scratch_things add column name text;');
  const files = await loadMigrations(source());
  assert.deepEqual(await pendingMigrations(database.ownerPool, files), [
    'scratch/0001_create-things.sql',
    'scratch/0002_add-name.sql',
  ]);
  assert.deepEqual(await migrate(database.ownerPool, files), [
    'scratch/0001_create-things.sql',
    'scratch/0002_add-name.sql',
  ]);
  assert.deepEqual(await migrate(database.ownerPool, files), [], 'a second run applies nothing');
  assert.deepEqual(await pendingMigrations(database.ownerPool, files), []);
  const { rows } = await database.ownerPool.query(
    `select id from schema_migrations where id like 'scratch/%' order by id`,
  );
  assert.deepEqual(
    rows.map((r) => r.id),
    ['scratch/0001_create-things.sql', 'scratch/0002_add-name.sql'],
  );
});

test('an edited applied migration is refused with a message naming the file', async () => {
  await writeFile(path.join(dir, '0001_create-things.sql'), 'create table scratch_things (id bigint primary key);');
  const files = await loadMigrations(source());
  await assert.rejects(migrate(database.ownerPool, files), (error: unknown) => {
    assert.ok(error instanceof MigrationError);
    assert.match(error.message, /scratch\/0001_create-things\.sql が書き換えられています/);
    return true;
  });
  await assert.rejects(pendingMigrations(database.ownerPool, files), MigrationError);
});

test('a failing migration is rolled back whole and names itself', async () => {
  const bad = await mkdtemp(path.join(tmpdir(), 'cityhall-migrations-bad-'));
  await writeFile(path.join(bad, '0001_half.sql'), 'create table scratch_half (id int); select * from no_such_table;');
  const files = await loadMigrations([{ module: 'bad', dir: pathToFileURL(`${bad}/`) }]);
  await assert.rejects(migrate(database.ownerPool, files), /bad\/0001_half\.sql を適用できませんでした/);
  const { rows } = await database.ownerPool.query(`select to_regclass('scratch_half') as t`);
  assert.equal(rows[0].t, null, 'nothing of the failed file remains');
});

test('a file not named NNNN_name.sql is refused', async () => {
  const odd = await mkdtemp(path.join(tmpdir(), 'cityhall-migrations-odd-'));
  await writeFile(path.join(odd, 'create.sql'), 'select 1;');
  await assert.rejects(loadMigrations([{ module: 'odd', dir: pathToFileURL(`${odd}/`) }]), /NNNN_name\.sql/);
});
