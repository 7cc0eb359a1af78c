// How text is cut up for search, the same way for the catalogue and for what people type: NFKC (safe here:
// these keys are never shown or stored), lower case, hiragana folded to katakana (ごみ = ゴミ), common
// spelling variants made one (申し込み = 申込み), then character bigrams for Japanese and words for English.

// Spelling variants people write for the same word (送り仮名, 子供/子ども), after folding to katakana.
const variants: [RegExp, string][] = [
  [/申シ込ミ|申込(?!ミ)/g, '申込ミ'],
  [/引ッ越シ|引越(?!シ)/g, '引越シ'],
  [/手続キ/g, '手続'],
  [/届ケ出/g, '届出'],
  [/取リ消シ|取消(?!シ)/g, '取消シ'],
  [/子供/g, '子ドモ'],
  [/受ケ取リ/g, '受取リ'],
  [/問イ合ワセ/g, '問合セ'],
  [/ヶ|ケ(?=月)/g, 'カ'],
];

// After NFKC there is no half-width katakana left, so what remains of toKatakanaReading (platform/ja/kana.ts)
// is hiragana → katakana, 0x60 apart; done with one regex because indexing folds ~1 MB of text
// (text.test.ts checks that both agree).
const hiragana = /[\u3041-\u3096\u309d\u309e]/g;
const toKatakana = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0x60);

const separators = /[\s、。，．,.・･「」『』（）()［］[\]【】〈〉《》!?！？:：;；/／〜~'"“”‘’]+/u;
const ascii = /[a-z0-9]+/g;

/** NFKC, lower case, katakana, one spelling per word; spaces and punctuation become single spaces. */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase().replace(hiragana, toKatakana);
  let folded = nfkc.split(separators).filter(Boolean).join(' ');
  for (const [pattern, replacement] of variants) folded = folded.replace(pattern, replacement);
  return folded;
}

const stopWords = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'to',
  'and',
  'or',
  'in',
  'on',
  'at',
  'by',
  'my',
  'your',
  'i',
]);

/** English word key: lower case, a plural -s dropped (certificates = certificate). */
function wordKey(word: string): string {
  const stem = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
  return `w${stem}`;
}

/**
 * Search keys of one folded piece of text without spaces: English words (`w…`), single characters of a
 * one-character Japanese run (`1…`), and character bigrams of longer runs.
 */
export function keysOf(piece: string): string[] {
  const keys: string[] = [];
  for (const word of piece.match(ascii) ?? []) if (!stopWords.has(word)) keys.push(wordKey(word));
  for (const run of piece.split(ascii)) {
    const chars = [...run];
    if (chars.length === 1) keys.push(`1${chars[0]}`);
    for (let i = 0; i + 1 < chars.length; i++) keys.push(chars[i]! + chars[i + 1]!);
  }
  return keys;
}

/** Every key of a text (for the index): bigrams, and single characters too, so one-letter queries work. */
export function indexKeysOf(text: string): Set<string> {
  const keys = new Set<string>();
  for (const piece of foldText(text).split(' ')) {
    for (const key of keysOf(piece)) keys.add(key);
    for (const run of piece.split(ascii)) for (const c of run) keys.add(`1${c}`);
  }
  return keys;
}

/** The terms of a query: one per space-separated piece, each with its keys (empty pieces dropped). */
export function queryTerms(folded: string): string[][] {
  return folded
    .split(' ')
    .map((piece) => keysOf(piece))
    .filter((keys) => keys.length > 0);
}
