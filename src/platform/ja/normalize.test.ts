import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeDigitsAndAscii, normalizePhone, normalizePostalCode } from './normalize.ts';

test('full-width digits and letters become ASCII, half-width kana full-width', () => {
  assert.equal(normalizeDigitsAndAscii('ＡＢＣ１２３！'), 'ABC123!');
  assert.equal(normalizeDigitsAndAscii('ｶﾜｻｷ'), 'カワサキ');
  assert.equal(normalizeDigitsAndAscii('川崎市川崎区宮本町１番地'), '川崎市川崎区宮本町1番地');
});

test('what NFKC would damage in names and addresses stays as written', () => {
  for (const kept of ['髙橋', '㈱川崎', '①', '﨑', '神﨑', '\ufa19', '㍻', '〒', 'ヶ丘', '丁目']) {
    assert.equal(normalizeDigitsAndAscii(kept), kept);
  }
  assert.notEqual('㈱'.normalize('NFKC'), '㈱', 'NFKC itself would change it, so this test can fail');
  assert.notEqual('\ufa19'.normalize('NFKC'), '\ufa19');
});

test('postal codes in any common form', () => {
  for (const form of ['〒２１０－０００１', '210-0001', '2100001', '２１０ー０００１', '210−0001']) {
    assert.equal(normalizePostalCode(form), '2100001', form);
  }
  assert.throws(() => normalizePostalCode('210-001'), /郵便番号「210-001」は7桁の数字/);
  assert.throws(() => normalizePostalCode('abc'), /7桁の数字/);
});

test('phone numbers', () => {
  assert.equal(normalizePhone('０４４－２００－２１１１'), '044-200-2111');
  assert.equal(normalizePhone('090 1234 5678'), '09012345678');
  assert.equal(normalizePhone('(044)200-2111'), '044-200-2111');
  assert.throws(() => normalizePhone('12-34'), /電話番号「12-34」が正しくありません/);
});
