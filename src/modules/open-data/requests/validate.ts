// Checks of what residents and staff send in, each with a Japanese message tied to its field. Text is
// refused (not silently changed) when it holds control characters or broken Unicode.
import { createHash, createHmac } from 'node:crypto';
import { cleanText } from '../../../platform/forms/index.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';

export { failValidation as fail } from '../../../platform/http/errors.ts';

/** Trimmed text with line breaks normalised to \n; problems go to `errors`. */
export function parseText(
  value: unknown,
  errors: FieldError[],
  field: string,
  label: string,
  options: { required?: boolean; max: number; oneLine?: boolean; requiredMessage?: string },
): string {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    errors.push({ field, message: `${label}は文字で入力してください。` });
    return '';
  }
  const text = (value ?? '').replace(/\r\n?/g, '\n').trim();
  if (cleanText(text) !== text) {
    errors.push({ field, message: `${label}に使えない文字（制御文字など）が含まれています。文字を確かめてください。` });
  } else if (options.required && text === '') {
    errors.push({ field, message: options.requiredMessage ?? `${label}を入力してください。` });
  } else if (text.length > options.max) {
    errors.push({
      field,
      message: `${label}は${options.max.toLocaleString('ja-JP')}文字以内で入力してください（いま${text.length.toLocaleString('ja-JP')}文字）。`,
    });
  } else if (options.oneLine && text.includes('\n')) {
    errors.push({ field, message: `${label}は1行で入力してください。` });
  }
  return text;
}

/** An optional e-mail address; full-width ＠ and ． typed with a Japanese IME are accepted. */
export function parseEmail(value: unknown, errors: FieldError[], field: string, label: string): string | null {
  const text = parseText(value, errors, field, label, { max: 254, oneLine: true });
  if (text === '' || errors.some((e) => e.field === field)) return null;
  const email = text.normalize('NFKC').toLowerCase();
  if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) {
    errors.push({ field, message: `${label}の形式が正しくありません（例: taro@example.jp）。` });
    return null;
  }
  return email;
}

/** An Idempotency-Key from the API or the form token's random id. */
export function parseIdempotencyKey(value: string | undefined): string | null {
  const key = value?.trim() || null;
  if (key !== null && !/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key は8〜200文字の英数字・記号にしてください。');
  }
  return key;
}

/** What makes two requests "the same": title and description after NFKC, with all white space removed. */
export function contentHash(title: string, description: string): Buffer {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return createHash('sha256')
    .update(`${norm(title)}\n${norm(description)}`)
    .digest();
}

/** A sender's address as a keyed hash: repeats are recognised, the address is not kept. */
export function senderHash(key: Buffer, tenantId: string, sender: string): Buffer {
  return createHmac('sha256', key).update(`${tenantId}:${sender}`).digest();
}
