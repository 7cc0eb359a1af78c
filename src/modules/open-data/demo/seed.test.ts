// The demo catalogue `npm start` shows: every standard dataset passes its own schema check through the
// real upload path, tables are queryable and mapped, the private one stays private, the AED data request
// is answered with its dataset, and seeding again adds nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { standardSchemas } from '../ingest/index.ts';
import { seedOpenData } from './seed.ts';

let city: TestCityHall;

async function get(url: string) {
  const response = await city.app.inject({ method: 'GET', url, headers: { host: 'localhost' } });
  return response.json() as Record<string, any>;
}

before(async () => {
  city = await startTestCityHall({ demoResidents: 20, demoCatalogue: true });
});

after(async () => {
  await city?.close();
});

test('every standard dataset is published from a clean file, with rows to query and points to map', async () => {
  const all = await get('/api/3/action/package_search?rows=100');
  const standards = all.result.results.filter((p: any) => p.extras.some((e: any) => e.key === 'standard'));
  assert.equal(standards.length, standardSchemas.length);
  for (const pkg of standards) {
    const csv = pkg.resources.find((r: any) => r.format === 'CSV');
    assert.ok(csv, `${pkg.name} has a CSV`);
    assert.equal(csv.datastore_active, true, pkg.name);
    const rows = await get(`/api/3/action/datastore_search?resource_id=${csv.id}&limit=1`);
    assert.ok(rows.result.total > 0, pkg.name);
  }
  const aed = standards.find((p: any) => p.name === 'aed');
  const geo = await city.app.inject({
    method: 'GET',
    url: `/open-data/datasets/aed/resources/${aed.resources[0].id}.geojson`,
    headers: { host: 'localhost' },
  });
  assert.equal(geo.statusCode, 200);
  assert.ok((geo.json() as { features: unknown[] }).features.length >= 30);
});

test('the private dataset is not public; the AED request is answered with the aed dataset; a second seed adds nothing', async () => {
  const all = await get('/api/3/action/package_list');
  assert.ok(!all.result.includes('dx-plan-kpi'));
  assert.ok(all.result.includes('population-by-ward'));
  const requests = await get('/api/v1/open-data/requests');
  const linked = (requests.items as Record<string, any>[]).filter((r) => r.dataset !== null);
  assert.deepEqual(
    linked.map((r) => r.dataset.name),
    ['aed'],
    'the AED request is answered with the aed dataset, and only it',
  );

  const before = all.result.length;
  await seedOpenData(city.city.deps, { tenantId: 'kawasaki', residents: 20, seed: 1 });
  assert.equal((await get('/api/3/action/package_list')).result.length, before);
});
