// 個人番号 (My Number): 12 digits, the last a check digit (行政手続における特定の個人を識別するための番号の
// 利用等に関する法律施行令 第8条 / 総務省令). Only synthetic numbers exist in this project.

/** Check digit for the first 11 digits: 11 − (Σ Pn×Qn mod 11), or 0 when the remainder is 0 or 1. */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('first11 must be 11 digits');
  // Pn: the n-th digit counted from the right of the 11; Qn = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11.
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Digits only, as typed in any width, with or without spaces and hyphens ('1234 5678 9018'). */
export function normaliseMyNumber(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '');
}

export function isValidMyNumber(value: string): boolean {
  const digits = normaliseMyNumber(value);
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/** Shows only the last four digits, as counters print it: '**** **** 9018'. */
export function maskMyNumber(value: string): string {
  const digits = normaliseMyNumber(value).replace(/\D/g, '');
  return `**** **** ${digits.slice(-4)}`;
}
