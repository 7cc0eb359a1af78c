import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NormalizeError } from './normalize.ts';
import { lookupPostalCode, postalCodesOfCity } from './postal.ts';

test('Kawasaki postal codes resolve offline to prefecture, city and town', () => {
  assert.deepEqual(lookupPostalCode('210-0001'), [
    { postalCode: '2100001', prefecture: '神奈川県', city: '川崎市川崎区', town: '本町', cityCode: '14131' },
  ]);
  assert.deepEqual(lookupPostalCode('〒２１１－００６３'), [
    { postalCode: '2110063', prefecture: '神奈川県', city: '川崎市中原区', town: '小杉町', cityCode: '14133' },
  ]);
  assert.deepEqual(lookupPostalCode('2130001'), [
    { postalCode: '2130001', prefecture: '神奈川県', city: '川崎市高津区', town: '溝口', cityCode: '14134' },
  ]);
});

test('a ward-wide code has an empty town', () => {
  assert.deepEqual(lookupPostalCode('210-0000'), [
    { postalCode: '2100000', prefecture: '神奈川県', city: '川崎市川崎区', town: '', cityCode: '14131' },
  ]);
});

test('one code can cover several cities', () => {
  assert.deepEqual(
    lookupPostalCode('206-0000').map((a) => [a.city, a.cityCode]),
    [
      ['多摩市', '13224'],
      ['稲城市', '13225'],
    ],
  );
});

test('unknown codes, including office codes the data does not carry, are an empty list', () => {
  assert.deepEqual(lookupPostalCode('999-9999'), []);
  assert.deepEqual(lookupPostalCode('210-8577'), []); // 川崎市役所's own code: JIGYOSYO data is not shipped
});

test('a malformed code is a Japanese error, not a lookup', () => {
  assert.throws(
    () => lookupPostalCode('21-0001'),
    new NormalizeError('郵便番号「21-0001」は7桁の数字で入力してください（例: 210-0001）。'),
  );
  assert.throws(() => lookupPostalCode('abcdefg'), NormalizeError);
});

test('the postal codes of one ward, with their towns', () => {
  const nakahara = postalCodesOfCity('14133');
  assert.equal(nakahara.length, 41);
  assert.deepEqual(
    nakahara.find((p) => p.postalCode === '2110063'),
    { postalCode: '2110063', town: '小杉町' },
  );
  assert.ok(nakahara.every((p) => lookupPostalCode(p.postalCode)[0]?.city === '川崎市中原区'));
  assert.ok(nakahara.every((p) => p.town !== ''));
  assert.deepEqual(postalCodesOfCity('99999'), []);
});
