// CSV export for people who open it in Excel: RFC 4180 quoting, CRLF, and either UTF-8 with a BOM or
// Shift_JIS (CP932). A character CP932 cannot hold is reported, never silently turned into '?'.
import iconv from 'iconv-lite';

export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Prefix cells that Excel would run as a formula (=, +, -, @ …) with an apostrophe. Default true. */
  guardFormulas?: boolean;
}

const formula = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

function cell(value: Cell, guard: boolean): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (guard && formula.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][], options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  return rows.map((row) => `${row.map((v) => cell(v, guard)).join(',')}\r\n`).join('');
}

const bom = Buffer.from([0xef, 0xbb, 0xbf]);

export function encodeUtf8WithBom(text: string): Buffer {
  return Buffer.concat([bom, Buffer.from(text, 'utf8')]);
}

// Characters that look the same on screen but map differently in JIS and Windows (CP932); Windows users
// expect the CP932 form, so these are converted rather than reported.
const cp932Equivalents: Record<string, string> = {
  '\u301c': '\uff5e', // 〜 WAVE DASH → ～
  '\u2212': '\uff0d', // − MINUS SIGN → －
  '\u2016': '\u2225', // ‖ → ∥
  '\u2014': '\u2015', // — EM DASH → ―
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00a3': '\uffe1', // £ → ￡
  '\u00ac': '\uffe2', // ¬ → ￢
};

export interface Unencodable {
  /** 1-based line of the text (for CSV: the row, counting the header). */
  line: number;
  /** 1-based position in that line, in characters. */
  column: number;
  char: string;
  codePoint: string;
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
      `Shift_JIS (CP932) で表せない文字が ${unencodable.length} 個あります（最初は ${first.line} 行 ${first.column} 文字目の「${first.char}」${first.codePoint}）。UTF-8 で出力してください。`,
    );
    this.unencodable = unencodable;
  }
}

const encodable = new Map<string, boolean>();
function canEncode(char: string): boolean {
  let ok = encodable.get(char);
  if (ok === undefined) {
    const bytes = iconv.encode(char, 'cp932');
    ok = char === '?' || !(bytes.length === 1 && bytes[0] === 0x3f);
    encodable.set(char, ok);
  }
  return ok;
}

/**
 * Text → CP932 bytes. Characters it cannot hold (𠮷, emoji, …) are listed with their position and written
 * as `replacement` (default 〓, the geta mark used for exactly this in Japanese print), or make it throw.
 */
export function encodeShiftJis(
  text: string,
  options: { onUnencodable?: 'report' | 'throw'; replacement?: string } = {},
): ShiftJisResult {
  const replacement = options.replacement ?? '〓';
  const unencodable: Unencodable[] = [];
  let out = '';
  let line = 1;
  let column = 0;
  for (const original of text) {
    if (original === '\n') {
      line++;
      column = 0;
      out += original;
      continue;
    }
    column++;
    const char = cp932Equivalents[original] ?? original;
    if (canEncode(char)) {
      out += char;
    } else {
      unencodable.push({
        line,
        column,
        char: original,
        codePoint: `U+${original.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      });
      out += replacement;
    }
  }
  if (unencodable.length > 0 && options.onUnencodable === 'throw') throw new UnencodableError(unencodable);
  return { buffer: iconv.encode(out, 'cp932'), unencodable };
}
