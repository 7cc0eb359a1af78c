// The procedure pages and API over HTTP (inject) on a real database seeded with the demo catalogue.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../test/helpers/app.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall();
});
after(() => city.close());

const get = (url: string) => city.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

test('the search page: a labelled search box, filters as fieldsets, the count and the results', async () => {
  const res = await get('/procedures?q=%E4%BD%8F%E6%B0%91%E7%A5%A8');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<label class="form-field__label" for="q">キーワード<\/label>/);
  assert.match(res.body, /<input class="form-field__input" id="q" name="q" type="search" value="住民票"/);
  assert.match(
    res.body,
    /<fieldset class="fieldset procedure-filter"><legend class="form-field__label">申請する人<\/legend>/,
  );
  assert.match(res.body, /<p role="status">\d+件の手続が見つかりました。/);
  const first = res.body.indexOf('<li class="card">');
  assert.match(res.body.slice(first, first + 400), /<a href="\/procedures\/juminhyo-copy">住民票の写しの交付請求<\/a>/);
  assert.match(res.body, /オンラインで完結/);
  assert.match(res.body, /お住まいの区の区役所 区民課/);
  assert.match(res.body, /1通300円/);
});

test('life events: listed on /procedures, and each link lists its procedures', async () => {
  const home = await get('/procedures');
  assert.match(home.body, /<a href="\/procedures\?lifeEvent=birth">出産<p>\d+件<\/p><\/a>/);
  assert.doesNotMatch(home.body, /role="status"/, 'no result list before a search');
  const birth = await get('/procedures?lifeEvent=birth');
  assert.match(birth.body, /<input type="radio" id="lifeEvent-1" name="lifeEvent" value="birth" checked>/);
  assert.match(birth.body, /出生届/);
  assert.doesNotMatch(birth.body, /道路占用許可申請/);
});

test('paging keeps the filters, and online-only shows only procedures completed online', async () => {
  const page1 = await get('/procedures?q=%E8%A3%9C%E5%8A%A9%E9%87%91&online=true');
  assert.match(page1.body, /1〜20件目を表示しています。/);
  assert.match(
    page1.body,
    /href="\/procedures\?q=%E8%A3%9C%E5%8A%A9%E9%87%91&amp;online=true&amp;offset=20" rel="next"/,
  );
  assert.doesNotMatch(page1.body, /来庁1回|窓口のみ<\/strong>/);
});

test('a procedure page: how it is done, why one visit, what is online, fee, identity, proxy, 標準処理期間', async () => {
  const res = await get('/procedures/inkan-registration');
  assert.equal(res.statusCode, 200);
  assert.match(
    res.body,
    /<h1><span class="page-heading__caption">お住まいの区の区役所 区民課<\/span>印鑑登録申請<\/h1>/,
  );
  assert.match(res.body, /来庁1回/);
  assert.match(res.body, /窓口に来ていただく理由: 対面での本人確認/);
  assert.match(res.body, /オンラインでできること<\/h3>\n<p>申請書の作成と来庁日の予約はオンラインでできます。/);
  assert.match(res.body, /本人による申請に限ります。/);
  assert.match(res.body, /<h2>標準処理期間<\/h2>\n<p>即日<\/p>/);
  assert.match(res.body, /<h2>申請先<\/h2>/);
  assert.doesNotMatch(res.body, /href="\/apply\//, 'no start button for a procedure without a form');
});

test('a full procedure has a start button to /apply/<code>; English and やさしい日本語 pages too', async () => {
  const ja = await get('/procedures/juminhyo-copy');
  assert.match(ja.body, /<a class="button button--primary" href="\/apply\/juminhyo-copy">オンラインで申請する<\/a>/);
  const en = await get('/procedures/juminhyo-copy?lang=en');
  assert.match(en.body, /<html lang="en">/);
  assert.match(en.body, /Apply online/);
  const easy = await get('/procedures/kaigo-nintei?lang=ja-easy');
  assert.match(easy.body, /<ruby>窓口<rp>\(<\/rp><rt>まどぐち<\/rt><rp>\)<\/rp><\/ruby>に 1<ruby>回/);
});

test('an unknown procedure code is a 404 page; a malformed one is a 400', async () => {
  const missing = await get('/procedures/no-such-procedure');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /<h1>ページが見つかりません<\/h1>/);
  assert.equal((await get('/procedures/DROP%20TABLE')).statusCode, 400);
});

test('API: search with filters and paging, {total, items}', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/api/v1/procedures?q=%E7%8A%AC&limit=2' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(body.total > 2);
  assert.equal(body.items.length, 2);
  assert.equal(body.items[0].code, 'inu-toroku');
  assert.equal(body.items[0].full, true);
  const next = await city.app.inject({ method: 'GET', url: '/api/v1/procedures?q=%E7%8A%AC&limit=2&offset=2' });
  assert.notEqual(next.json().items[0].code, 'inu-toroku');
  const filtered = await city.app.inject({
    method: 'GET',
    url: '/api/v1/procedures?lifeEvent=pets&filer=resident&online=true&department=kenko-fukushi',
  });
  for (const p of filtered.json().items) {
    assert.ok(p.lifeEvents.includes('pets') && p.availability === 'online' && p.filer !== 'business');
    assert.ok(p.department.startsWith('kenko-fukushi'));
  }
});

test('API: one definition with its form schema; bad parameters answer 400 problem+json, unknown 404', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/api/v1/procedures/juminhyo-copy' });
  assert.equal(res.statusCode, 200);
  const p = res.json();
  assert.equal(p.code, 'juminhyo-copy');
  assert.equal(p.form.schema.type, 'object');
  assert.ok(p.form.steps.length > 0);
  const bad = await city.app.inject({ method: 'GET', url: '/api/v1/procedures?limit=500&lifeEvent=party' });
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
  assert.deepEqual(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['lifeEvent', 'limit'],
  );
  const missing = await city.app.inject({ method: 'GET', url: '/api/v1/procedures/no-such' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().detail, '手続コード「no-such」の手続は見つかりません。');
});

test('OpenAPI describes both operations with their query parameters', async () => {
  const doc = (await city.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const list = doc.paths['/api/v1/procedures'].get;
  assert.deepEqual(
    list.parameters.map((p: { name: string }) => p.name).filter((n: string) => n !== 'lang'),
    ['q', 'lifeEvent', 'department', 'online', 'filer', 'limit', 'offset'],
  );
  assert.ok(doc.paths['/api/v1/procedures/{code}'].get.responses['404']);
});

test('the home page links to the procedure search', async () => {
  const res = await get('/');
  assert.match(res.body, /href="\/procedures"/);
});
