// 和暦 ⇄ 西暦. Dates are ISO 'YYYY-MM-DD' strings in the Gregorian calendar, which Japan adopted on
// 明治6年1月1日 (1873-01-01); earlier dates are refused rather than converted wrongly.
export const eras = [
  { name: '明治', initial: 'M', code: 1, start: '1868-01-25', startYear: 1868 },
  { name: '大正', initial: 'T', code: 2, start: '1912-07-30', startYear: 1912 },
  { name: '昭和', initial: 'S', code: 3, start: '1926-12-25', startYear: 1926 },
  { name: '平成', initial: 'H', code: 4, start: '1989-01-08', startYear: 1989 },
  { name: '令和', initial: 'R', code: 5, start: '2019-05-01', startYear: 2019 },
] as const;

export type EraName = (typeof eras)[number]['name'];

export interface Wareki {
  era: EraName;
  eraYear: number;
  month: number;
  day: number;
  /** e.g. 令和元年5月1日 */
  text: string;
}

export class WarekiError extends Error {
  override name = 'WarekiError';
}

const gregorianStart = '1873-01-01';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Validates 'YYYY-MM-DD' as a real calendar date. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function eraText(era: EraName, eraYear: number, month: number, day: number): string {
  return `${era}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

export function toWareki(iso: string): Wareki {
  if (!isIsoDate(iso)) throw new WarekiError(`日付「${iso}」が正しくありません（例: 2019-05-01）。`);
  if (iso < gregorianStart) throw new WarekiError('明治6年（1873年）1月1日より前の日付は扱えません。');
  const era = [...eras].reverse().find((e) => e.start <= iso)!;
  const [y, month, day] = iso.split('-').map(Number) as [number, number, number];
  const eraYear = y - era.startYear + 1;
  return { era: era.name, eraYear, month, day, text: eraText(era.name, eraYear, month, day) };
}

const pattern =
  /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/;

/** '平成31年4月30日', 'H31.4.30', '令和元年5月1日' (full-width digits too) → 'YYYY-MM-DD'. */
export function fromWareki(text: string): string {
  const normalized = text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = pattern.exec(normalized);
  if (!m) throw new WarekiError(`和暦「${text}」を読み取れません（例: 令和元年5月1日、H31.4.30）。`);
  const era = eras.find((e) => e.name === m[1] || e.initial === m[1]!.toUpperCase())!;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  return fromEraParts(era.name, eraYear, Number(m[3]), Number(m[4]));
}

export function fromEraParts(eraName: EraName, eraYear: number, month: number, day: number): string {
  const index = eras.findIndex((e) => e.name === eraName);
  const era = eras[index]!;
  const label = eraText(eraName, eraYear, month, day);
  if (eraYear < 1) throw new WarekiError(`${label}は存在しません。`);
  const iso = `${pad(era.startYear + eraYear - 1, 4)}-${pad(month)}-${pad(day)}`;
  if (!isIsoDate(iso)) throw new WarekiError(`${label}は存在しない日付です。`);
  const next = eras[index + 1];
  if (iso < era.start || (next && iso >= next.start)) {
    const last = next ? toWareki(previousDay(next.start)).text : '';
    throw new WarekiError(
      `${label}は存在しません（${era.name}は${toWareki(era.start < gregorianStart ? gregorianStart : era.start).text}から${last}まで）。`,
    );
  }
  if (iso < gregorianStart) throw new WarekiError('明治6年（1873年）1月1日より前の日付は扱えません。');
  return iso;
}

function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** JPKI birth date: era code digit (1 明治 … 5 令和) + yyMMdd, e.g. '4010108' → '1989-01-08'. */
export function parseEraCode(code: string): string {
  const m = /^([1-5])(\d{2})(\d{2})(\d{2})$/.exec(code);
  if (!m) throw new WarekiError(`元号コード付きの日付「${code}」が正しくありません（7桁の数字、先頭は1〜5）。`);
  const era = eras.find((e) => e.code === Number(m[1]))!;
  return fromEraParts(era.name, Number(m[2]), Number(m[3]), Number(m[4]));
}

export function toEraCode(iso: string): string {
  const w = toWareki(iso);
  const era = eras.find((e) => e.name === w.era)!;
  return `${era.code}${pad(w.eraYear)}${pad(w.month)}${pad(w.day)}`;
}
