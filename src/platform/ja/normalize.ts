// NFKC is applied only where it is safe: full-width ASCII (digits, letters, symbols) and half-width
// katakana. Names and addresses are never NFKC-normalised as a whole: it would turn ㈱ into (株), ① into 1,
// ㍻ into 平成, and compatibility ideographs such as 﨑 or 神 (U+FA19) into other code points than the
// register holds. 髙 and 﨑 are different characters from 高 and 崎 to the person who bears the name.
import { halfWidthKanaToFull } from './kana.ts';

/** Ｆｕｌｌ-width ASCII (U+FF01–U+FF5E) → ASCII, half-width katakana → full-width; nothing else. */
export function normalizeDigitsAndAscii(text: string): string {
  const ascii = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return halfWidthKanaToFull(ascii);
}

export class NormalizeError extends Error {
  override name = 'NormalizeError';
}

// Hyphen look-alikes people type between digits: - ‐ ‑ ‒ – — ― − ー (IME long vowel) ｰ －
const dashes = /[-\u2010-\u2015\u2212\u30fc\uff70\uff0d]/g;

/** '〒２１０－０００１', '210-0001', '2100001' → '2100001'. */
export function normalizePostalCode(input: string): string {
  const compact = normalizeDigitsAndAscii(input)
    .replace(/^\s*〒/, '')
    .replace(dashes, '')
    .replace(/\s/g, '');
  if (!/^\d{7}$/.test(compact)) {
    throw new NormalizeError(`郵便番号「${input}」は7桁の数字で入力してください（例: 210-0001）。`);
  }
  return compact;
}

/**
 * A phone number in ASCII, keeping the grouping as written: hyphens, spaces and brackets all become
 * single hyphens ('０４４（２００）２１１１' → '044-200-2111'). Domestic numbers have 10 or 11 digits and
 * start with 0; international ones start with + and have at most 15 digits (E.164).
 */
export function normalizePhone(input: string): string {
  const grouped = normalizeDigitsAndAscii(input)
    .replace(dashes, '-')
    .replace(/[\s()]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const digits = grouped.replace(/\D/g, '');
  const domestic = /^0[\d-]+$/.test(grouped) && digits.length >= 10 && digits.length <= 11;
  const international = /^\+[1-9][\d-]+$/.test(grouped) && digits.length >= 8 && digits.length <= 15;
  if (!domestic && !international) {
    throw new NormalizeError(`電話番号「${input}」が正しくありません（例: 044-200-2111）。`);
  }
  return grouped;
}
