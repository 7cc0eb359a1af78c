import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestCityHall, type TestCityHall } from '../../../test/helpers/app.ts';

let city: TestCityHall;
before(async () => {
  city = await startTestCityHall({ demoResidents: 2_000 });
});
after(() => city.close());

test('population by ward adds up to the demo register, with no personal data in the answer', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/api/v1/population/wards' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.asOf, '2026-04-01');
  assert.equal(body.items.length, 7);
  assert.equal(
    body.items.reduce((n: number, w: { residents: number }) => n + w.residents, 0),
    2_000,
  );
  assert.deepEqual(Object.keys(body.items[0]).sort(), [
    'aged65AndOver',
    'children',
    'foreign',
    'residents',
    'wardCode',
  ]);
});

test('a date that is not a date is a 400 naming the field', async () => {
  const res = await city.app.inject({ method: 'GET', url: '/api/v1/population/wards?asOf=2026-13-45' });
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().errors, [{ field: 'asOf', message: '形式が正しくありません（date）。' }]);
});

test('a later date ages the same people', async () => {
  const now = (await city.app.inject({ method: 'GET', url: '/api/v1/population/wards' })).json();
  const later = (await city.app.inject({ method: 'GET', url: '/api/v1/population/wards?asOf=2046-04-01' })).json();
  const sum = (b: { items: { aged65AndOver: number }[] }) => b.items.reduce((n, w) => n + w.aged65AndOver, 0);
  assert.ok(sum(later) > sum(now), 'twenty years on, more of the same people are 65 or over');
});
