// Checks of single values, shared by the standard schemas, type inference and the GeoJSON check.
// Open data asks for half-width ASCII digits (半角) everywhere; full-width digits are reported, not fixed.

/** Japan, generously: Okinotorishima (20.4N) to Etorofu (45.6N), Yonaguni (122.9E) to Minamitorishima (154.0E). */
export const japan = { minLat: 20, maxLat: 46, minLon: 122, maxLon: 154 } as const;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const fullWidth = /[０-９．，－＋：／]/;

// The checks below run on every cell of files with millions of rows, so the common ones read characters
// rather than run a regular expression.
const isDigit = (c: number) => c >= 48 && c <= 57;

export function isInteger(value: string): boolean {
  const n = value.length;
  let i = value.charCodeAt(0) === 43 || value.charCodeAt(0) === 45 ? 1 : 0;
  if (i >= n) return false;
  for (; i < n; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/** A decimal number as open data writes it: 35.5308, -12, 0.5 (no exponent, no thousands separator). */
export function parseDecimal(value: string): number | null {
  const n = value.length;
  let i = value.charCodeAt(0) === 43 || value.charCodeAt(0) === 45 ? 1 : 0;
  const digitsFrom = i;
  while (i < n && isDigit(value.charCodeAt(i))) i++;
  if (i === digitsFrom) return null;
  if (i < n) {
    if (value.charCodeAt(i) !== 46) return null;
    const fractionFrom = ++i;
    while (i < n && isDigit(value.charCodeAt(i))) i++;
    if (i === fractionFrom || i < n) return null;
  }
  return Number(value);
}

export function isIsoDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** hh:mm, 00:00 to 24:00 (24:00 is how closing at midnight is written). */
export function isTime(value: string): boolean {
  if (value.length !== 5 || value.charCodeAt(2) !== 58) return false;
  const h1 = value.charCodeAt(0);
  const h2 = value.charCodeAt(1);
  const m1 = value.charCodeAt(3);
  const m2 = value.charCodeAt(4);
  if (!isDigit(h1) || !isDigit(h2) || !isDigit(m1) || !isDigit(m2)) return false;
  const h = (h1 - 48) * 10 + (h2 - 48);
  const min = (m1 - 48) * 10 + (m2 - 48);
  return (h < 24 && min < 60) || (h === 24 && min === 0);
}

export function hasFullWidthDigits(value: string): boolean {
  return fullWidth.test(value);
}

export function isLatitude(n: number): boolean {
  return n >= -90 && n <= 90;
}

export function isLongitude(n: number): boolean {
  return n >= -180 && n <= 180;
}

export function inJapan(lat: number, lon: number): boolean {
  return lat >= japan.minLat && lat <= japan.maxLat && lon >= japan.minLon && lon <= japan.maxLon;
}

/** A latitude value that is in Japan's longitude range: the two columns are probably swapped. */
export function looksLikeJapaneseLongitude(n: number): boolean {
  return n >= japan.minLon && n <= japan.maxLon;
}

export function looksLikeJapaneseLatitude(n: number): boolean {
  return n >= japan.minLat && n <= japan.maxLat;
}

export type LocalGovernmentCodeProblem = 'five_digits' | 'format' | 'check_digit';

/**
 * 全国地方公共団体コード: five digits and a check digit, the last digit of 11 − (d1×6 + d2×5 + d3×4 + d4×3 +
 * d5×2) mod 11 (総務省の定め). Five digits alone is how Excel leaves 011002 after dropping the leading 0.
 */
export function localGovernmentCodeProblem(value: string): LocalGovernmentCodeProblem | null {
  if (/^\d{5}$/.test(value)) return 'five_digits';
  if (!/^\d{6}$/.test(value)) return 'format';
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(value[i]) * (6 - i);
  return (11 - (sum % 11)) % 10 === Number(value[5]) ? null : 'check_digit';
}

/** The check digit a five-digit code needs (to suggest the full code in a message). */
export function withCheckDigit(fiveDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(fiveDigits[i]) * (6 - i);
  return `${fiveDigits}${(11 - (sum % 11)) % 10}`;
}

/** Japanese phone numbers as the standard writes them: 011-211-2111, 0120-123-456, or the digits alone. */
export function isPhoneNumber(value: string): boolean {
  return (
    /^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(value) ||
    /^0\d{9,10}$/.test(value) ||
    /^\+81-?\d{1,4}-\d{1,4}-\d{3,4}$/.test(value)
  );
}

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

export function isPostalCode(value: string): boolean {
  return /^\d{3}-?\d{4}$/.test(value);
}

/** 法人番号: 13 digits whose first is a check digit (9 − (Σ odd-position×1 + even-position×2) mod 9). */
export function isCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  let sum = 0;
  // Positions counted from the right of the 12 base digits: odd positions ×1, even ×2.
  for (let i = 0; i < 12; i++) sum += Number(value[12 - i]) * (i % 2 === 0 ? 1 : 2);
  return 9 - (sum % 9) === Number(value[0]);
}

/** 町字ID of the Address Base Registry: 7 digits, written 0008-001 in the standard's example. */
export function isMachiazaId(value: string): boolean {
  return /^\d{4}-?\d{3}$/.test(value);
}
