// A streaming CSV parser (RFC 4180) over decoded text, in bounded memory: text goes in a chunk at a time,
// records come out as they end. Quotes, doubled quotes, CRLF or LF (or a lone CR), and line breaks inside
// quotes are read as Excel reads them; what breaks the format is reported with the row as Excel numbers
// it (a line break inside quotes does not start a row) and the column, never thrown. A cell longer than
// the limit is not kept: it is reported and dropped while the parser reads on to its end.
//
// The parser can also write the text back out unchanged except for an apostrophe before any cell Excel
// would run as a formula (CSV injection), which is why it works on the text itself rather than re-quoting.
import type { TextMark } from './encoding.ts';

export interface CsvRecord {
  /** 1-based, as Excel numbers rows: the header is row 1. */
  row: number;
  /** The cells; empty when the record was too large to keep. */
  fields: string[];
  /** Cells in the record, kept or not. */
  fieldCount: number;
  /** Something in the record broke the format (a stray quote, a cell or row too large, too many cells). */
  broken: boolean;
  /** An empty line. */
  blank: boolean;
  /** Every cell is empty (kept or not). */
  empty: boolean;
}

export type ParseEvent =
  | { kind: 'unterminated_quote'; row: number; column: number }
  | { kind: 'stray_quote'; row: number; column: number }
  | { kind: 'cell_too_large'; row: number; column: number; quoted: boolean }
  | { kind: 'row_too_large'; row: number }
  | { kind: 'too_many_columns'; row: number }
  | { kind: 'control_char'; row: number; column: number; char: number }
  | { kind: 'formula_like'; row: number; column: number; value: string };

export interface CsvParserOptions {
  maxCellChars: number;
  maxRowChars: number;
  maxColumns: number;
  /** Return the text with an apostrophe before formula-like cells (default false: return nothing). */
  guardFormulas?: boolean;
  onRecord: (record: CsvRecord) => void;
  onEvent: (event: ParseEvent) => void;
  /** A mark from the decoder, placed at its row and (1-based) column. */
  onMark?: (mark: TextMark, row: number, column: number) => void;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const TAB = 9;

const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote inside a quoted cell: the end of the cell, or the first of a doubled quote. */
  QuotedQuote: 3,
  /** A CR that ended a record: an LF right after it belongs to it. */
  AfterCr: 4,
} as const;
type State = (typeof State)[keyof typeof State];

// Characters that stop the scan of a cell: in an unquoted cell the delimiters, quotes and control
// characters (tab excepted); in a quoted cell only quotes and control characters other than tab and line
// breaks. One table lookup per character instead of a chain of comparisons.
const stopsUnquoted = new Uint8Array(65536);
const stopsQuoted = new Uint8Array(65536);
for (let c = 0; c < 32; c++) {
  if (c !== TAB) stopsUnquoted[c] = 1;
  if (c !== TAB && c !== LF && c !== CR) stopsQuoted[c] = 1;
}
for (let c = 127; c <= 159; c++) stopsUnquoted[c] = stopsQuoted[c] = 1;
stopsUnquoted[COMMA] = stopsUnquoted[QUOTE] = stopsQuoted[QUOTE] = 1;

/** Cells Excel reads as plain numbers (or a lone sign) even though they start with + or -. */
const plainNumber = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;

export function isFormulaLike(value: string): boolean {
  const c = value.charCodeAt(0);
  if (!(c === 61 || c === 43 || c === 45 || c === 64 || c === TAB || c === CR)) return false;
  if (value.length === 1) return c !== 43 && c !== 45; // a lone + or - is text to Excel
  return !((c === 43 || c === 45) && /\d/.test(value) && plainNumber.test(value));
}

function startsFormula(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === TAB || c === CR;
}

export class CsvParser {
  private readonly o: CsvParserOptions;
  private state: State = State.FieldStart;
  private row = 1;
  private fields: string[] = [];
  private fieldCount = 0;
  private rowChars = 0;
  private broken = false;
  private rowDropped = false;
  private tooManyReported = false;
  /** Content of the current cell from earlier chunks (and before a doubled quote). */
  private partial = '';
  private quoted = false;
  private quoteRow = 1;
  private cellDropped = false;
  private checkFirst = false;
  /** The current cell starts with a formula character; decided when it ends. */
  private candidate = false;
  private candidateAt = -1;
  /** Output held back since a candidate cell started in an earlier chunk. */
  private held = '';
  private marks: TextMark[] = [];
  private markIndex = 0;
  /** Columns whose values are wanted (null: all); the others are measured, not copied out of the text. */
  private keep: Uint8Array | null = null;
  private nonEmpty = false;
  /** The output of the chunk being parsed, and where in it the text not yet copied begins. */
  private out: string[] = [];
  private outFrom = 0;
  ended = false;

  constructor(options: CsvParserOptions) {
    this.o = options;
  }

