// Terms of an opinion for grouping, duplicate checks and topic suggestions: ICU's Japanese word segmentation
// (Intl.Segmenter, dictionary-based in Node's full ICU) for kanji and hiragana, whole katakana runs, and
// character bigrams of katakana runs and kanji compounds, so that a compound still meets its parts
// (ガバメントクラウド / クラウド).
import { toKatakanaReading } from '../../../platform/ja/index.ts';

/** One term where it was found in the prepared text; `gram` marks a character bigram. */
export interface Token {
  term: string;
  start: number;
  end: number;
  gram: boolean;
  /** How much one occurrence counts: 1 for a word; a run's bigrams together count as one word (in norm). */
  weight: number;
}

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Ways residents write the same word that neither NFKC nor dropping okurigana make one. Applied before
// segmentation, so each right-hand side must be what ICU keeps as one word or one katakana run.
const variants: [RegExp, string][] = [
  [/子ども|こども/g, '子供'],
  [/スマホ/g, 'スマートフォン'],
  [/マイナカード/g, 'マイナンバーカード'],
  [/パソコン/g, 'pc'],
];

// Words written in hiragana alone are kept only from this list. In opinions nearly every hiragana word is
// grammar, and ICU cuts inflected and polite endings into arbitrary pieces (かかる → かか|る, しないか,
// くだ|さい) that no stop list keeps up with; the few topics usually written in hiragana are listed here.
const hiraganaWords = new Set('ごみ がん いじめ たばこ まちづくり ふるさと おむつ ひとり ぜんそく けが'.split(' '));

// Kanji words (after dropping okurigana: 思います → 思) that every opinion uses whatever its topic.
const kanjiStopWords = new Set(
  (
    '思 考 方 等 事 為 様 化 的 性 者 市 私 今 点 上 中 件 際 場 時 度 旨 他 各 当 本 同 関 対 係 基 伴 通 言 行 分 ' +
    '見 出来 致 頂 下 願 申 有 御 宜 特 是非 今回 今後 以上 以下 場合 意見 本市 当市 貴市 非常 大変 本当 我々 自分'
  ).split(' '),
);

const englishStopWords = new Set(['the', 'and', 'for', 'of', 'to', 'in', 'on', 'is', 'are', 'be', 'it', 'or']);

const kanji = /\p{Script=Han}/u;
const kanjiRun = /\p{Script=Han}{3,}/gu;
// ァ–ヺ, ー, ヽヾ; the middle dot ・ (U+30FB) separates words, so it is not part of a run.
const katakanaRun = /[\u30a1-\u30fa\u30fc-\u30fe]{2,}/g;
const katakanaChars = /[\u30a1-\u30fa\u30fc-\u30fe]/g;
const onlyKatakana = /^[\u30a1-\u30fa\u30fc-\u30fe]+$/;
const onlyHiragana = /^[\u3041-\u3096\u309d\u309e\u30fc]+$/;
const hiraganaChars = /[\u3041-\u3096\u309d\u309e]/g;
const onlyDigits = /^[\d.,]+$/;
const ascii = /^[a-z0-9][a-z0-9.'’-]*$/;

/** NFKC (these terms are keys, never stored), lower case, and one spelling per word. */
export function prepareText(text: string): string {
  let prepared = text.normalize('NFKC').toLowerCase();
  for (const [pattern, replacement] of variants) prepared = prepared.replace(pattern, replacement);
  return prepared;
}

/** The term of one ICU word, or null when it says nothing about the topic. */
function wordTerm(segment: string): string | null {
  if (kanji.test(segment)) {
    // Okurigana vary (申し込み / 申込み, 増える / 増やす): the kanji carry the meaning.
    const stem = segment.replace(hiraganaChars, '');
    return kanjiStopWords.has(stem) ? null : stem;
  }
  if (onlyHiragana.test(segment)) return hiraganaWords.has(segment) ? toKatakanaReading(segment) : null; // ごみ = ゴミ
  if (ascii.test(segment)) {
    if (onlyDigits.test(segment) || segment.length < 2 || englishStopWords.has(segment)) return null;
    return segment;
  }
  return null;
}

function pushBigrams(tokens: Token[], run: string, start: number) {
  const chars = [...run];
  const weight = 1 / Math.sqrt(chars.length - 1);
  let at = start;
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    if (!kanjiStopWords.has(gram)) tokens.push({ term: gram, start: at, end: at + gram.length, gram: true, weight });
    at += chars[i]!.length;
  }
}

/** Every term of a prepared text with its position, in reading order (a word before the bigrams it starts). */
export function tokensOf(prepared: string): Token[] {
  const katakana: Token[] = [];
  // ICU cuts katakana loanwords at guessed places (ガバ|メン|トク|ラウ|ド), so a katakana run is one word.
  for (const match of prepared.matchAll(katakanaRun)) {
    const run = match[0];
    if (/^[ー\u30fd\u30fe]+$/.test(run)) continue;
    katakana.push({ term: run, start: match.index, end: match.index + run.length, gram: false, weight: 1 });
    if (run.length > 2) pushBigrams(katakana, run, match.index);
  }
  const words: Token[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(prepared)) {
    if (!isWordLike) continue;
    const rest = onlyKatakana.test(segment) ? '' : segment.replace(katakanaChars, '');
    if (rest === '') continue;
    const term = wordTerm(rest);
    if (term === null) continue;
    // One kanji left of a verb or adjective (増える → 増, 使える → 使) says less than a compound.
    const weight = term.length === 1 ? 0.5 : 1;
    words.push({ term, start: index, end: index + segment.length, gram: false, weight });
    // A compound ICU keeps whole (公民館, 標準化) also meets its parts (公民, 標準). Bigrams across ICU's
    // word boundaries (個人|情報 → 人情) would mostly be noise, so none are made.
    if (term.length < 3) continue;
    for (const run of segment.matchAll(kanjiRun)) {
      if ([...run[0]].length > 2) pushBigrams(words, run[0], index + run.index);
    }
  }
  // Both lists are in reading order already: merge them.
  if (katakana.length === 0) return words;
  const tokens: Token[] = [];
  let i = 0;
  let j = 0;
  while (i < katakana.length || j < words.length) {
    const k = katakana[i];
    const w = words[j];
    if (w === undefined || (k !== undefined && (k.start < w.start || (k.start === w.start && !k.gram)))) {
      tokens.push(k!);
      i++;
    } else {
      tokens.push(w);
      j++;
    }
  }
  return tokens;
}

/** Normalised terms of a text, in order: words without particles or polite endings, then bigrams of compounds. */
export function tokenize(text: string): string[] {
  return tokensOf(prepareText(text)).map((t) => t.term);
}
