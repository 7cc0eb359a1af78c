// The catalogue use cases on a real PostgreSQL as the app role: seeding, search through the per-process
// cache, and the cache noticing a change made elsewhere (another process) within its revalidation time.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { ensureTenant } from '../../../platform/tenancy/tenants.ts';
import { demoCatalogue } from '../catalogue/index.ts';
import { revalidateAfterMs } from '../catalogue-cache.ts';
import { getProcedure } from './get-procedure.ts';
import { listLifeEvents } from './list-life-events.ts';
import { searchProcedures } from './search-procedures.ts';
import { seedProcedures } from './seed-procedures.ts';

let database: TestDatabase;
let deps: { db: TestDatabase['db']; pool: TestDatabase['pool'] };
const tenantId = 'kawasaki';
const other = { id: 'sagamihara', lgCode: '141500', name: '相模原市', nameEn: 'Sagamihara City' };

before(async () => {
  database = await createTestDatabase();
  await ensureTenant(database.ownerDb, other);
  deps = { db: database.db, pool: database.pool };
  assert.equal(await seedProcedures(deps, { tenantId }), true);
});
after(() => database.close());

test('seeding loads the whole catalogue once; seeding again writes nothing', async () => {
  const { rows } = await database.ownerPool.query(
    `select count(*)::int as n, count(*) filter (where "full")::int as full from procedures where tenant_id = 'kawasaki'`,
  );
  assert.deepEqual(rows[0], {
    n: demoCatalogue().procedures.length,
    full: demoCatalogue().procedures.filter((p) => p.form).length,
  });
  const before = await database.ownerPool.query(`select max(updated_at) as t from procedures`);
  assert.equal(await seedProcedures(deps, { tenantId }), false);
  const again = await database.ownerPool.query(`select max(updated_at) as t from procedures`);
  assert.deepEqual(again.rows, before.rows);
});

test('a changed catalogue updates only the changed entries and removes the ones that are gone', async () => {
  const { procedures } = demoCatalogue();
  const changed = procedures
    .filter((p) => p.code !== 'p-3000')
    .map((p) => (p.code === 'dog-death' ? { ...p, processingDays: 3 } : p));
  const stamps = async () =>
    (
      await database.ownerPool.query(`select code, updated_at from procedures where code in ('dog-death', 'tenshutsu')
      order by code`)
    ).rows;
  const [deathBefore, tenshutsuBefore] = await stamps();
  assert.equal(await seedProcedures(deps, { tenantId, catalogue: { procedures: changed, digest: 'changed' } }), true);
  const [deathAfter, tenshutsuAfter] = await stamps();
  assert.notDeepEqual(deathAfter.updated_at, deathBefore.updated_at);
  assert.deepEqual(tenshutsuAfter.updated_at, tenshutsuBefore.updated_at);
  assert.equal((await getProcedure(deps, { tenantId, code: 'dog-death' }))?.processingDays, 3);
  assert.equal(await getProcedure(deps, { tenantId, code: 'p-3000' }), undefined);
  await seedProcedures(deps, { tenantId });
  assert.equal((await getProcedure(deps, { tenantId, code: 'dog-death' }))?.processingDays, 0);
});

test('search through the database-backed cache: ranking, filters, paging', async () => {
  const found = await searchProcedures(deps, { tenantId, q: 'じゅうみんひょう', limit: 3 });
  assert.equal(found.items[0]?.code, 'juminhyo-copy');
  assert.equal(found.items[0]?.full, true);
  const pets = await searchProcedures(deps, { tenantId, lifeEvent: 'pets', online: true, limit: 100 });
  assert.ok(pets.total > 0 && pets.items.every((p) => p.availability === 'online' && p.lifeEvents.includes('pets')));
  const page2 = await searchProcedures(deps, { tenantId, q: '補助金', limit: 10, offset: 10 });
  const page1 = await searchProcedures(deps, { tenantId, q: '補助金', limit: 10 });
  assert.equal(page1.total, page2.total);
  assert.equal(new Set([...page1.items, ...page2.items].map((p) => p.code)).size, 20);
  const events = await listLifeEvents(deps, { tenantId });
  assert.equal(events.length, 16);
  assert.ok(events.find((e) => e.lifeEvent === 'birth')!.count > 5);
});

test('another tenant sees none of Kawasaki’s procedures', async () => {
  assert.equal((await searchProcedures(deps, { tenantId: other.id, q: '住民票' })).total, 0);
  assert.equal(await getProcedure(deps, { tenantId: other.id, code: 'juminhyo-copy' }), undefined);
});

test('a change made by another process is seen within the revalidation time, without restarting', async () => {
  assert.notEqual((await getProcedure(deps, { tenantId, code: 'tenshutsu' }))?.processingDays, 99);
  // Another process (here: the owner connection) changes one entry and deletes another.
  await database.ownerPool.query(
    `update procedures set definition = jsonb_set(definition, '{processingDays}', '99'), updated_at = clock_timestamp()
      where tenant_id = 'kawasaki' and code = 'tenshutsu'`,
  );
  await database.ownerPool.query(`delete from procedures where tenant_id = 'kawasaki' and code = 'rikon-registration'`);
  await sleep(revalidateAfterMs + 100);
  assert.equal((await getProcedure(deps, { tenantId, code: 'tenshutsu' }))?.processingDays, 99);
  assert.equal(await getProcedure(deps, { tenantId, code: 'rikon-registration' }), undefined);
  assert.ok(
    !(await searchProcedures(deps, { tenantId, q: '離婚届' })).items.some((p) => p.code === 'rikon-registration'),
  );
});

test('without the pool (a transaction per check) the use cases read the same catalogue', async () => {
  const viaTransaction = { db: database.db };
  assert.equal(
    (await getProcedure(viaTransaction, { tenantId, code: 'juminhyo-copy' }))?.name,
    '住民票の写しの交付請求',
  );
});
