// Reads an uploaded CSV once, as a stream, in bounded memory, and at the same time: finds its encoding,
// writes it out as UTF-8 with a BOM (so Excel opens it correctly) with formula-like cells made harmless,
// hands the rows over in batches for the datastore, infers or checks the column types against a standard
// dataset, and reports every problem by row and column. Nothing is thrown for a bad file: a file that
// cannot be read at all gives a report with ok=false.
import { Readable } from 'node:stream';
import { CsvParser, type CsvRecord, type ParseEvent } from './csv-stream.ts';
import { CsvDecoder, type DecodedChunk, type DecoderStop, type TextMark } from './encoding.ts';
import { coordinateRole, TypeInference } from './infer.ts';
import { fatalReasons, messages, valueMessage } from './messages.ts';
import { type IngestReport, IssueCollector, type Limits, limitsWith, summarise } from './report.ts';
import {
  checkValue,
  getStandardSchema,
  matchColumn,
  reportedType,
  type SchemaColumn,
  type StandardSchema,
} from './schemas.ts';
import { inJapan, isLatitude, isLongitude, parseDecimal } from './values.ts';

export interface IngestCsvOptions {
  /** A standard dataset id (schemas.ts) to check the columns and values against. */
  standard?: string | null;
  /**
   * Receives the file as UTF-8 with a BOM, the same text except an apostrophe before formula-like cells.
   * Backpressure is honoured; the sink is not ended (the caller owns it).
   */
  sink?: NodeJS.WritableStream;
  /**
   * Receives the rows that are sound in form (whatever their values), keyed by heading, in batches of
   * consecutive rows: rows[i] is row firstRowNo + i as Excel numbers it. Awaited before reading on; an
   * error it throws is passed on to the caller.
   */
  onRows?: (rows: Record<string, string>[], firstRowNo: number) => Promise<void>;
  limits?: Partial<Limits>;
  /** Rows per onRows call (default 1,000). */
  batchSize?: number;
}

/**
 * Bytes are decoded and parsed in pieces of at most this size, whatever size the source's chunks are:
 * small enough that each piece's text and cells die young (peak memory measured lowest and time best
 * at 256 KiB among 64 KiB, 256 KiB and 1 MiB), large enough to keep the per-piece overhead small.
 */
const pieceBytes = 256 * 1024;
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

class OnRowsError extends Error {
  readonly original: unknown;
  constructor(original: unknown) {
    super('onRows failed');
    this.original = original;
  }
}

