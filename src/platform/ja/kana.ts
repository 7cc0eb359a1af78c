// Name readings (フリガナ) as full-width katakana. Small kana (ャ ュ ョ ッ ァ …) are part of a name's
// reading and are never enlarged: キャッシュ stays キャッシュ.
const halfWidth = '｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const fullWidth =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const halfToFull = new Map([...halfWidth].map((c, i) => [c, fullWidth[i]!]));

/** Half-width katakana (ｶﾞｯｺｳ) → full-width (ガッコウ), voiced marks joined; nothing else changes. */
export function halfWidthKanaToFull(text: string): string {
  let out = '';
  for (const c of text) {
    if (c === 'ﾞ' || c === 'ﾟ') {
      const mark = c === 'ﾞ' ? '\u3099' : '\u309a';
      const last = out.at(-1);
      const joined = last ? (last + mark).normalize('NFC') : '';
      // Only a precomposed result (ガ, パ, ヴ) replaces the base; otherwise keep a standalone mark.
      if (last && joined.length === 1) out = out.slice(0, -1) + joined;
      else out += c === 'ﾞ' ? '゛' : '゜';
      continue;
    }
    out += halfToFull.get(c) ?? c;
  }
  return out;
}

/** Any reading a person types (ひらがな, ｶﾀｶﾅ, spaces) → full-width katakana with one 全角 space between parts. */
export function toKatakanaReading(input: string): string {
  const katakana = halfWidthKanaToFull(input).replace(/[\u3041-\u3096]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) + 0x60),
  );
  return katakana.trim().replace(/[\s\u3000]+/g, '\u3000');
}

export type ReadingCheck = { ok: true } | { ok: false; reason: string };

const reading = /^[\u30a1-\u30f6\u30fc\u30fb]+(\u3000[\u30a1-\u30f6\u30fc\u30fb]+)?$/;

/** Full-width katakana, ー and ・, with at most one full-width space between family and given name. */
export function checkKatakanaReading(value: string): ReadingCheck {
  if (value.length === 0) return { ok: false, reason: 'フリガナを入力してください。' };
  if (reading.test(value)) return { ok: true };
  const bad = [...value].find((c) => !/[\u30a1-\u30f6\u30fc\u30fb\u3000]/.test(c));
  if (bad) return { ok: false, reason: `フリガナは全角カタカナで入力してください（「${bad}」は使えません）。` };
  return { ok: false, reason: '氏と名の間の空白は全角1文字にしてください。' };
}
