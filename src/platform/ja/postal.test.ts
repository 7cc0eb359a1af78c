import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lookupPostalCode, postalCodesOfCity } from './postal.ts';

test('Kawasaki postal codes resolve offline to prefecture, city and town', () => {
  assert.deepEqual(lookupPostalCode('210-0001'), [
    { postalCode: '2100001', prefecture: '神奈川県', city: '川崎市川崎区', town: '本町', cityCode: '14131' },
  ]);
  assert.deepEqual(lookupPostalCode('〒２１１－００６３'), [
    { postalCode: '2110063', prefecture: '神奈川県', city: '川崎市中原区', town: '小杉町', cityCode: '14133' },
  ]);
});

test('an unknown code is an empty list, a malformed one a clear error', () => {
  assert.deepEqual(lookupPostalCode('999-9999'), []);
  assert.throws(() => lookupPostalCode('21-0001'), /7桁の数字/);
});

test('the postal codes of one ward, with their towns', () => {
  const nakahara = postalCodesOfCity('14133');
  assert.ok(nakahara.length > 30);
  assert.ok(nakahara.some((p) => p.postalCode === '2110063' && p.town === '小杉町'));
  assert.ok(nakahara.every((p) => lookupPostalCode(p.postalCode)[0]?.city === '川崎市中原区'));
});