export async function ingestCsv(
  source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
  options: IngestCsvOptions = {},
): Promise<IngestReport> {
  const limits = limitsWith(options.limits);
  const issues = new IssueCollector(limits.maxIssues);
  const schema = options.standard ? getStandardSchema(options.standard) : null;
  const decoder = new CsvDecoder();
  const checker = new CsvChecker({
    schema,
    issues,
    limits,
    decoder,
    wantRows: options.onRows !== undefined,
    batchSize: Math.max(1, options.batchSize ?? 1000),
    keepColumns: (keep) => parser.keepColumns(keep),
  });
  const parser = new CsvParser({
    maxCellChars: limits.maxCellChars,
    maxRowChars: limits.maxRowChars,
    maxColumns: limits.maxColumns,
    guardFormulas: options.sink !== undefined,
    onRecord: (record) => checker.record(record),
    onEvent: (event) => checker.event(event),
    onMark: (mark, row, column) => checker.mark(mark, row, column),
  });
  const sink = options.sink ? new SinkWriter(options.sink) : null;
  let fatal: { code: string; message: string } | null = null;

  const feed = async (decoded: DecodedChunk) => {
    const out = parser.push(decoded.text, decoded.marks);
    if (sink && out) await sink.write(out);
    await deliver();
  };
  const deliver = async () => {
    for (const batch of checker.takeBatches()) {
      try {
        await options.onRows!(batch.rows, batch.first);
      } catch (error) {
        throw new OnRowsError(error);
      }
    }
  };
  const stopped = async (stop: DecoderStop) => {
    if (stop.code === 'encoding_changed') {
      await feed({ text: stop.text, marks: stop.marks });
      const names = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', shift_jis: 'Shift_JIS' };
      return {
        code: stop.code,
        message: messages.encodingChanged(parser.currentRow, names[stop.from], names[stop.to]),
      };
    }
    if (stop.code === 'utf16') return { code: stop.code, message: messages.utf16() };
    if (stop.code === 'not_csv') return { code: stop.code, message: messages.notCsv(stop.detail) };
    return { code: stop.code, message: messages.binaryFile() };
  };

  const iterator = chunksOf(source);
  try {
    reading: while (true) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await iterator.next();
      } catch {
        fatal ??= { code: 'read_failed', message: messages.readFailed() };
        break;
      }
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
      if (fatal) {
        // Read on without looking, so the sender's stream ends normally; but not without end.
        if (decoder.bytes > limits.maxBytes) break;
        decoder.bytes += chunk.length;
        continue;
      }
      for (let offset = 0; offset < chunk.length; offset += pieceBytes) {
        const piece = chunk.subarray(offset, offset + pieceBytes);
        if (decoder.bytes + piece.length > limits.maxBytes) {
          fatal = { code: 'file_too_large', message: messages.fileTooLarge(limits.maxBytes) };
          decoder.bytes += chunk.length - offset;
          continue reading;
        }
        const decoded = decoder.write(piece);
        if ('code' in decoded) {
          decoder.bytes += chunk.length - offset - piece.length;
          fatal = await stopped(decoded);
          continue reading;
        }
        if (sink && !sink.started && decoded.text) await sink.start();
        await feed(decoded);
        if (checker.fatal) {
          fatal = checker.fatal;
          continue reading;
        }
      }
    }
    if (!fatal) {
      const last = decoder.end();
      if ('code' in last) fatal = await stopped(last);
      else {
        if (sink && !sink.started && last.text) await sink.start();
        await feed(last);
        const tail = parser.end();
        if (sink && tail) await sink.write(tail);
        checker.finish();
        await deliver();
        fatal = checker.fatal;
      }
    }
    if (sink?.failed) fatal ??= { code: 'write_failed', message: messages.writeFailed() };
  } catch (error) {
    if (error instanceof OnRowsError) throw error.original;
    if (error instanceof SinkError) fatal ??= { code: 'write_failed', message: messages.writeFailed() };
    else fatal ??= { code: 'read_failed', message: messages.readFailed() };
  } finally {
    sink?.release();
    if (fatal) await iterator.return?.();
  }

  // Nothing at all, or nothing but a BOM: not even a header.
  if (!fatal && !checker.hasHeader) fatal = { code: 'empty_file', message: messages.emptyFile() };
  if (fatal) issues.error(fatal.code, null, null, fatal.message);
  const columns = checker.columns();
  const [latColumn, lonColumn] = checker.coordinates();
  const list = issues.list();
  return {
    ok: issues.errorCount === 0,
    encoding: decoder.reported,
    bytes: decoder.bytes,
    rows: checker.rows,
    columns,
    latColumn,
    lonColumn,
    standard: schema?.id ?? null,
    issues: list,
    issueCounts: { ...issues.counts },
    truncated: issues.total > list.length,
    summary: summarise({
      kind: 'CSV',
      encoding: decoder.reported,
      rows: checker.rows,
      columns: columns.length,
      errors: issues.errorCount,
      warnings: issues.warningCount,
      fatal: fatal ? (fatalReasons[fatal.code] ?? fatal.message) : null,
    }),
  };
}

function chunksOf(source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream): AsyncIterator<Uint8Array | string> {
  const iterable =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<Uint8Array | string>)
      : new Readable().wrap(source as NodeJS.ReadableStream);
  return iterable[Symbol.asyncIterator]();
}

class SinkError extends Error {}

/** Writes UTF-8 to the sink, waiting when it asks to, and notes (rather than crashes on) its errors. */
class SinkWriter {
  private readonly sink: NodeJS.WritableStream;
  started = false;
  failed = false;
  private readonly onError = () => {
    this.failed = true;
  };

  constructor(sink: NodeJS.WritableStream) {
    this.sink = sink;
    sink.on('error', this.onError);
  }

  start(): Promise<void> {
    this.started = true;
    return this.put(utf8Bom);
  }

  write(text: string): Promise<void> {
    if (!this.started) this.started = true;
    // Written into a buffer of the largest size the text can need: faster than Buffer.from, which
    // measures the text first.
    const buffer = Buffer.allocUnsafe(text.length * 3);
    return this.put(buffer.subarray(0, buffer.write(text, 0, 'utf8')));
  }

