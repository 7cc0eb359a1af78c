// Name readings (フリガナ) as full-width katakana. Small kana (ャ ュ ョ ッ ァ …) are part of a name's
// reading and are never enlarged: キャッシュ stays キャッシュ (the register's reading is what was written).
const halfWidth = '｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const fullWidth =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const halfToFull = new Map([...halfWidth].map((c, i) => [c, fullWidth[i]!]));
const voicedMarks: Record<string, { combining: string; spacing: string }> = {
  ﾞ: { combining: '\u3099', spacing: '゛' },
  ﾟ: { combining: '\u309a', spacing: '゜' },
};

/** Half-width katakana (ｶﾞｯｺｳ) → full-width (ガッコウ), voiced marks joined; nothing else changes. */
export function halfWidthKanaToFull(text: string): string {
  let out = '';
  for (const c of text) {
    const mark = voicedMarks[c];
    if (!mark) {
      out += halfToFull.get(c) ?? c;
      continue;
    }
    // NFC of base + combining mark gives ガ, パ, ヴ where such a letter exists; otherwise keep ゛ apart.
    const joined = (out.slice(-1) + mark.combining).normalize('NFC');
    out = out !== '' && joined.length === 1 ? out.slice(0, -1) + joined : out + mark.spacing;
  }
  return out;
}

// ぁ–ゖ and the iteration marks ゝゞ sit exactly 0x60 below their katakana.
const hiragana = /[\u3041-\u3096\u309d\u309e]/g;

/**
 * A reading as typed (ひらがな, ｶﾀｶﾅ, extra spaces) → full-width katakana, with runs of ASCII or
 * full-width spaces made one full-width space (U+3000) between family and given name.
 */
export function toKatakanaReading(input: string): string {
  const full = halfWidthKanaToFull(input);
  const katakana = full.replace(hiragana, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  return katakana.trim().replace(/\s+/g, '\u3000');
}

export type ReadingCheck = { ok: true } | { ok: false; reason: string };

// ァ–ヶ covers every katakana letter including ヴ and the small ones (ァィゥェォッャュョヮヵヶ), plus ー and
// the middle dot ・ that separates the parts of foreign names (ド・ゴール).
const part = '[\\u30a1-\\u30f6\\u30fb\\u30fc]+';
const reading = new RegExp(`^${part}(\\u3000${part})?$`);
const allowedChar = /[\u30a1-\u30f6\u30fb\u30fc\u3000]/;

/**
 * Is `value` a フリガナ as the register keeps it: full-width katakana (small kana and ヴ included), ー and ・,
 * with at most one full-width space between family and given name? If not, says why, in Japanese.
 */
export function isKatakanaReading(value: string): ReadingCheck {
  if (value.trim() === '') return { ok: false, reason: 'フリガナを入力してください。' };
  if (reading.test(value)) return { ok: true };
  const bad = [...value].find((c) => !allowedChar.test(c));
  if (bad === undefined) return { ok: false, reason: '氏と名の間は全角スペース1つで区切ってください。' };
  return { ok: false, reason: badCharReason(bad) };
}

function badCharReason(c: string): string {
  if (/\s/.test(c)) return '氏と名の間は全角スペース1つで区切ってください（半角スペースは使えません）。';
  if (/[\u3041-\u309f]/.test(c)) return `ひらがな「${c}」が含まれています。全角カタカナで入力してください。`;
  if (/[\uff61-\uff9f]/.test(c)) return `半角カタカナ「${c}」が含まれています。全角カタカナで入力してください。`;
  return `「${c}」はフリガナに使えません。全角カタカナで入力してください。`;
}
