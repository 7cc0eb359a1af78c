import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitIntoOpinions } from './split.ts';

test('a numbered list: one opinion per item, numbers kept', () => {
  const text = '1. スマホ教室を増やしてください。\n2. 窓口を残してください。\n3. 費用を公表してください。';
  assert.deepEqual(splitIntoOpinions(text), [
    '1. スマホ教室を増やしてください。',
    '2. 窓口を残してください。',
    '3. 費用を公表してください。',
  ]);
  assert.deepEqual(splitIntoOpinions('１．スマホ教室について\n２．窓口について'), [
    '１．スマホ教室について',
    '２．窓口について',
  ]);
  assert.deepEqual(splitIntoOpinions('1) 教室\n2) 窓口'), ['1) 教室', '2) 窓口']);
  assert.deepEqual(splitIntoOpinions('一、教室のこと\n二、窓口のこと'), ['一、教室のこと', '二、窓口のこと']);
  assert.deepEqual(splitIntoOpinions('意見1：教室のこと\n意見２：窓口のこと'), [
    '意見1：教室のこと',
    '意見２：窓口のこと',
  ]);
});

test('an introduction before the list and a closing after it are parts of their own', () => {
  const text =
    '計画案について、以下の2点を意見します。\n\n（1）スマホ教室を公民館で開いてほしい。\n' +
    '高齢の母が通えるように。\n（2）窓口を残してほしい。\n\n以上、よろしくお願いします。';
  assert.deepEqual(splitIntoOpinions(text), [
    '計画案について、以下の2点を意見します。',
    '（1）スマホ教室を公民館で開いてほしい。\n高齢の母が通えるように。',
    '（2）窓口を残してほしい。',
    '以上、よろしくお願いします。',
  ]);
});

test('circled numbers, on their own lines or one after another in a line', () => {
  assert.deepEqual(splitIntoOpinions('①スマホ教室を増やして\n②窓口を残して'), [
    '①スマホ教室を増やして',
    '②窓口を残して',
  ]);
  assert.deepEqual(splitIntoOpinions('意見です。①スマホ教室を増やしてほしい。②窓口を残してほしい。③費用を示して。'), [
    '意見です。',
    '①スマホ教室を増やしてほしい。',
    '②窓口を残してほしい。',
    '③費用を示して。',
  ]);
  for (const whole of ['資料の①の部分について、説明が足りません。', '資料の①と②を比べると、②の費用が高い。']) {
    assert.deepEqual(splitIntoOpinions(whole), [whole]);
  }
});

test('bullets', () => {
  assert.deepEqual(splitIntoOpinions('・スマホ教室\n・窓口\n・費用'), ['・スマホ教室', '・窓口', '・費用']);
  assert.deepEqual(splitIntoOpinions('- スマホ教室\n- 窓口'), ['- スマホ教室', '- 窓口']);
  assert.deepEqual(splitIntoOpinions('● 教室について\n● 窓口について'), ['● 教室について', '● 窓口について']);
});

test('sub-items stay with their item; a decimal or a year is not a number marker', () => {
  const nested = '1. 教室について\n  (1) 回数\n  (2) 場所\n2. 窓口について\n  ・対面\n  ・電話';
  assert.deepEqual(splitIntoOpinions(nested), [
    '1. 教室について\n  (1) 回数\n  (2) 場所',
    '2. 窓口について\n  ・対面\n  ・電話',
  ]);
  assert.deepEqual(splitIntoOpinions('1.5倍に増えた経費が心配です。\n2025年度までに説明してください。'), [
    '1.5倍に増えた経費が心配です。',
    '2025年度までに説明してください。',
  ]);
});

test('plain paragraphs: at blank lines, or at line ends where sentences end', () => {
  assert.deepEqual(splitIntoOpinions('スマホ教室を増やしてほしい。\n\n窓口を残してほしい。\n\n\n費用を示して。'), [
    'スマホ教室を増やしてほしい。',
    '窓口を残してほしい。',
    '費用を示して。',
  ]);
  assert.deepEqual(splitIntoOpinions('スマホ教室を増やしてほしい。\r\n窓口を残してほしい。'), [
    'スマホ教室を増やしてほしい。',
    '窓口を残してほしい。',
  ]);
  // Cut at a fixed width mid-sentence (as pasted from a PDF): one paragraph.
  const wrapped =
    'ガバメントクラウドへの移行によって運用の費用がどの\nように変わるのか、移行の前と後とで比較できる資料\nを市民に公表してください。';
  assert.deepEqual(splitIntoOpinions(wrapped), [wrapped]);
});

test('a single sentence, and nothing', () => {
  assert.deepEqual(splitIntoOpinions('スマホ教室を増やしてほしい。'), ['スマホ教室を増やしてほしい。']);
  assert.deepEqual(splitIntoOpinions('  スマホ教室を増やしてほしい。  \n'), ['スマホ教室を増やしてほしい。']);
  assert.deepEqual(splitIntoOpinions(''), []);
  assert.deepEqual(splitIntoOpinions(' \n\u3000\n '), []);
});

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('property: the parts hold every non-space character of the input, in order', () => {
  const pieces = [
    'スマホ教室を増やしてほしい',
    '窓口',
    '。',
    '、',
    '\n',
    '\n\n',
    '\r\n',
    ' ',
    '\u3000',
    '\t',
    '1.',
    '２．',
    '3)',
    '(4)',
    '（５）',
    '①',
    '②',
    '⑳',
    '❶',
    '⑴',
    '・',
    '- ',
    '-',
    '* ',
    '●',
    '一、',
    '（ア）',
    '意見1',
    '第2に',
    '1.5',
    '2025年',
    'a',
    '😀',
    '𠮷',
    '！',
    '?',
  ];
  const next = random(20261125);
  for (let run = 0; run < 2000; run++) {
    let text = '';
    const length = Math.floor(next() * 40);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    const parts = splitIntoOpinions(text);
    assert.equal(parts.join('').replace(/\s/g, ''), text.replace(/\s/g, ''), JSON.stringify(text));
    for (const part of parts) assert.ok(part !== '' && part === part.trim(), JSON.stringify({ text, part }));
  }
});