  private async put(bytes: Buffer): Promise<void> {
    if (this.failed) throw new SinkError('sink failed');
    let ok: boolean;
    try {
      ok = this.sink.write(bytes);
    } catch {
      this.failed = true;
      throw new SinkError('sink failed');
    }
    if (ok) return;
    // Wait for 'drain'; 'close' or 'error' first means the sink will take no more.
    const sink = this.sink;
    const drained = await new Promise<boolean>((resolve) => {
      const done = (result: boolean) => () => {
        sink.removeListener('drain', onDrain);
        sink.removeListener('close', onClose);
        sink.removeListener('error', onClose);
        resolve(result);
      };
      const onDrain = done(true);
      const onClose = done(false);
      sink.once('drain', onDrain);
      sink.once('close', onClose);
      sink.once('error', onClose);
    });
    if (!drained) {
      this.failed = true;
      throw new SinkError('sink failed');
    }
  }

  release(): void {
    this.sink.removeListener('error', this.onError);
  }
}

interface ColumnSpec {
  /** The key of the column in row objects: the heading, trimmed (made unique when it is not). */
  key: string;
  /** The heading as messages name it. */
  heading: string;
  schema: SchemaColumn | null;
  /** A value that is not text, or a required one: the row check looks at it. */
  check: boolean;
  required: boolean;
  /** The last value that passed: columns repeat values (codes, 有/無, hours), so it is not checked again. */
  lastOk: string | null;
}

interface CheckerOptions {
  schema: StandardSchema | null;
  issues: IssueCollector;
  limits: Limits;
  decoder: CsvDecoder;
  wantRows: boolean;
  batchSize: number;
  /** Tells the parser which columns' values the check (or onRows) needs. */
  keepColumns: (keep: boolean[] | null) => void;
}

/** The header, the rows and the issues of one CSV, record by record. */
class CsvChecker {
  private readonly o: CheckerOptions;
  private readonly issues: IssueCollector;
  private specs: ColumnSpec[] = [];
  private inference: TypeInference | null = null;
  private headerSeen = false;
  private latIndex = -1;
  private lonIndex = -1;
  /** Coordinates without a standard: checked only as hints (warnings). */
  private hintCoordinates = false;
  private blankRows: number[] = [];
  private batch: Record<string, string>[] = [];
  private batchFirst = 0;
  private ready: { rows: Record<string, string>[]; first: number }[] = [];
  rows = 0;
  fatal: { code: string; message: string } | null = null;

  constructor(options: CheckerOptions) {
    this.o = options;
    this.issues = options.issues;
  }

  /** The file had at least a header row. */
  get hasHeader(): boolean {
    return this.headerSeen;
  }

  private heading(row: number, column: number): string {
    if (row === 1) return `${column}列目の項目名`;
    return this.specs[column - 1]?.heading ?? `${column}列目`;
  }

  event(e: ParseEvent): void {
    const issues = this.issues;
    switch (e.kind) {
      case 'unterminated_quote':
        issues.error(
          e.kind,
          e.row,
          this.columnName(e.row, e.column),
          messages.unterminatedQuote(e.row, this.heading(e.row, e.column)),
        );
        break;
      case 'stray_quote':
        issues.error(
          e.kind,
          e.row,
          this.columnName(e.row, e.column),
          messages.strayQuote(e.row, this.heading(e.row, e.column)),
        );
        break;
      case 'cell_too_large':
        issues.error(
          e.kind,
          e.row,
          this.columnName(e.row, e.column),
          messages.cellTooLarge(e.row, this.heading(e.row, e.column), this.o.limits.maxCellChars, e.quoted),
        );
        break;
      case 'row_too_large':
        issues.error(e.kind, e.row, null, messages.rowTooLarge(e.row, this.o.limits.maxRowChars));
        break;
      case 'too_many_columns':
        if (e.row === 1) this.fatal = { code: e.kind, message: messages.tooManyColumns(1, this.o.limits.maxColumns) };
        else issues.error(e.kind, e.row, null, messages.tooManyColumns(e.row, this.o.limits.maxColumns));
        break;
      case 'control_char':
        issues.error(
          e.kind,
          e.row,
          this.columnName(e.row, e.column),
          messages.controlChar(e.row, this.heading(e.row, e.column), e.char),
        );
        break;
      case 'formula_like':
        issues.warning(
          e.kind,
          e.row,
          this.columnName(e.row, e.column),
          messages.formulaLike(e.row, this.heading(e.row, e.column), e.value),
          e.value,
        );
        break;
    }
  }

