// The report's issues grouped for a person to read: by column and kind, with the rows, e.g.
// 「『緯度』列: 3件 数値ではありません（3行目、8行目、12行目）」. Errors come before warnings.
import { issueCodes } from './messages.ts';
import type { IngestIssue, IngestReport } from './report.ts';

export interface IssueSummary {
  severity: IngestIssue['severity'];
  code: string;
  column: string | null;
  /** Issues of this kind in this column among those listed. */
  count: number;
  /** Their rows (feature numbers for GeoJSON), in file order. */
  rows: number[];
  text: string;
}

const rowsShown = 10;
const geoJsonCodes = new Set(['geojson_feature', 'geojson_geometry', 'coordinate_out_of_range', 'outside_japan']);

export function summariseIssues(report: IngestReport): IssueSummary[] {
  const groups = new Map<string, IssueSummary>();
  for (const issue of report.issues) {
    const key = `${issue.severity}\u0000${issue.column ?? ''}\u0000${issue.code}`;
    let group = groups.get(key);
    if (!group) {
      group = { severity: issue.severity, code: issue.code, column: issue.column, count: 0, rows: [], text: '' };
      groups.set(key, group);
    }
    group.count++;
    if (issue.row !== null) group.rows.push(issue.row);
  }
  const firstMessage = new Map<string, string>();
  for (const issue of report.issues) {
    const key = `${issue.severity}\u0000${issue.column ?? ''}\u0000${issue.code}`;
    if (!firstMessage.has(key)) firstMessage.set(key, issue.message);
  }
  const list = [...groups.entries()].map(([key, group]) => {
    const label = issueCodes[group.code]?.label ?? firstMessage.get(key)!;
    const where = group.column === null ? 'ファイル全体' : `『${group.column}』列`;
    const unit = group.column === null && geoJsonCodes.has(group.code) ? '番目' : '行目';
    const rows = group.rows.slice(0, rowsShown).map((r) => `${r.toLocaleString('ja-JP')}${unit}`);
    const more = group.rows.length > rowsShown ? '、ほか' : '';
    const at = rows.length > 0 ? `（${rows.join(', ')}${more}）` : '';
    group.text = `${where}: ${group.count.toLocaleString('ja-JP')}件 ${label}${at}`;
    return group;
  });
  return [...list.filter((g) => g.severity === 'error'), ...list.filter((g) => g.severity === 'warning')];
}

/** When the report lists only some of its issues: a sentence saying so. */
export function truncationNote(report: IngestReport): string | null {
  if (!report.truncated) return null;
  const total = Object.values(report.issueCounts).reduce((a, b) => a + b, 0);
  return `問題は全部で${total.toLocaleString('ja-JP')}件あり、この一覧には最初の${report.issues.length.toLocaleString('ja-JP')}件を載せています。`;
}
