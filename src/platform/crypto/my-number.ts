// 個人番号 (My Number): 12 digits, the last a check digit (行政手続における特定の個人を識別するための番号の
// 利用等に関する法律施行令 第8条). Only synthetic numbers exist in this project.

export function myNumberCheckDigit(first11: string): number {
  // P_n: the n-th digit counted from the right of the 11 digits; Q_n = n + 1 for n ≤ 6, n − 5 for n ≥ 7.
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isValidMyNumber(value: string): boolean {
  const digits = value.normalize('NFKC').replace(/[\s-]/g, '');
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/** Shows only the last four digits, as counters print it. */
export function maskMyNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `**** **** ${digits.slice(-4)}`;
}
