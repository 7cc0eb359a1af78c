import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from './tokenize.ts';

test('Node ships full ICU: Intl.Segmenter cuts Japanese at dictionary words', () => {
  const segments = [...new Intl.Segmenter('ja', { granularity: 'word' }).segment('行政手続きのオンライン化を進める')];
  const words = segments.filter((s) => s.isWordLike).map((s) => s.segment);
  assert.ok(words.includes('行政'), words.join('|'));
  assert.ok(words.includes('手続き'), words.join('|'));
});

test('a typical sentence: its content words and the parts of its compound, without particles', () => {
  const terms = tokenize('ガバメントクラウドへの移行でコストが増えないか');
  for (const term of ['ガバメントクラウド', 'クラ', 'ラウ', 'ウド', '移行', 'コスト']) {
    assert.ok(terms.includes(term), `${term} in ${terms.join(' ')}`);
  }
  for (const particle of ['へ', 'の', 'で', 'が', 'は', 'ない', 'か']) assert.ok(!terms.includes(particle), particle);
  assert.equal(terms[0], 'ガバメントクラウド', 'terms come in reading order');
});

test('a compound shares bigrams with its part, so ガバメントクラウド meets クラウド', () => {
  const long = new Set(tokenize('ガバメントクラウド'));
  const shared = tokenize('クラウド').filter((t) => long.has(t));
  assert.deepEqual(shared, ['クラ', 'ラウ', 'ウド']);
  assert.ok(tokenize('公民館で講座を').includes('公民'), 'a kanji compound ICU keeps whole meets its parts');
});

test('polite endings, auxiliaries and stop words leave nothing behind', () => {
  assert.deepEqual(tokenize('窓口をなくさないでいただきたいと思います。'), ['窓口']);
  assert.deepEqual(tokenize('これは、それのためのようなことです。'), []);
  assert.deepEqual(tokenize('よろしくお願いいたします'), []);
});

test('width, script and spelling variants give the same terms', () => {
  assert.deepEqual(tokenize('ｽﾏﾎ教室'), tokenize('スマホ教室'));
  assert.deepEqual(tokenize('スマホ教室'), tokenize('スマートフォン教室'));
  assert.deepEqual(tokenize('ＤＸの推進'), tokenize('DXの推進'));
  assert.ok(tokenize('ＤＸの推進').includes('dx'));
  assert.deepEqual(tokenize('ごみの分別'), tokenize('ゴミの分別'));
  assert.deepEqual(tokenize('申し込みの方法'), tokenize('申込みの方法'));
  assert.deepEqual(tokenize('子どもの医療費'), tokenize('子供の医療費'));
});

test('numbers, single kana and empty text give no terms', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize('2,000 と 3'), []);
  assert.deepEqual(tokenize('あ い う ア'), []);
});
