// The quality report of an uploaded file: what it is, what is in it, and every problem found, each in
// words a non-programmer can act on. The report is stored as it is (od_uploads.report, od_resources.report).

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export interface IngestIssue {
  severity: 'error' | 'warning';
  /** Stable code (see messages.ts); the same code always means the same kind of problem. */
  code: string;
  /** The row as Excel numbers it (the header is row 1); for JSON the line, for GeoJSON the feature number. */
  row: number | null;
  column: string | null;
  message: string;
  /** The offending value, at most 100 characters. */
  value?: string;
}

export interface IngestReport {
  /** No errors: the file may be published. */
  ok: boolean;
  encoding: SourceEncoding;
  bytes: number;
  /** Data rows (the header and empty rows not counted); features for GeoJSON. */
  rows: number;
  columns: { name: string; type: string }[];
  /** Set only when both coordinate columns were found. */
  latColumn: string | null;
  lonColumn: string | null;
  standard: string | null;
  /** At most `maxIssues`, errors first, then in the order of the file. */
  issues: IngestIssue[];
  /** Every issue found, listed or not, by code. */
  issueCounts: Record<string, number>;
  truncated: boolean;
  /** One Japanese sentence. */
  summary: string;
}

export interface Limits {
  /** Characters (UTF-16 code units) one cell may hold: 32 Ki. */
  maxCellChars: number;
  /** Characters one row may hold: 1 Mi. */
  maxRowChars: number;
  maxColumns: number;
  /** Issues listed in the report (all are counted). */
  maxIssues: number;
  /** Bytes a CSV may have (4 GiB); JSON and GeoJSON are read whole, so they have their own, smaller limit. */
  maxBytes: number;
  maxJsonBytes: number;
  /** Nesting of arrays and objects a JSON file may have. */
  maxJsonDepth: number;
}

export const defaultLimits: Limits = {
  maxCellChars: 32 * 1024,
  maxRowChars: 1024 * 1024,
  maxColumns: 500,
  maxIssues: 500,
  maxBytes: 4 * 1024 ** 3,
  maxJsonBytes: 200 * 1024 ** 2,
  maxJsonDepth: 512,
};

export function limitsWith(partial: Partial<Limits> | undefined): Limits {
  return { ...defaultLimits, ...partial };
}

/** Cuts a value shown in a report to 100 characters (by code point, so no half surrogate pair). */
export function clip(value: string, max = 100): string {
  if (value.length <= max) return value;
  const points = Array.from(value.slice(0, max + 1));
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : value;
}

/**
 * Collects issues with bounded memory: every issue is counted, but only `maxIssues` errors and
 * `maxIssues` warnings are kept, so a file with a million harmless warnings still shows its errors.
 */
export class IssueCollector {
  readonly counts: Record<string, number> = {};
  private readonly errors: IngestIssue[] = [];
  private readonly warnings: IngestIssue[] = [];
  private order = new WeakMap<IngestIssue, number>();
  private seen = 0;
  errorCount = 0;
  warningCount = 0;

  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  add(issue: IngestIssue): void {
    this.counts[issue.code] = (this.counts[issue.code] ?? 0) + 1;
    const list = issue.severity === 'error' ? this.errors : this.warnings;
    if (issue.severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (list.length >= this.max) return;
    if (issue.value !== undefined) issue.value = clip(issue.value);
    this.order.set(issue, this.seen++);
    list.push(issue);
  }

  error(code: string, row: number | null, column: string | null, message: string, value?: string): void {
    this.add(
      value === undefined
        ? { severity: 'error', code, row, column, message }
        : { severity: 'error', code, row, column, message, value },
    );
  }

  warning(code: string, row: number | null, column: string | null, message: string, value?: string): void {
    this.add(
      value === undefined
        ? { severity: 'warning', code, row, column, message }
        : { severity: 'warning', code, row, column, message, value },
    );
  }

  get total(): number {
    return this.errorCount + this.warningCount;
  }

  /** Errors first (as many as fit), then warnings, each kept in the order they were found in the file. */
  list(): IngestIssue[] {
    const errors = this.errors.slice(0, this.max);
    const warnings = this.warnings.slice(0, this.max - errors.length);
    const byOrder = (a: IngestIssue, b: IngestIssue) => this.order.get(a)! - this.order.get(b)!;
    return [...errors.sort(byOrder), ...warnings.sort(byOrder)];
  }
}

const encodingNames: Record<SourceEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（BOM付き）',
  shift_jis: 'Shift_JIS',
};

export function encodingName(encoding: SourceEncoding): string {
  return encodingNames[encoding];
}

const n = (value: number) => value.toLocaleString('ja-JP');

/** The one-sentence summary shown above the issues. */
export function summarise(input: {
  kind: string;
  encoding: SourceEncoding;
  rows: number;
  columns: number;
  errors: number;
  warnings: number;
  fatal: string | null;
}): string {
  if (input.fatal) return `このファイルは${input.kind}として読み込めませんでした（${input.fatal}）。`;
  const what = `${encodingName(input.encoding)}の${input.kind}（${n(input.rows)}行・${n(input.columns)}列）を確認し、`;
  if (input.errors === 0 && input.warnings === 0) return `${what}問題は見つかりませんでした。`;
  if (input.errors === 0) return `${what}公開はできますが、確認をおすすめする点が${n(input.warnings)}件あります。`;
  const also = input.warnings > 0 ? `（ほかに確認をおすすめする点が${n(input.warnings)}件）` : '';
  return `${what}直す必要のある誤りが${n(input.errors)}件見つかりました${also}。`;
}