  /**
   * Keep the values of these columns only (by index; true to keep), from the next record on: the others
   * arrive as empty strings. Cutting a value out of the text is most of a parser's work, and a check that
   * does not look at a column need not pay for it.
   */
  keepColumns(keep: boolean[] | null): void {
    this.keep = keep ? Uint8Array.from(keep, (k) => (k ? 1 : 0)) : null;
  }

  /** The row being read (after `end`, one past the last). */
  get currentRow(): number {
    return this.row;
  }

  /** Parses a chunk; with `guardFormulas`, returns the chunk's text to write out (some may be held back). */
  push(text: string, marks: TextMark[] = []): string {
    this.marks = marks;
    this.markIndex = 0;
    this.out = [];
    this.outFrom = 0;
    const n = text.length;
    const start = this.scan(text);
    const state = this.state;

    // The chunk ended inside a cell: keep what is needed of it, within the limits.
    if (state === State.Unquoted || state === State.Quoted) {
      if (!this.cellDropped && start < n) this.partial += text.slice(start, n);
      if (!this.cellDropped && this.partial.length > this.o.maxCellChars) {
        this.o.onEvent({ kind: 'cell_too_large', row: this.row, column: this.fieldCount + 1, quoted: this.quoted });
        this.cellDropped = true;
        this.broken = true;
        this.partial = '';
      }
      if (!this.rowDropped && this.rowChars + this.partial.length > this.o.maxRowChars) {
        this.o.onEvent({ kind: 'row_too_large', row: this.row });
        this.rowDropped = true;
        this.broken = true;
        this.fields = [];
        this.cellDropped = true;
        this.partial = '';
      }
    }
    if (this.markIndex < this.marks.length) this.flushMarks(n);

    if (this.o.guardFormulas !== true) return '';
    const out = this.out;
    let outFrom = this.outFrom;
    if (this.candidate && this.cellDropped) {
      // Too large to be a number: guard it now rather than hold it.
      if (this.candidateAt >= 0) {
        out.push(text.slice(outFrom, this.candidateAt), "'");
        outFrom = this.candidateAt;
      } else {
        out.push(`'${this.held}`);
        this.held = '';
      }
      this.candidate = false;
    }
    if (this.candidate) {
      if (this.candidateAt >= 0) {
        out.push(text.slice(outFrom, this.candidateAt));
        this.held = text.slice(this.candidateAt);
      } else {
        this.held += text;
      }
      this.candidateAt = -1;
    } else {
      out.push(outFrom === 0 ? text : text.slice(outFrom));
    }
    this.out = [];
    return out.length === 1 ? out[0]! : out.join('');
  }

