// Staff preview a private dataset on its public pages before publishing it; nobody else can, and the
// answer is marked not to be cached, so a shared proxy never hands it to the public.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { Agent } from '../../../../test/helpers/agent.ts';
import { startTestCityHall, type TestCityHall } from '../../../../test/helpers/app.ts';
import { staffSignIn } from '../../../../test/helpers/staff.ts';
import { createDataset } from '../use-cases/create-dataset.ts';
import { publishUpload } from '../use-cases/publish-upload.ts';
import { uploadResource } from '../use-cases/upload-resource.ts';

let city: TestCityHall;
let resourceId = '';
const actor = { accountId: 'preview-test', roles: ['dx_admin'], departments: [] };

before(async () => {
  city = await startTestCityHall({ env: { NETWORK_ZONES: 'lgwan=10.0.0.0/8' }, demoResidents: 20 });
  const deps = city.city.deps;
  await createDataset(deps, {
    tenantId: 'kawasaki',
    actor,
    fields: { name: 'draft-stats', title: '作成中の統計', organization: 'somu-kikaku.digital', private: true },
  });
  const up = await uploadResource(deps, {
    tenantId: 'kawasaki',
    actor,
    datasetIdOrName: 'draft-stats',
    fileName: 'stats.csv',
    file: Readable.from([Buffer.from('区,人数\n川崎区,10\n幸区,20\n', 'utf8')]),
  });
  resourceId = (await publishUpload(deps, { tenantId: 'kawasaki', actor, uploadId: up.uploadId })).resourceId;
});

after(async () => {
  await city?.close();
});

test('the department’s staff see the private dataset, its table and its file; not cached', async () => {
  const planner = await staffSignIn(city.app, 'planner@kawasaki.example');
  for (const url of [
    '/open-data/datasets/draft-stats',
    '/open-data/datasets/draft-stats/history',
    `/open-data/datasets/draft-stats/resources/${resourceId}`,
    `/open-data/datasets/draft-stats/resources/${resourceId}/download`,
  ]) {
    const page = await planner.get(url);
    assert.equal(page.statusCode, 200, url);
    assert.equal(page.headers['cache-control'], 'private, no-store', url);
  }
  assert.match((await planner.get(`/open-data/datasets/draft-stats/resources/${resourceId}`)).body, /幸区/);
});

test('the public and staff of another department get 404; a preview download is not counted', async () => {
  const reader = new Agent(city.app);
  assert.equal((await reader.get('/open-data/datasets/draft-stats')).statusCode, 404);
  assert.equal((await reader.get(`/open-data/datasets/draft-stats/resources/${resourceId}/download`)).statusCode, 404);
  const ward = await staffSignIn(city.app, 'caseworker@kawasaki.example');
  assert.equal((await ward.get('/open-data/datasets/draft-stats')).statusCode, 404);
  const counted = await city.city.deps.ownerDb
    .selectFrom('od_downloads')
    .select('count')
    .where('resource_id', '=', resourceId)
    .execute();
  assert.deepEqual(counted, []);
});
