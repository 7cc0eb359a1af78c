import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toKatakanaReading } from '../../../platform/ja/kana.ts';
import { foldText, keysOf, queryTerms } from './text.ts';

test('folding agrees with the platform’s reading normalisation for kana, half-width included', () => {
  for (const text of ['じゅうみんひょう', 'ｼﾞｭｳﾐﾝﾋｮｳ', 'ぱぴぷぺぽゔ', 'ｶﾞｯｺｳ', 'いすゞ', 'ゝゞ', 'キャッシュ']) {
    assert.equal(foldText(text), toKatakanaReading(text.normalize('NFKC')), text);
  }
});

test('full-width letters and digits, case, punctuation and spelling variants fold to one form', () => {
  assert.equal(foldText('ＨＩＶ検査（無料）'), 'hiv検査 無料');
  assert.equal(foldText('保育園の申し込み'), foldText('保育園の申込'));
  assert.equal(foldText('引っ越し・手続き'), '引越シ 手続');
  assert.equal(foldText('子供'), foldText('子ども'));
});

test('keys: bigrams for Japanese, one key for a single character, words for English without plurals', () => {
  assert.deepEqual(keysOf(foldText('住民票')), ['住民', '民票']);
  assert.deepEqual(keysOf(foldText('犬')), ['1犬']);
  assert.deepEqual(keysOf('certificates'), ['wcertificate']);
  assert.deepEqual(queryTerms(foldText('residence certificate of')), [['wresidence'], ['wcertificate']]);
});
