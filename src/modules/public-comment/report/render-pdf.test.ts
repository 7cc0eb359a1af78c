// The report PDF read back as a reader would: the text of every page through the fonts' ToUnicode maps.
// The title, the period, every cell of the counts table, every opinion and the page numbers are there,
// and a long report (120 opinions, some of 2,000 characters) loses no text to page breaks or split rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { pdfPagesText } from '../../../../test/helpers/pdf-text.ts';
import { dxPlanReportInput } from '../demo/dx-plan.ts';
import { buildResultReport } from './build-report.ts';
import { renderReportPdf } from './render-pdf.ts';
import { longReportInput, seededRandom } from './test-support.ts';
import type { ResultReport } from './types.ts';

/**
 * The pages on which `text` is drawn, or undefined when it is not there in full. A paragraph is a run of
 * consecutive lines; when a page break cuts it, it goes on with a line on the next page (after the
 * repeated table header and the other cells of the row drawn before it).
 */
function locate(pages: string[][], text: string): number[] | undefined {
  const flat = pages.flatMap((lines, page) => lines.map((line) => ({ page, line })));
  const from = (start: number, rest: string, used: number[]): number[] | undefined => {
    let j = start;
    while (j < flat.length && flat[j]!.line !== '' && rest.startsWith(flat[j]!.line)) {
      rest = rest.slice(flat[j]!.line.length);
      if (!used.includes(flat[j]!.page)) used = [...used, flat[j]!.page];
      j++;
      if (rest === '') return used;
    }
    if (j === start) return undefined;
    const next = flat[j - 1]!.page + 1;
    for (let k = j; k < flat.length && flat[k]!.page <= next; k++) {
      if (flat[k]!.page === next && flat[k]!.line !== '' && rest.startsWith(flat[k]!.line)) {
        const found = from(k, rest, used);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (let k = 0; k < flat.length; k++) {
    if (flat[k]!.line !== '' && text.startsWith(flat[k]!.line)) {
      const found = from(k, text, []);
      if (found) return found;
    }
  }
  return undefined;
}

/** The counts table read cell by cell: its header row, then each row's label and figures in order. */
function assertCounts(lines: string[], report: ResultReport): void {
  const header = ['項目', ...report.classes.map((c) => c.code), '計'];
  const at = lines.findIndex((_, i) => header.every((h, k) => lines[i + k] === h));
  assert.ok(at >= 0, 'the counts table header');
  let pos = at + header.length;
  for (const row of report.counts) {
    assert.equal(lines[pos++], row.label);
    row.counts.forEach((n, i) => {
      assert.equal(lines[pos++], String(n), `${row.label} × ${report.classes[i]!.code}`);
    });
    assert.equal(lines[pos++], String(row.total), `${row.label} 計`);
  }
}

function assertPageNumbers(pages: string[][]): void {
  pages.forEach((lines, i) => {
    assert.equal(lines.at(-1), `${i + 1} / ${pages.length}`, `page ${i + 1} foot`);
  });
}

test('the demo PDF: A4, title and language in the metadata, every text of the report on its pages', async () => {
  const report = buildResultReport(dxPlanReportInput());
  const bytes = await renderReportPdf(report);
  const doc = await PDFDocument.load(bytes);
  assert.equal(doc.getTitle(), report.title);
  assert.equal(doc.getAuthor(), '川崎市 総務企画局');
  const lang = doc.catalog.get(PDFName.of('Lang'));
  assert.ok(lang instanceof PDFString);
  assert.equal(lang.decodeText(), 'ja');
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    assert.deepEqual([Math.round(width), Math.round(height)], [595, 842], 'A4');
  }
  assert.ok(bytes.length < 300_000, `subset fonts keep the file small (${bytes.length} bytes)`);

  const pages = await pdfPagesText(bytes);
  const lines = pages.flat();
  assert.ok(pages.length >= 2);
  assert.deepEqual(locate(pages, report.title), [0], 'the title on page 1');
  assert.ok(lines.includes('令和7年12月3日（水）から令和8年1月5日（月）まで'));
  assert.ok(lines.includes('4通') && lines.includes('10件'));
  assert.ok(locate(pages, report.background.at(-1)!), 'the 経過 paragraph with 4通10件');
  for (const heading of [
    '1 経過',
    '2 意見募集の概要',
    '3 結果の概要',
    '4 御意見の内容と対応',
    '5 改定案からの変更点',
  ]) {
    assert.ok(lines.includes(heading), heading);
  }
  assertCounts(lines, report);
  for (const opinion of report.topics.flatMap((t) => t.opinions)) {
    for (const text of [...opinion.summary, ...opinion.response]) {
      assert.ok(locate(pages, text), `No ${opinion.no}: ${text}`);
    }
  }
  for (const change of report.changes) {
    for (const text of [change.summary, ...change.after, ...change.before]) assert.ok(locate(pages, text), text);
  }
  assert.ok(lines.includes(report.changesNote));
  assert.ok(lines.includes('令和8年3月　「川崎市DX推進プラン」改定'));
  assertPageNumbers(pages);
});

test('a long report: page breaks and rows split across pages lose no text, the header repeats on each page', async () => {
  const report = buildResultReport(longReportInput(seededRandom(7), 120, 15, 2000));
  const opinions = report.topics.flatMap((t) => t.opinions);
  assert.equal(opinions.length, 120);
  assert.ok(opinions.some((o) => o.summary.join('').length >= 2000));
  const pages = await pdfPagesText(await renderReportPdf(report));
  assert.ok(pages.length > 20, `${pages.length} pages`);

  let split = 0;
  for (const opinion of opinions) {
    for (const text of [...opinion.summary, ...opinion.response]) {
      const found = locate(pages, text);
      assert.ok(found, `No ${opinion.no}: the paragraph starting ${text.slice(0, 20)} is there in full`);
      if (found.length > 1) split++;
    }
  }
  assert.ok(split > 0, 'some paragraphs run across a page break (rows taller than a page are split)');

  // Every page of the opinion tables that does not open with a topic heading opens with the header row.
  const header = ['No', '意見の要旨', '本市の考え方', '区分'];
  const topicLabels = new Set(report.topics.map((t) => `${t.code} ${t.title}`));
  const isOpinionText = (line: string) => line.includes('〔要旨') || line.includes('〔考え方');
  const first = pages.findIndex((lines) => lines.some(isOpinionText));
  const last = pages.findLastIndex((lines) => lines.some(isOpinionText));
  for (let p = first + 1; p <= last; p++) {
    const lines = pages[p]!;
    if (topicLabels.has(lines[0]!)) continue;
    assert.deepEqual(lines.slice(0, 4), header, `page ${p + 1} opens with the table header`);
  }

  const lines = pages.flat();
  assertCounts(lines, report);
  assertPageNumbers(pages);
  // 禁則: no line of a cell opens with 、 or 。
  assert.ok(!lines.some((line) => /^[、。]/.test(line)));
});

test('a report with no opinions still renders, and says so', async () => {
  const report = buildResultReport({ ...dxPlanReportInput(), submissionCount: 0, opinions: [], changes: [] });
  const pages = await pdfPagesText(await renderReportPdf(report));
  const lines = pages.flat();
  assert.ok(lines.includes('御意見はありませんでした。'));
  assert.ok(lines.includes('変更はありません。'));
  assert.ok(lines.includes('0通') && lines.includes('0件'));
  assertCounts(lines, report);
  assertPageNumbers(pages);
});
