import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../test/helpers/app.ts';
import { listWards } from './use-cases/list-wards.ts';
import { seedOrganisation } from './use-cases/seed-organisation.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall();
});
after(() => city.close());

test('the API lists the 7 wards in order', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/api/v1/wards' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(
    res.json().items.map((w: { nameJa: string }) => w.nameJa),
    ['川崎区', '幸区', '中原区', '高津区', '宮前区', '多摩区', '麻生区'],
  );
});

test('one department by code, and a clear 404 / 400 for an unknown or malformed code', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/api/v1/departments/somu-kikaku.digital' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), {
    code: 'somu-kikaku.digital',
    parentCode: 'somu-kikaku',
    kind: 'department',
    nameJa: 'デジタル化施策推進室',
    nameKana: 'デジタルカシサクスイシンシツ',
    nameEn: 'Digital Policy Promotion Office',
    wardCode: null,
  });
  const missing = await city.app.inject({ method: 'GET', url: '/api/v1/departments/no-such' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().detail, '部署コード「no-such」の部署は見つかりません。');
  const malformed = await city.app.inject({ method: 'GET', url: '/api/v1/departments/DROP%20TABLE' });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().errors[0].field, 'code');
});

test('another tenant sees none of Kawasaki’s organisation, and seeding twice changes nothing', async () => {
  await city.database.ownerPool.query(
    `insert into tenants (id, lg_code, name_ja, name_en) values ('sagamihara', '141500', '相模原市', 'Sagamihara City')`,
  );
  assert.deepEqual(await listWards({ db: city.database.db }, { tenantId: 'sagamihara' }), []);
  await seedOrganisation({ db: city.database.db }, { tenantId: 'kawasaki' });
  const { rows } = await city.database.ownerPool.query(
    `select tenant_id, count(*)::int as n from departments group by tenant_id order by tenant_id`,
  );
  assert.deepEqual(rows, [{ tenant_id: 'kawasaki', n: 95 }]);
});

test('the page lists wards in a table and the bureau tree, in each language', async () => {
  const ja = await city.app.inject({ method: 'GET', url: '/organisation' });
  assert.equal(ja.statusCode, 200);
  assert.match(ja.body, /<th scope="row">中原区<\/th><td>141330<\/td><td>区民課<\/td>/);
  assert.match(ja.body, /<li>上下水道局<ul><li>経営戦略・危機管理室<\/li>/);
  const easy = await city.app.inject({ method: 'GET', url: '/organisation?lang=ja-easy' });
  assert.match(easy.body, /<ruby>麻生区<rp>\(<\/rp><rt>あさおく<\/rt><rp>\)<\/rp><\/ruby>/);
  const en = await city.app.inject({ method: 'GET', url: '/organisation?lang=en' });
  assert.match(en.body, /<th scope="row">Miyamae Ward<\/th>/);
});