  // The parse of one chunk: a loop over its characters that keeps its position in locals. Kept apart
  // from push so that the engine optimises it as a function called once per chunk, with the feedback of
  // whole chunks. Returns where the unfinished cell at the end of the chunk starts.
  private scan(text: string): number {
    const n = text.length;
    let i = 0;
    let start = 0;
    let state: State = this.state;

    while (i < n) {
      if (state === State.Unquoted) {
        let c = 0;
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (stopsUnquoted[c] === 1) break;
        }
        if (i >= n) break;
        if (c === COMMA) {
          this.endField(text, start, i);
          state = State.FieldStart;
          i++;
        } else if (c === LF || c === CR) {
          this.endField(text, start, i);
          this.endRecord();
          state = c === CR ? State.AfterCr : State.FieldStart;
          i++;
        } else if (c === QUOTE) {
          this.o.onEvent({ kind: 'stray_quote', row: this.row, column: this.fieldCount + 1 });
          this.broken = true;
          i++;
        } else {
          this.control(c);
          i++;
        }
      } else if (state === State.Quoted) {
        if (this.checkFirst) {
          this.checkFirst = false;
          if (startsFormula(text.charCodeAt(i))) {
            this.candidate = true;
            this.candidateAt = i;
          }
        }
        let c = 0;
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (stopsQuoted[c] === 1) break;
        }
        if (i >= n) break;
        if (c === QUOTE) {
          if (start < i) this.partial += text.slice(start, i);
          start = i + 1;
          state = State.QuotedQuote;
        } else {
          this.control(c);
        }
        i++;
      } else if (state === State.FieldStart) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          state = State.Quoted;
          this.quoted = true;
          this.lastQuoted = true;
          this.quoteRow = this.row;
          this.checkFirst = true;
          start = i + 1;
          i++;
        } else if (c === COMMA) {
          this.endField(text, i, i);
          i++;
        } else if (c === LF || c === CR) {
          this.endField(text, i, i);
          this.endRecord();
          state = c === CR ? State.AfterCr : State.FieldStart;
          i++;
        } else {
          state = State.Unquoted;
          start = i;
          if (startsFormula(c)) {
            this.candidate = true;
            this.candidateAt = i;
          }
        }
      } else if (state === State.QuotedQuote) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          this.partial += '"';
          start = i + 1;
          state = State.Quoted;
          i++;
        } else if (c === COMMA) {
          this.endField(text, i, i);
          state = State.FieldStart;
          i++;
        } else if (c === LF || c === CR) {
          this.endField(text, i, i);
          this.endRecord();
          state = c === CR ? State.AfterCr : State.FieldStart;
          i++;
        } else {
          // Text after the closing quote: kept as it is, quote included, and reported.
          this.o.onEvent({ kind: 'stray_quote', row: this.row, column: this.fieldCount + 1 });
          this.broken = true;
          this.partial += '"';
          start = i;
          state = State.Unquoted;
        }
      } else {
        // AfterCr
        state = State.FieldStart;
        if (text.charCodeAt(i) === LF) i++;
      }
    }
    this.state = state;
    return start;
  }

  // Ends the current cell, its content being this.partial + text[start, end).
  private endField(text: string, start: number, end: number): void {
    const keep = this.keep;
    let value = '';
    let length: number;
    if (this.cellDropped) {
      length = 0;
    } else if (keep !== null && keep[this.fieldCount] === 0 && !this.candidate) {
      length = this.partial.length + (end - start);
    } else {
      value =
        this.partial === ''
          ? text.slice(start, end)
          : start < end
            ? this.partial + text.slice(start, end)
            : this.partial;
      length = value.length;
    }
    this.partial = '';
    if (length > 0) this.nonEmpty = true;
    if (!this.cellDropped && length > this.o.maxCellChars) {
      this.o.onEvent({ kind: 'cell_too_large', row: this.row, column: this.fieldCount + 1, quoted: this.quoted });
      this.cellDropped = true;
    }
    if (this.cellDropped) {
      value = '';
      length = 0;
      this.broken = true;
    }
    if (this.candidate) this.decideFormula(text, value);
    if (this.markIndex < this.marks.length) this.flushMarks(end);
    this.cellDropped = false;
    this.quoted = false;
    this.fieldCount++;
    this.rowChars += length;
    if (!this.rowDropped && this.rowChars > this.o.maxRowChars) {
      this.o.onEvent({ kind: 'row_too_large', row: this.row });
      this.rowDropped = true;
      this.broken = true;
      this.fields = [];
    }
    if (this.fieldCount > this.o.maxColumns) {
      if (!this.tooManyReported) this.o.onEvent({ kind: 'too_many_columns', row: this.row });
      this.tooManyReported = true;
      this.broken = true;
    } else if (!this.rowDropped) {
      this.fields.push(value);
    }
  }

  // A cell that started with a formula character has ended: report it, and guard it in the output.
  private decideFormula(text: string, value: string): void {
    const formula = this.cellDropped || isFormulaLike(value);
    if (formula && !this.cellDropped) {
      this.o.onEvent({ kind: 'formula_like', row: this.row, column: this.fieldCount + 1, value });
    }
    if (this.o.guardFormulas === true) {
      if (this.candidateAt >= 0) {
        if (formula) {
          this.out.push(text.slice(this.outFrom, this.candidateAt), "'");
          this.outFrom = this.candidateAt;
        }
      } else {
        this.out.push(formula ? `'${this.held}` : this.held);
        this.held = '';
      }
    }
    this.candidate = false;
  }

  private endRecord(): void {
    const blank = this.fieldCount === 1 && this.fields.length === 1 && this.fields[0] === '' && !this.lastQuoted;
    this.o.onRecord({
      row: this.row,
      fields: this.fields,
      fieldCount: this.fieldCount,
      broken: this.broken,
      blank,
      empty: !this.nonEmpty,
    });
    this.row++;
    this.fields = [];
    this.fieldCount = 0;
    this.rowChars = 0;
    this.broken = false;
    this.rowDropped = false;
    this.tooManyReported = false;
    this.lastQuoted = false;
    this.nonEmpty = false;
  }

  private control(c: number): void {
    this.o.onEvent({ kind: 'control_char', row: this.row, column: this.fieldCount + 1, char: c });
  }

  /** Ends the input: the last record (without a final line break) and an unterminated quote. */
  end(): string {
    if (this.ended) return '';
    this.ended = true;
    if (this.state === State.Quoted) {
      this.o.onEvent({ kind: 'unterminated_quote', row: this.quoteRow, column: this.fieldCount + 1 });
      this.broken = true;
      this.checkFirst = false;
      this.state = State.QuotedQuote; // read as if closed here, so the cell and record end below
    }
    const open = this.state === State.Unquoted || this.state === State.QuotedQuote;
    if (!open && this.fieldCount === 0) return this.flushHeld();
    // A line feed that is not in the file ends the last cell and record the way one that is would; it is
    // not written out.
    const out = this.push('\n');
    return (out.endsWith('\n') ? out.slice(0, -1) : out) + this.flushHeld();
  }

  private flushHeld(): string {
    const held = this.held;
    this.held = '';
    return held;
  }

  private lastQuoted = false;

  private flushMarks(upTo: number): void {
    const marks = this.marks;
    if (this.markIndex >= marks.length) return;
    const onMark = this.o.onMark;
    while (this.markIndex < marks.length && marks[this.markIndex]!.offset < upTo) {
      onMark?.(marks[this.markIndex]!, this.row, this.fieldCount + 1);
      this.markIndex++;
    }
  }
}
