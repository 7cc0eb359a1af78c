// CSV export for people who open it in Excel: RFC 4180 quoting, CRLF, and either UTF-8 with a BOM (so
// Excel detects UTF-8) or Shift_JIS as Windows writes it (CP932). A character CP932 cannot hold is
// reported with its row and column, never silently turned into '?'.
import iconv from 'iconv-lite';

export type Cell = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  /** A key of the record, or a function for computed cells. */
  value: (keyof T & string) | ((record: T) => Cell);
}

export interface CsvOptions {
  /**
   * Prefix a cell Excel would run as a formula (=, +, -, @, tab, CR at its start) with an apostrophe, so
   * text a resident typed cannot become a formula on a staff member's PC (CSV injection). Plain numbers
   * such as -5 are left alone. Default true.
   */
  guardFormulas?: boolean;
}

export interface CsvRecordOptions<T> extends CsvOptions {
  columns: readonly CsvColumn<T>[];
}

const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

function formatCell(value: Cell, guard: boolean): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (guard && formulaStart.test(text) && !plainNumber.test(text)) text = `'${text}`;
  // Leading or trailing spaces are quoted too: some readers trim unquoted fields.
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows → CSV text (RFC 4180: fields with quotes, commas, CR or LF are quoted, quotes doubled; every
 * line ends CRLF). Give arrays of cells, or records with `columns` (a header row is written first).
 */
export function toCsv(rows: readonly (readonly Cell[])[], options?: CsvOptions): string;
export function toCsv<T>(records: readonly T[], options: CsvRecordOptions<T>): string;
export function toCsv<T>(
  rows: readonly (readonly Cell[])[] | readonly T[],
  options: CsvOptions & Partial<CsvRecordOptions<T>> = {},
): string {
  const guard = options.guardFormulas ?? true;
  const cells = options.columns ? recordsToCells(rows as readonly T[], options.columns) : rows;
  return (cells as readonly (readonly Cell[])[])
    .map((row) => `${row.map((value) => formatCell(value, guard)).join(',')}\r\n`)
    .join('');
}

