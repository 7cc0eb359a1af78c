// How text is cut up for search: the same folding for what is stored and what people type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cut, fold, indexTokens, maxWordLength, queryTokens, quoteLexeme } from './text.ts';

test('folding: full-width letters, half-width katakana, case and hiragana become one spelling', () => {
  assert.equal(fold('ＡＥＤ'), 'aed');
  assert.equal(fold('ｶﾞｲﾄﾞﾌﾞｯｸ'), 'ガイドブック');
  assert.equal(fold('こそだて ゔ ゝ'), 'コソダテ ヴ ヽ');
  assert.equal(fold('GeoJSON'), 'geojson');
  assert.equal(fold('①２０２４年'), '12024年');
});

test('cutting: Japanese runs and words, split at punctuation, symbols, emoji and script changes', () => {
  const { text, runs } = cut('ＡＥＤ設置箇所（2024年度）・ひなん😀 Wi-Fi');
  assert.equal(text, 'aed設置箇所 2024年度 ヒナン wi fi');
  assert.deepEqual(
    runs.map((r) => [r.bigram, r.chars.join('')]),
    [
      [false, 'aed'],
      [true, '設置箇所'],
      [false, '2024'],
      [true, '年度'],
      [true, 'ヒナン'],
      [false, 'wi'],
      [false, 'fi'],
    ],
  );
  assert.deepEqual(cut("😀！？ \\ ' :"), { text: '', runs: [] });
  assert.equal(cut('長音ー々〆').runs.length, 1, 'ー 々 〆 stay inside a Japanese run');
});

test('stored tokens: every bigram and the last character; query tokens: bigrams, or a prefix', () => {
  const [run] = cut('避難場所').runs;
  assert.deepEqual(indexTokens(run!), ['避難', '難場', '場所', '所']);
  assert.deepEqual(queryTokens(run!), [
    { token: '避難', prefix: false },
    { token: '難場', prefix: false },
    { token: '場所', prefix: false },
  ]);
  assert.deepEqual(queryTokens(cut('区').runs[0]!), [{ token: '区', prefix: true }]);
  assert.deepEqual(indexTokens(cut('Population').runs[0]!), ['population']);
  assert.deepEqual(queryTokens(cut('popul').runs[0]!), [{ token: 'popul', prefix: true }]);
  assert.equal(indexTokens(cut('x'.repeat(5000)).runs[0]!)[0]!.length, maxWordLength);
});

test('lexemes are quoted for tsvector and tsquery input', () => {
  assert.equal(quoteLexeme('避難'), "'避難'");
  assert.equal(quoteLexeme("it's"), "'it''s'");
  assert.equal(quoteLexeme('a\\b'), "'a\\\\b'");
});
