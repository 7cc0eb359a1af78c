import assert from 'node:assert/strict';
import { test } from 'node:test';
import { halfWidthKanaToFull, isKatakanaReading, toKatakanaReading } from './kana.ts';

test('hiragana and half-width katakana become full-width katakana', () => {
  assert.equal(toKatakanaReading('かわさき　はなこ'), 'カワサキ\u3000ハナコ');
  assert.equal(toKatakanaReading('ｶﾜｻｷ ﾀﾛｳ'), 'カワサキ\u3000タロウ');
  assert.equal(toKatakanaReading('ｶﾞｯｺｳ ﾊﾟﾝ ｳﾞｨｵﾗ'), 'ガッコウ\u3000パン\u3000ヴィオラ');
  assert.equal(toKatakanaReading('ゔぃおら'), 'ヴィオラ');
  assert.equal(toKatakanaReading('さゝき'), 'サヽキ');
  assert.equal(toKatakanaReading('ｻｰﾌｨﾝ'), 'サーフィン');
});

test('space runs (ASCII or full-width) become one full-width space; ends are trimmed', () => {
  assert.equal(toKatakanaReading('  かわさき \u3000  はなこ\u3000'), 'カワサキ\u3000ハナコ');
  assert.equal(toKatakanaReading('カワサキ ハナコ'), 'カワサキ\u3000ハナコ');
});

test('the long vowel mark and small kana are kept exactly, never enlarged', () => {
  for (const name of [
    'キャッシュ',
    'ジョン',
    'ファン',
    'シャルル',
    'ヴェッキョ',
    'ヶ',
    'ヮ',
    'ァィゥェォッャュョヮ',
    'ロー',
  ]) {
    assert.equal(toKatakanaReading(name), name);
  }
  assert.equal(toKatakanaReading('きゃっしゅ'), 'キャッシュ');
  assert.equal(toKatakanaReading('ｷｬｯｼｭ'), 'キャッシュ');
  assert.equal(toKatakanaReading('ぁぃぅぇぉっゃゅょゎゕゖ'), 'ァィゥェォッャュョヮヵヶ');
});

test('half-width conversion changes only half-width kana', () => {
  assert.equal(halfWidthKanaToFull('髙橋ｱ1Ａa｢ｶﾞ｣'), '髙橋ア1Ａa「ガ」');
  // A voiced mark with nothing to join stays a visible mark, never a bare combining character.
  assert.equal(halfWidthKanaToFull('ﾞｱﾞaﾟ'), '゛ア゛a゜');
});

test('the validator accepts register-style readings', () => {
  for (const ok of [
    'カワサキ\u3000ハナコ',
    'キャッシュ',
    'ヴィオラ',
    'ローラ\u3000ヶ',
    'サトウ',
    'ド・ゴール',
    'ジャン・ポール\u3000サルトル',
  ]) {
    assert.deepEqual(isKatakanaReading(ok), { ok: true }, ok);
  }
});

test('the validator says exactly what is wrong', () => {
  const cases: [string, string][] = [
    ['', 'フリガナを入力してください。'],
    ['\u3000', 'フリガナを入力してください。'],
    ['かわさき', 'ひらがな「か」が含まれています。全角カタカナで入力してください。'],
    ['ｶﾜｻｷ', '半角カタカナ「ｶ」が含まれています。全角カタカナで入力してください。'],
    ['川崎', '「川」はフリガナに使えません。全角カタカナで入力してください。'],
    ['ド･ゴール', '半角カタカナ「･」が含まれています。全角カタカナで入力してください。'],
    ['カワサキ ハナコ', '氏と名の間は全角スペース1つで区切ってください（半角スペースは使えません）。'],
    ['カワサキ\u3000\u3000ハナコ', '氏と名の間は全角スペース1つで区切ってください。'],
    ['カワ\u3000サキ\u3000ハナコ', '氏と名の間は全角スペース1つで区切ってください。'],
    ['\u3000カワサキ', '氏と名の間は全角スペース1つで区切ってください。'],
  ];
  for (const [value, reason] of cases) {
    assert.deepEqual(isKatakanaReading(value), { ok: false, reason }, value);
  }
});

test('whatever toKatakanaReading makes of kana input passes the validator', () => {
  for (const typed of ['かわさき はなこ', 'ｷｬｯｼｭ  ｼﾞｮﾝ', ' ゔぇっきょ ']) {
    assert.deepEqual(isKatakanaReading(toKatakanaReading(typed)), { ok: true }, typed);
  }
});
