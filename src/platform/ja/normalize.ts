// NFKC is applied only where it is safe: full-width digits, ASCII letters and symbols, and half-width
// katakana. Names and addresses are never NFKC-normalised as a whole: it would turn ㈱ into (株), ① into 1,
// ㍻ into 平成 and compatibility ideographs such as 神 (U+FA19) into a different code point than the register holds.
import { halfWidthKanaToFull } from './kana.ts';

/** Ｆｕｌｌ-width ASCII (U+FF01–U+FF5E) → ASCII, half-width katakana → full-width; nothing else. */
export function normalizeDigitsAndAscii(text: string): string {
  return halfWidthKanaToFull(text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export class NormalizeError extends Error {
  override name = 'NormalizeError';
}

// Hyphen look-alikes people type in numbers: - ‐ ‑ ‒ – — ― − ー ｰ －
const dashes = /[-\u2010-\u2015\u2212\u30fc\uff70\uff0d]/g;

/** '〒２１０－０００１', '210-0001', '2100001' → '2100001'. */
export function normalizePostalCode(input: string): string {
  const compact = normalizeDigitsAndAscii(input).replace(/^〒/, '').replace(dashes, '').replace(/\s/g, '');
  if (!/^\d{7}$/.test(compact))
    throw new NormalizeError(`郵便番号「${input}」は7桁の数字で入力してください（例: 210-0001）。`);
  return compact;
}

/** Phone numbers keep their hyphens (as written) but in ASCII: '０４４－２００－２１１１' → '044-200-2111'. */
export function normalizePhone(input: string): string {
  const ascii = normalizeDigitsAndAscii(input)
    .trim()
    .replace(dashes, '-')
    .replace(/[()\s]/g, (c) => (c === ' ' ? '' : '-'));
  const digits = ascii.replace(/^\+/, '').replace(/-/g, '');
  if (!/^\+?[\d-]+$/.test(ascii) || digits.length < 10 || digits.length > 12) {
    throw new NormalizeError(`電話番号「${input}」が正しくありません（例: 044-200-2111）。`);
  }
  return ascii.replace(/-+/g, '-').replace(/^-|-$/g, '');
}