function recordsToCells<T>(records: readonly T[], columns: readonly CsvColumn<T>[]): Cell[][] {
  const read = (record: T, column: CsvColumn<T>): Cell =>
    typeof column.value === 'function' ? column.value(record) : (record[column.value] as Cell);
  return [columns.map((c) => c.header), ...records.map((r) => columns.map((c) => read(r, c)))];
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** UTF-8 bytes preceded by the BOM (EF BB BF) Excel needs to read the file as UTF-8. */
export function encodeCsvUtf8Bom(text: string): Buffer {
  return Buffer.concat([utf8Bom, Buffer.from(text, 'utf8')]);
}

// The same characters as Unicode maps them from JIS X 0208 and as Windows maps them from CP932.
// Text typed on a Mac or pasted from the web uses the left forms, which iconv-lite's cp932 table lacks
// (it would write '?'); Windows users expect the right forms, so these are converted, not reported.
const cp932Forms: Record<string, string> = {
  '\u301c': '\uff5e', // 〜 WAVE DASH → ～ FULLWIDTH TILDE (0x8160)
  '\u2212': '\uff0d', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS (0x817C)
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO (0x8161)
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR (0x815C)
  '\u00a2': '\uffe0', // ¢ → ￠ (0x8191)
  '\u00a3': '\uffe1', // £ → ￡ (0x8192)
  '\u00ac': '\uffe2', // ¬ → ￢ (0x81CA)
};
const cp932Lookalikes = new RegExp(`[${Object.keys(cp932Forms).join('')}]`, 'g');

export interface Unencodable {
  /** 1-based CSV row, the header being row 1 (a line break inside a quoted field does not start a row). */
  row: number;
  /** 1-based CSV column (field). */
  column: number;
  /** The character as written; a base character with its variation selector counts as one (葛󠄀). */
  char: string;
  /** e.g. 'U+20BB7', or 'U+845B U+E0100' for a character with a variation selector */
  codePoint: string;
  /** What was written in its place. */
  writtenAs: string;
}

export interface ShiftJisOptions {
  /** 'report' (default) lists unencodable characters in the result; 'throw' raises UnencodableError. */
  onUnencodable?: 'report' | 'throw';
  /** Written for a character CP932 cannot hold. Default 〓 (geta mark, 0x81AC), the printer's sign for it. */
  replacement?: string;
}

export interface ShiftJisResult {
  buffer: Buffer;
  unencodable: Unencodable[];
}

export class UnencodableError extends Error {
  override name = 'UnencodableError';
  readonly unencodable: Unencodable[];
  constructor(unencodable: Unencodable[]) {
    const first = unencodable[0]!;
    super(
      `Shift_JIS（CP932）で表せない文字が${unencodable.length}個あります` +
        `（最初は${first.row}行目${first.column}列目の「${first.char}」${first.codePoint}）。UTF-8で出力してください。`,
    );
    this.unencodable = unencodable;
  }
}

/**
 * CSV text → CP932 bytes. 〜 − and the other JIS/Windows look-alikes become their CP932 forms; characters
 * CP932 lacks (𠮷, emoji, ゔ …) are written as `replacement` and listed with their CSV row and column.
 * A variation selector (IVS) is dropped from its base character when the base itself is encodable.
 */
export function encodeShiftJis(text: string, options: ShiftJisOptions = {}): ShiftJisResult {
  const replacement = options.replacement ?? '〓';
  if (!isEncodable(replacement)) throw new Error(`代替文字「${replacement}」も Shift_JIS で表せません。`);
  const mapped = text.replace(cp932Lookalikes, (c) => cp932Forms[c]!);
  // Fast path for the usual export: CP932's trail bytes are never 0x3F, so every 0x3F byte is a '?'
  // that was either written or substituted; as many as the text holds means nothing was substituted.
  const whole = iconv.encode(mapped, 'cp932');
  if (countByte(whole, 0x3f) === countChar(mapped, '?')) return { buffer: whole, unencodable: [] };

  const { output, unencodable } = replaceUnencodable(mapped, replacement);
  if (unencodable.length > 0 && options.onUnencodable === 'throw') throw new UnencodableError(unencodable);
  return { buffer: iconv.encode(output, 'cp932'), unencodable };
}

type Replaced = { output: string; unencodable: Unencodable[] };

const structural = new Set(['"', ',', '\r', '\n']);

// Walks the text as CSV (quotes toggle, commas and LF outside quotes move the column and row) so a
// report points at the cell a person will look for, not at a byte or line offset.
function replaceUnencodable(text: string, replacement: string): Replaced {
  const chars = [...text];
  const unencodable: Unencodable[] = [];
  let output = '';
  let row = 1;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) column++;
    else if (c === '\n' && !quoted) [row, column] = [row + 1, 1];
    const selector = !structural.has(c) && isVariationSelector(chars[i + 1]) ? chars[++i]! : '';
    if (isEncodable(c) && selector === '') {
      output += c;
      continue;
    }
    const writtenAs = isEncodable(c) ? c : replacement;
    unencodable.push({ row, column, char: c + selector, codePoint: codePoints(c + selector), writtenAs });
    output += writtenAs;
  }
  return { output, unencodable };
}

const encodable = new Map<string, boolean>();

function isEncodable(char: string): boolean {
  let ok = encodable.get(char);
  if (ok === undefined) {
    // iconv-lite writes '?' for anything outside its table; only '?' itself legitimately becomes 0x3F.
    const bytes = iconv.encode(char, 'cp932');
    ok = char === '?' || !bytes.includes(0x3f);
    encodable.set(char, ok);
  }
  return ok;
}

function isVariationSelector(c: string | undefined): boolean {
  const cp = c?.codePointAt(0) ?? 0;
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function codePoints(s: string): string {
  return [...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

function countByte(buffer: Buffer, byte: number): number {
  let n = 0;
  for (const b of buffer) if (b === byte) n++;
  return n;
}

function countChar(text: string, char: string): number {
  return text.split(char).length - 1;
}