  mark(m: TextMark, row: number, column: number): void {
    const heading = this.heading(row, column);
    const name = this.columnName(row, column);
    if (m.kind === 'invalid_bytes') {
      const encoding = this.o.decoder.reported === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
      this.issues.error(m.kind, row, name, messages.invalidBytes(row, heading, encoding, m.bytes));
    } else if (m.kind === 'not_round_trip') {
      this.issues.warning(m.kind, row, name, messages.notRoundTrip(row, heading, m.char ?? '', m.bytes), m.char);
    } else {
      this.issues.warning(m.kind, row, name, messages.privateUse(row, heading, m.char ?? '\ue000'));
    }
  }

  private columnName(row: number, column: number): string | null {
    if (row === 1) return null;
    return this.specs[column - 1]?.heading ?? null;
  }

  record(r: CsvRecord): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      if (!this.fatal) this.header(r);
      return;
    }
    if (this.fatal) return;
    if (r.blank || (!r.broken && r.empty)) {
      this.blankRows.push(r.row);
      if (this.blankRows.length > 10_000) this.flushBlankRows(); // an endless run of blank lines: report now
      return;
    }
    this.flushBlankRows();
    this.rows++;
    if (r.broken) {
      this.breakBatch();
      return;
    }
    if (r.fieldCount !== this.specs.length) {
      this.issues.error('column_count', r.row, null, messages.columnCount(r.row, r.fieldCount, this.specs.length));
      this.breakBatch();
      return;
    }
    this.check(r.fields, r.row);
    if (this.o.wantRows) this.add(r.fields, r.row);
  }

  private flushBlankRows(): void {
    for (const row of this.blankRows) this.issues.warning('empty_row', row, null, messages.emptyRow(row));
    if (this.blankRows.length > 0) this.breakBatch();
    this.blankRows = [];
  }

  private header(r: CsvRecord): void {
    const { schema } = this.o;
    const issues = this.issues;
    const firstIndex = new Map<string, number>();
    const matched = new Map<SchemaColumn, string>();
    const names = r.fields.map((f, i) => (i === 0 ? f.replace(/^\ufeff/, '') : f));
    if (names.length === 1 && /[\t;]/.test(names[0]!)) {
      issues.error('wrong_delimiter', 1, null, messages.wrongDelimiter(names[0]!.includes('\t')));
    }
    this.specs = names.map((raw, i) => {
      const trimmed = raw.trim();
      if (trimmed !== raw && trimmed !== '')
        issues.warning('header_whitespace', 1, trimmed, messages.headerWhitespace(raw, trimmed));
      let key = trimmed;
      if (trimmed === '') {
        issues.error('empty_header', 1, null, messages.emptyHeader(i + 1));
        key = `${i + 1}列目`;
      } else if (firstIndex.has(trimmed)) {
        issues.error(
          'duplicate_header',
          1,
          trimmed,
          messages.duplicateHeader(trimmed, firstIndex.get(trimmed)! + 1, i + 1),
        );
        key = `${trimmed}（${i + 1}列目）`;
      } else {
        firstIndex.set(trimmed, i);
      }
      let column: SchemaColumn | null = null;
      if (schema && trimmed !== '') {
        const match = matchColumn(schema, trimmed);
        if (!match) {
          issues.warning('unknown_column', 1, trimmed, messages.unknownColumn(schema.title, trimmed));
        } else if (matched.has(match.column)) {
          issues.warning(
            'duplicate_column',
            1,
            trimmed,
            messages.duplicateColumn(trimmed, match.column.name, matched.get(match.column)!),
          );
        } else {
          matched.set(match.column, trimmed);
          column = match.column;
          if (match.alias)
            issues.warning('legacy_column', 1, trimmed, messages.legacyColumn(trimmed, match.column.name));
        }
      }
      const required = column?.required ?? false;
      return {
        key,
        heading: key,
        schema: column,
        check: required || (column !== null && column.type !== 'text'),
        required,
        lastOk: null,
      };
    });
    if (schema) {
      for (const column of schema.columns) {
        if (column.required && !matched.has(column)) {
          issues.error('missing_column', 1, column.name, messages.missingColumn(schema.title, column.name));
        }
      }
      this.latIndex = this.specs.findIndex((s) => s.schema?.type === 'latitude');
      this.lonIndex = this.specs.findIndex((s) => s.schema?.type === 'longitude');
    } else {
      this.latIndex = this.specs.findIndex((s) => coordinateRole(s.key) === 'latitude');
      this.lonIndex = this.specs.findIndex((s) => coordinateRole(s.key) === 'longitude');
      this.hintCoordinates = true;
    }
    this.inference = new TypeInference(this.specs.map((s) => (s.schema ? '' : s.key)));
    if (!this.o.wantRows) this.o.keepColumns(this.specs.map((s) => s.check || s.schema === null));
  }

  private check(fields: string[], row: number): void {
    const specs = this.specs;
    const inference = this.inference!;
    const issues = this.issues;
    for (let i = 0; i < specs.length; i++) {
      const value = fields[i]!;
      const spec = specs[i]!;
      if (value === '') {
        if (spec.required) issues.error('required_value', row, spec.heading, messages.requiredValue(row, spec.heading));
        continue;
      }
      if (spec.schema === null) {
        inference.observe(i, value);
        if (this.hintCoordinates && (i === this.latIndex || i === this.lonIndex)) this.hintCoordinate(i, value, row);
        continue;
      }
      if (!spec.check || value === spec.lastOk) continue;
      const problem = checkValue(spec.schema, value);
      if (!problem) spec.lastOk = value;
      else {
        issues.add({
          severity: problem.severity,
          code: problem.code,
          row,
          column: spec.heading,
          message: valueMessage(problem, spec.schema, spec.heading, row, value),
          value,
        });
      }
    }
    if (this.latIndex >= 0 && this.lonIndex >= 0) {
      const lat = parseDecimal(fields[this.latIndex]!);
      const lon = parseDecimal(fields[this.lonIndex]!);
      if (lat !== null && lon !== null && isLatitude(lat) && isLongitude(lon) && !inJapan(lat, lon)) {
        const heading = specs[this.latIndex]!.heading;
        issues.warning(
          'outside_japan',
          row,
          heading,
          messages.outsideJapan(row, fields[this.latIndex]!, fields[this.lonIndex]!),
        );
      }
    }
  }

  private hintCoordinate(index: number, value: string, row: number): void {
    const latitude = index === this.latIndex;
    const n = parseDecimal(value);
    if (n !== null && (latitude ? isLatitude(n) : isLongitude(n))) return;
    const heading = this.specs[index]!.heading;
    this.issues.warning(
      'unreadable_coordinate',
      row,
      heading,
      messages.unreadableCoordinate(row, heading, value, latitude),
      value,
    );
  }

  private add(fields: string[], row: number): void {
    if (
      this.batch.length > 0 &&
      (row !== this.batchFirst + this.batch.length || this.batch.length >= this.o.batchSize)
    ) {
      this.breakBatch();
    }
    if (this.batch.length === 0) this.batchFirst = row;
    const object: Record<string, string> = {};
    const specs = this.specs;
    for (let i = 0; i < specs.length; i++) object[specs[i]!.key] = fields[i]!;
    this.batch.push(object);
  }

  private breakBatch(): void {
    if (this.batch.length === 0) return;
    this.ready.push({ rows: this.batch, first: this.batchFirst });
    this.batch = [];
  }

  /** Batches ready for onRows (taken, so each is delivered once). */
  takeBatches(): { rows: Record<string, string>[]; first: number }[] {
    if (this.ready.length === 0) return [];
    const ready = this.ready;
    this.ready = [];
    return ready;
  }

  /** The end of the file: the last batch; blank rows at the very end are not worth a warning. */
  finish(): void {
    this.blankRows = [];
    this.breakBatch();
    if (this.fatal) return;
    if (!this.headerSeen) return;
    if (this.rows === 0) this.issues.warning('no_data_rows', null, null, messages.noDataRows());
  }

  columns(): { name: string; type: string }[] {
    return this.specs.map((s, i) => ({
      name: s.key,
      type: s.schema ? reportedType(s.schema.type) : (this.inference?.type(i) ?? 'text'),
    }));
  }

  /** The latitude and longitude columns, both or neither. */
  coordinates(): [string | null, string | null] {
    if (this.latIndex < 0 || this.lonIndex < 0) return [null, null];
    const types = this.columns();
    if (!this.o.schema && (types[this.latIndex]!.type !== 'latitude' || types[this.lonIndex]!.type !== 'longitude')) {
      return [null, null];
    }
    return [this.specs[this.latIndex]!.key, this.specs[this.lonIndex]!.key];
  }
}
