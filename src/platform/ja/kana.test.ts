import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkKatakanaReading, halfWidthKanaToFull, toKatakanaReading } from './kana.ts';

test('readings become full-width katakana with one full-width space', () => {
  assert.equal(toKatakanaReading('かわさき はなこ'), 'カワサキ\u3000ハナコ');
  assert.equal(toKatakanaReading(' ｶﾜｻｷ   ﾀﾛｳ '), 'カワサキ\u3000タロウ');
  assert.equal(toKatakanaReading('ｶﾞｯｺｳ ﾊﾟﾝ ｳﾞｨｵﾗ'), 'ガッコウ\u3000パン\u3000ヴィオラ');
  assert.equal(toKatakanaReading('ゔぃおら'), 'ヴィオラ');
});

test('small kana are never enlarged', () => {
  for (const name of ['キャッシュ', 'ジョン', 'ファン', 'シャルル', 'ヴェッキョ'])
    assert.equal(toKatakanaReading(name), name);
  assert.equal(toKatakanaReading('きゃっしゅ'), 'キャッシュ');
  assert.equal(halfWidthKanaToFull('ｷｬｯｼｭ'), 'キャッシュ');
});

test('only kana change: kanji, letters and digits are left alone', () => {
  assert.equal(halfWidthKanaToFull('髙橋ｱ1Ａ'), '髙橋ア1Ａ');
});

test('the checker explains what is wrong', () => {
  assert.deepEqual(checkKatakanaReading('カワサキ\u3000ハナコ'), { ok: true });
  assert.deepEqual(checkKatakanaReading('ド・ゴール'), { ok: true });
  assert.deepEqual(checkKatakanaReading('かわさき'), {
    ok: false,
    reason: 'フリガナは全角カタカナで入力してください（「か」は使えません）。',
  });
  assert.deepEqual(checkKatakanaReading('カワサキ ハナコ'), {
    ok: false,
    reason: 'フリガナは全角カタカナで入力してください（「 」は使えません）。',
  });
  assert.deepEqual(checkKatakanaReading('カワサキ\u3000\u3000ハナコ'), {
    ok: false,
    reason: '氏と名の間の空白は全角1文字にしてください。',
  });
  assert.equal(checkKatakanaReading('').ok, false);
});
