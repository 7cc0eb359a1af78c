// How catalogue text is cut up for search, the same way for what is stored and for what people type, with
// no database extension: NFKC (ＡＥＤ = AED, ｶﾀｶﾅ = カタカナ), lower case, hiragana folded to katakana, then
// character bigrams for Japanese runs and whole words for everything else.
//
// Why fold hiragana to katakana: the same word is written both ways (ごみ / ゴミ, こども / コドモ, ひなんじょ
// typed before kanji conversion), and a catalogue's titles are not consistent about it. The cost is that a
// hiragana word and a katakana loanword with the same sounds meet, which is rare and harmless in a
// catalogue. Katakana is the target because NFKC already turns half-width katakana into it.
//
// Bigrams: a Japanese run 避難場所 is stored as 避難, 難場, 場所 and its last character 所 alone, so every
// character starts at least one token and a one-character query (所) is a prefix match ('所':*). Words
// (aed, csv, 2024, geojson) are whole tokens, matched as prefixes from the query (evacua → evacuation).

const hiragana = /[\u3041-\u3096\u309d\u309e]/g;
const toKatakana = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0x60);
// Scripts written without spaces; ー (long vowel), 々 〆 〇 belong to them although Unicode calls some Common.
const bigramChar = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005-\u3007]/u;
const wordChar = /[\p{L}\p{N}\p{M}]/u;

/** tsvector lexemes may be at most 2 KB; longer words are cut (still found by their start). */
export const maxWordLength = 100;

/** NFKC, lower case, hiragana → katakana. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(hiragana, toKatakana);
}

export interface Run {
  /** True for a run of Japanese characters (bigrams), false for a word. */
  bigram: boolean;
  chars: string[];
}

export interface Folded {
  /** The folded text with every run of spaces, punctuation and symbols (emoji too) as one space. */
  text: string;
  runs: Run[];
}

/** Folds a text and cuts it into runs: Japanese runs and words, split where the script changes. */
export function cut(text: string): Folded {
  const runs: Run[] = [];
  let out = '';
  let current: Run | undefined;
  let gap = false;
  for (const c of fold(text)) {
    const bigram = bigramChar.test(c);
    if (!bigram && !wordChar.test(c)) {
      current = undefined;
      gap = out.length > 0;
      continue;
    }
    if (gap) {
      out += ' ';
      gap = false;
    }
    out += c;
    if (current?.bigram !== bigram) {
      current = { bigram, chars: [] };
      runs.push(current);
    }
    current.chars.push(c);
  }
  return { text: out, runs };
}

const wordOf = (run: Run) => run.chars.slice(0, maxWordLength).join('');

/** The tokens stored for one run: bigrams and the last character alone, or the word. */
export function indexTokens(run: Run): string[] {
  if (!run.bigram) return [wordOf(run)];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < run.chars.length; i++) tokens.push(run.chars[i]! + run.chars[i + 1]!);
  tokens.push(run.chars.at(-1)!);
  return tokens;
}

export interface QueryToken {
  token: string;
  /** Matches every stored token that starts with it. */
  prefix: boolean;
}

/** The tokens a query run must all find: its bigrams, or the character or word as a prefix. */
export function queryTokens(run: Run): QueryToken[] {
  if (!run.bigram || run.chars.length === 1) return [{ token: wordOf(run), prefix: true }];
  const tokens: QueryToken[] = [];
  for (let i = 0; i + 1 < run.chars.length; i++)
    tokens.push({ token: run.chars[i]! + run.chars[i + 1]!, prefix: false });
  return tokens;
}

/** A lexeme quoted for tsvector or tsquery input (the quote and backslash escaped). */
export function quoteLexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
