// 和暦 ⇄ 西暦. Dates are ISO 'YYYY-MM-DD' strings in the Gregorian calendar. Japan adopted it on
// 明治6年1月1日 (1873-01-01): 明治5年12月2日 was followed by 明治6年1月1日, so an earlier 和暦 date is a
// lunisolar date with no simple Gregorian equivalent. Those are refused rather than converted wrongly.
import { normalizeDigitsAndAscii } from './normalize.ts';

// `start` is the first day of each era; 明治's is its (retroactive) 1月1日 in Gregorian terms, before the
// Gregorian calendar itself, which is why `gregorianStart` is checked separately.
export const eras = [
  { name: '明治', initial: 'M', code: 1, start: '1868-01-25' },
  { name: '大正', initial: 'T', code: 2, start: '1912-07-30' },
  { name: '昭和', initial: 'S', code: 3, start: '1926-12-25' },
  { name: '平成', initial: 'H', code: 4, start: '1989-01-08' },
  { name: '令和', initial: 'R', code: 5, start: '2019-05-01' },
] as const;

type Era = (typeof eras)[number];
export type EraName = Era['name'];
export type EraInitial = Era['initial'];

export interface Wareki {
  era: EraName;
  /** 1 for 元年 */
  eraYear: number;
  month: number;
  day: number;
  /** e.g. 令和元年5月1日 */
  text: string;
}

/** A 和暦 date given as parts; `era` may be the name or its initial (M T S H R). */
export interface WarekiParts {
  era: EraName | EraInitial;
  eraYear: number | '元';
  month: number;
  day: number;
}

export class WarekiError extends Error {
  override name = 'WarekiError';
}

const gregorianStart = '1873-01-01';
const tooEarly = '明治6年（1873年）1月1日より前の日付は扱えません（この日から太陽暦です）。';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** True when `value` is 'YYYY-MM-DD' and that day exists (no 2月30日). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function formatWareki(era: EraName, eraYear: number, month: number, day: number): string {
  return `${era}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

// A Date is an instant; the 和暦 date people mean is the calendar day in Japan, whatever the server's zone.
const japanDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function toIso(date: string | Date): string {
  if (typeof date === 'string') return date;
  if (Number.isNaN(date.getTime())) throw new WarekiError('日付が正しくありません。');
  return japanDay.format(date);
}

/** 西暦 → 和暦: '2019-05-01' → 令和元年5月1日. A Date is read as the day it is in Japan (JST). */
export function toWareki(date: string | Date): Wareki {
  const iso = toIso(date);
  if (!isIsoDate(iso)) throw new WarekiError(`日付「${iso}」が正しくありません（例: 2019-05-01）。`);
  if (iso < gregorianStart) throw new WarekiError(tooEarly);
  const era = eras.findLast((e) => e.start <= iso)!;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const eraYear = year - Number(era.start.slice(0, 4)) + 1;
  return { era: era.name, eraYear, month, day, text: formatWareki(era.name, eraYear, month, day) };
}

const warekiPattern =
  /^(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d{1,3})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/i;

function parseWarekiText(text: string): WarekiParts {
  // Full-width digits and letters (令和１年, Ｈ３１．４．３０) are how people type on a Japanese IME.
  const m = warekiPattern.exec(normalizeDigitsAndAscii(text).trim());
  if (!m) throw new WarekiError(`和暦「${text}」を読み取れません（例: 令和元年5月1日、H31.4.30）。`);
  const era = m[1]!.length === 1 ? (m[1]!.toUpperCase() as EraInitial) : (m[1] as EraName);
  return { era, eraYear: m[2] === '元' ? '元' : Number(m[2]), month: Number(m[3]), day: Number(m[4]) };
}

/**
 * 和暦 → 西暦 'YYYY-MM-DD'. Accepts '平成31年4月30日', '令和元年5月1日', 'H31.4.30', 'R1/5/1' or parts.
 * Throws WarekiError for dates outside their era (昭和65年, 平成31年5月1日) or that do not exist (2月30日).
 */
export function fromWareki(input: string | WarekiParts): string {
  const parts = typeof input === 'string' ? parseWarekiText(input) : input;
  const era = eras.find((e) => e.name === parts.era || e.initial === parts.era);
  if (!era) throw new WarekiError(`元号「${parts.era}」は扱えません（明治・大正・昭和・平成・令和）。`);
  const eraYear = parts.eraYear === '元' ? 1 : parts.eraYear;
  return checkedIso(era, eraYear, parts.month, parts.day);
}

function checkedIso(era: Era, eraYear: number, month: number, day: number): string {
  const label = formatWareki(era.name, eraYear, month, day);
  if (![eraYear, month, day].every(Number.isInteger) || eraYear < 1) {
    throw new WarekiError(`${label}は存在しない日付です。`);
  }
  const iso = `${pad(Number(era.start.slice(0, 4)) + eraYear - 1, 4)}-${pad(month)}-${pad(day)}`;
  if (!isIsoDate(iso)) throw new WarekiError(`${label}は存在しない日付です。`);
  if (iso < gregorianStart) throw new WarekiError(tooEarly);
  const next = eras[eras.indexOf(era) + 1];
  if (iso < era.start || (next && iso >= next.start)) {
    throw new WarekiError(`${label}は存在しません（${eraRange(era, next)}）。`);
  }
  return iso;
}

function eraRange(era: Era, next: Era | undefined): string {
  const first = toWareki(era.start < gregorianStart ? gregorianStart : era.start).text;
  return next ? `${era.name}は${first}から${toWareki(dayBefore(next.start)).text}まで` : `${era.name}は${first}から`;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** JPKI (マイナンバーカード) birth date: era digit 1 明治 … 5 令和 + yyMMdd. '4010108' → '1989-01-08'. */
export function parseEraCode(code: string): string {
  const m = /^([1-5])(\d{2})(\d{2})(\d{2})$/.exec(code);
  if (!m) throw new WarekiError(`元号コード付きの日付「${code}」が正しくありません（7桁の数字、先頭は1〜5）。`);
  const era = eras.find((e) => e.code === Number(m[1]))!;
  return checkedIso(era, Number(m[2]), Number(m[3]), Number(m[4]));
}

/** Inverse of parseEraCode: '1989-01-08' → '4010108'. */
export function toEraCode(date: string | Date): string {
  const w = toWareki(date);
  const era = eras.find((e) => e.name === w.era)!;
  return `${era.code}${pad(w.eraYear)}${pad(w.month)}${pad(w.day)}`;
}
