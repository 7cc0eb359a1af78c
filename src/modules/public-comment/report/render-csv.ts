// The result report as CSV for staff and for open data: one file of opinions (one row per opinion, its
// paragraphs kept as line breaks inside the quoted cell) and one of the counts table. Written with the
// platform's CSV writer, so a resident's text that starts with = + - @ cannot run as a spreadsheet formula.
// These return text without a BOM: the route that serves them adds it (encodeCsvUtf8Bom) or writes
// Shift_JIS (encodeShiftJis), whichever the download asks for.
import { toCsv } from '../../../platform/ja/csv.ts';
import { topicLabel } from './build-report.ts';
import type { NumberedOpinion, ResultReport } from './types.ts';

export function reportOpinionsCsv(report: ResultReport): string {
  const classLabels = new Map(report.classes.map((c) => [c.code, c.label]));
  const rows = report.topics.flatMap((topic) =>
    topic.opinions.map((opinion) => ({ topic: topicLabel(topic), opinion })),
  );
  return toCsv<{ topic: string; opinion: NumberedOpinion }>(rows, {
    columns: [
      { header: 'No', value: (r) => r.opinion.no },
      { header: '項目', value: 'topic' },
      { header: '意見の要旨', value: (r) => r.opinion.summary.join('\n') },
      { header: '本市の考え方', value: (r) => r.opinion.response.join('\n') },
      { header: '区分', value: (r) => r.opinion.classCode },
      { header: '区分の内容', value: (r) => classLabels.get(r.opinion.classCode) ?? '' },
    ],
  });
}

export function reportCountsCsv(report: ResultReport): string {
  return toCsv([
    ['項目', ...report.classes.map((c) => c.code), '計'],
    ...report.counts.map((row) => [row.label, ...row.counts, row.total]),
  ]);
}
