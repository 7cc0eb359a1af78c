import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NormalizeError, normalizeDigitsAndAscii, normalizePhone, normalizePostalCode } from './normalize.ts';

test('full-width digits, letters and symbols become ASCII; half-width kana full-width', () => {
  assert.equal(normalizeDigitsAndAscii('ＡＢＣ１２３！＃（）～'), 'ABC123!#()~');
  assert.equal(normalizeDigitsAndAscii('ｶﾜｻｷ ｼﾔｸｼｮ'), 'カワサキ シヤクショ');
  assert.equal(normalizeDigitsAndAscii('ﾊﾟｰｸ'), 'パーク');
});

test('in an address only the digits change', () => {
  assert.equal(normalizeDigitsAndAscii('川崎市川崎区宮本町１番地'), '川崎市川崎区宮本町1番地');
  assert.equal(
    normalizeDigitsAndAscii('中原区小杉町３丁目２６４－３　ヶ丘ビル１０１'),
    '中原区小杉町3丁目264-3　ヶ丘ビル101',
  );
});

test('what NFKC would damage in names and addresses stays as written', () => {
  const kept = [
    '髙橋',
    '㈱川崎',
    '①',
    '﨑',
    '神﨑',
    '\ufa19',
    '㍻',
    '〒',
    'ヶ丘',
    '丁目',
    'ⅰ',
    'Ⅲ',
    '￥',
    '　',
    '℡',
    '㎡',
  ];
  for (const text of kept) assert.equal(normalizeDigitsAndAscii(text), text, text);
  // NFKC itself would change these, so the assertions above do test something.
  assert.equal('㈱'.normalize('NFKC'), '(株)');
  assert.equal('①'.normalize('NFKC'), '1');
  assert.equal('﨑'.normalize('NFKC'), '﨑');
  assert.equal('\ufa19'.normalize('NFKC'), '\u795e');
  assert.equal('㍻'.normalize('NFKC'), '平成');
});

test('postal codes in any common form', () => {
  for (const form of ['〒２１０－８５７７', '210-8577', '2108577', '２１０ー８５７７', '210−8577', '〒 210 8577']) {
    assert.equal(normalizePostalCode(form), '2108577', form);
  }
});

test('malformed postal codes are refused with a Japanese message', () => {
  assert.throws(
    () => normalizePostalCode('210-001'),
    new NormalizeError('郵便番号「210-001」は7桁の数字で入力してください（例: 210-0001）。'),
  );
  for (const bad of ['abc', '', '21000011', '210-00０', '〒〒2100001']) {
    assert.throws(() => normalizePostalCode(bad), NormalizeError, bad);
  }
});

test('phone numbers keep their grouping, in ASCII hyphens', () => {
  assert.equal(normalizePhone('０４４－２００－２１１１'), '044-200-2111');
  assert.equal(normalizePhone('044-200-2111'), '044-200-2111');
  assert.equal(normalizePhone('(044)200-2111'), '044-200-2111');
  assert.equal(normalizePhone('０４４（２００）２１１１'), '044-200-2111');
  assert.equal(normalizePhone('090 1234 5678'), '090-1234-5678');
  assert.equal(normalizePhone('09012345678'), '09012345678');
  assert.equal(normalizePhone('0120‐123‐456'), '0120-123-456');
  assert.equal(normalizePhone('+81 44 200 2111'), '+81-44-200-2111');
});

test('impossible phone numbers are refused with a Japanese message', () => {
  assert.throws(
    () => normalizePhone('12-34'),
    new NormalizeError('電話番号「12-34」が正しくありません（例: 044-200-2111）。'),
  );
  for (const bad of ['044-200-211', '090-1234-56789', '4420021111', '+0-44-200', '044-200-2111 内線3', '']) {
    assert.throws(() => normalizePhone(bad), NormalizeError, bad);
  }
});
