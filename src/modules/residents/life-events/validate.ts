// Checks of what staff type into the life-event forms, each with a Japanese message tied to its field. Names
// are synthetic but kept as typed (never NFKC-normalised: 髙 is not 高); readings become full-width katakana.
import { cleanText, parseDateField } from '../../../platform/forms/index.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { isKatakanaReading, toKatakanaReading } from '../../../platform/ja/kana.ts';

export { failValidation as fail } from '../../../platform/http/errors.ts';

/** The day `years` before `day` (29 February becomes 28 February). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 2026-12-03 → 2026年12月3日, as the pages and messages write a day. */
export function japaneseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A form's idempotency key: the random token the page put in the form. */
export function parseKey(value: string | undefined): string {
  const key = (value ?? '').trim();
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(key)) {
    throw new AppError(
      'bad_request',
      '送信された届出の受付キーが正しくありません。画面を開き直してから、もう一度登録してください。',
    );
  }
  return key;
}

/** A register id (世帯番号, 住民番号): digits only, or undefined. */
export function parseId(value: string | undefined): string | undefined {
  const id = (value ?? '').normalize('NFKC').trim();
  return /^\d{1,18}$/.test(id) && BigInt(id) > 0n ? String(BigInt(id)) : undefined;
}

/** A date in any form staff type (2026-12-03, 2026/12/3, 令和8年12月3日), not after today in Japan. */
export function parseDay(
  value: string | undefined,
  errors: FieldError[],
  field: string,
  label: string,
  today: string,
): string {
  const day = parseDateField(value, errors, field, label);
  if (day !== '' && day > today) {
    errors.push({
      field,
      message: `${label}（${japaneseDate(day)}）が未来の日付です。今日（${japaneseDate(today)}）までの日付を入力してください。`,
    });
    return '';
  }
  return day;
}

/** A date that may be in the future (出産予定日); problems go to `errors`. */
export function parseAnyDay(value: string | undefined, errors: FieldError[], field: string, label: string): string {
  return parseDateField(value, errors, field, label, '2027-06-15 または 令和9年6月15日');
}

const nameLimit = 30;

/** A family or given name as typed: required, no control characters, at most 30 characters. */
export function parseName(value: string | undefined, errors: FieldError[], field: string, label: string): string {
  const text = (value ?? '').normalize('NFC').trim();
  if (text === '') errors.push({ field, message: `${label}を入力してください。` });
  else if (cleanText(text) !== text || /\s/.test(text)) {
    errors.push({ field, message: `${label}に使えない文字（空白や制御文字）が含まれています。` });
  } else if ([...text].length > nameLimit) {
    errors.push({ field, message: `${label}は${nameLimit}文字以内で入力してください。` });
  }
  return text;
}

/** A reading (フリガナ) of one part of a name: hiragana and half-width kana become full-width katakana. */
export function parseKana(value: string | undefined, errors: FieldError[], field: string, label: string): string {
  const text = toKatakanaReading(value ?? '');
  if (text === '') {
    errors.push({ field, message: `${label}を入力してください。` });
    return '';
  }
  if (text.includes('\u3000')) {
    errors.push({ field, message: `${label}には空白を入れずに入力してください（氏と名は別の欄です）。` });
    return text;
  }
  const check = isKatakanaReading(text);
  if (!check.ok) errors.push({ field, message: `${label}: ${check.reason}` });
  else if ([...text].length > nameLimit) {
    errors.push({ field, message: `${label}は${nameLimit}文字以内で入力してください。` });
  }
  return text;
}

/** 住民基本台帳の性別コード: 1 男, 2 女. */
export function parseSex(value: string | undefined, errors: FieldError[], field: string): '1' | '2' | '' {
  if (value === '1' || value === '2') return value;
  errors.push({ field, message: '性別を選んでください。' });
  return '';
}

/** ISO 3166-1 alpha-2, upper case; Japanese nationals 'JP' (the default when left empty). */
export function parseNationality(value: string | undefined, errors: FieldError[], field: string): string {
  const code = (value ?? '').normalize('NFKC').trim().toUpperCase() || 'JP';
  if (!/^[A-Z]{2}$/.test(code)) {
    errors.push({ field, message: '国籍は2文字の国コードで入力してください（例: JP 日本、VN ベトナム）。' });
  }
  return code;
}
