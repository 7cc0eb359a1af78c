// The CSV downloads: one row per opinion with its paragraphs kept as line breaks, the counts table with
// 合計 last, RFC 4180 quoting, and a resident's text never turned into a spreadsheet formula.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dxPlanReportInput } from '../demo/dx-plan.ts';
import { buildResultReport } from './build-report.ts';
import { reportCountsCsv, reportOpinionsCsv } from './render-csv.ts';

/** RFC 4180 → rows of cells (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [cell, i] = [`${cell}"`, i + 1];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, cell] = [[...row, cell], ''];
    else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      [row, cell, i] = [[], '', i + 1];
    } else cell += c;
  }
  assert.equal(row.length + cell.length, 0, 'the text ends with CRLF');
  return rows;
}

const report = buildResultReport(dxPlanReportInput());

test('opinions CSV: header, one row per opinion in No order, paragraphs as line breaks, the class label', () => {
  const text = reportOpinionsCsv(report);
  assert.notEqual(text.charCodeAt(0), 0xfeff, 'no BOM: the route adds it');
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, ['No', '項目', '意見の要旨', '本市の考え方', '区分', '区分の内容']);
  const opinions = report.topics.flatMap((t) => t.opinions.map((o) => ({ o, topic: `${t.code} ${t.title}` })));
  assert.equal(rows.length, 10);
  rows.forEach((row, i) => {
    const { o, topic } = opinions[i]!;
    assert.deepEqual(row, [
      String(o.no),
      topic,
      o.summary.join('\n'),
      o.response.join('\n'),
      o.classCode,
      report.classes.find((c) => c.code === o.classCode)!.label,
    ]);
  });
  assert.ok(rows[0]![2]!.includes('\n'), 'the two-paragraph summary keeps its line break');
});

test('counts CSV: 項目, one column per class, 計; the 合計 row last', () => {
  assert.deepEqual(parseCsv(reportCountsCsv(report)), [
    ['項目', 'A', 'B', 'C', 'D', 'E', '計'],
    ['ア プランの取組の方向性に関すること', '0', '5', '0', '3', '0', '8'],
    ['イ プランのその他全般に関すること', '0', '1', '0', '0', '0', '1'],
    ['ウ その他の個別の取組に関すること', '0', '0', '1', '0', '0', '1'],
    ['合計', '0', '6', '1', '3', '0', '10'],
  ]);
});

test('a summary that looks like a formula is written as text; quotes and commas survive', () => {
  const tricky = buildResultReport({
    ...dxPlanReportInput(),
    submissionCount: 1,
    opinions: [
      {
        topicCode: 'ア',
        summary: '=HYPERLINK("http://example.com","x")',
        response: '@SUM(A1), "引用"',
        classCode: 'B',
      },
    ],
  });
  const [, row] = parseCsv(reportOpinionsCsv(tricky));
  assert.equal(row![2], `'=HYPERLINK("http://example.com","x")`);
  assert.equal(row![3], `'@SUM(A1), "引用"`);
});

test('no opinions: the header alone, and a counts table of zeros', () => {
  const empty = buildResultReport({ ...dxPlanReportInput(), submissionCount: 0, opinions: [] });
  assert.equal(parseCsv(reportOpinionsCsv(empty)).length, 1);
  assert.deepEqual(parseCsv(reportCountsCsv(empty)).at(-1), ['合計', '0', '0', '0', '0', '0', '0']);
});
