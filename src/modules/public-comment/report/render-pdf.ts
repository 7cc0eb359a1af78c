// The result report as an A4 PDF for printing and for the city's document archive: the same sections as
// the page, Japanese text in subset-embedded Noto Sans JP wrapped character by character, bordered tables
// whose rows move to the next page when they do not fit (or are split when taller than a page), the table
// header repeated on each new page, and "n / N" at the foot of every page.
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { japaneseFonts } from '../../../platform/pdf/fonts.ts';
import { reportHeadings, topicLabel } from './build-report.ts';
import type { ResultReport } from './types.ts';

const a4 = { width: 595.28, height: 841.89 };
const marginX = 50;
const marginTop = 56;
// Room for the page number under the last line.
const marginBottom = 60;
const ink = rgb(0.1, 0.1, 0.1);
const grey = rgb(0.35, 0.35, 0.35);
const rule = rgb(0.45, 0.45, 0.45);
const headerFill = rgb(0.92, 0.92, 0.92);

const body = { size: 10.5, leading: 1.75 };
const cell = { size: 9.5, leading: 1.55, padding: 4 };

// 禁則: characters a line may not start with, and ones it may not end with.
const noLineStart = new Set([
  ...'、。，．・：；？！）」』】〕〉》］｝ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜～),.:;!?]}%',
]);
const noLineEnd = new Set([...'（「『【〔〈《［｛([{']);

type Align = 'left' | 'center' | 'right';

interface Column {
  header: string;
  width: number;
  align?: Align;
}

interface Cell {
  paragraphs: string[];
  bold?: boolean;
  /** First line of each paragraph indented by one character (字下げ), the way prose is set. */
  indent?: boolean;
}

interface Line {
  text: string;
  /** Extra left offset of this line (the 字下げ of a paragraph's first line). */
  offset: number;
}

class Layout {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly left = marginX;
  readonly width = a4.width - marginX * 2;
  page!: PDFPage;
  /** The top of the free space on the current page. */
  y = 0;
  private readonly charWidths = new Map<PDFFont, Map<string, number>>();

  constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([a4.width, a4.height]);
    this.y = a4.height - marginTop;
  }

  get space(): number {
    return this.y - marginBottom;
  }

  get pageSpace(): number {
    return a4.height - marginTop - marginBottom;
  }

  /** Starts a new page unless `height` fits below the cursor (a fresh page takes whatever it can). */
  ensure(height: number): void {
    if (height > this.space && this.y < a4.height - marginTop) this.newPage();
  }

  // Measuring a whole line for every added character is quadratic and slow for long opinions; a
  // character's advance does not depend on its neighbours in this font, so widths are cached per char.
  charWidth(char: string, font: PDFFont, size: number): number {
    let widths = this.charWidths.get(font);
    if (!widths) {
      widths = new Map();
      this.charWidths.set(font, widths);
    }
    let w = widths.get(char);
    if (w === undefined) {
      w = font.widthOfTextAtSize(char, 1000) / 1000;
      widths.set(char, w);
    }
    return w * size;
  }

  textWidth(text: string, font: PDFFont, size: number): number {
    let w = 0;
    for (const char of text) w += this.charWidth(char, font, size);
    return w;
  }

  /** Japanese has no spaces to break at: wrap by width, character by character, with simple 禁則. */
  wrap(text: string, font: PDFFont, size: number, width: number, indent = 0): Line[] {
    const chars = [...text.replace(/\p{Cc}/gu, ' ')];
    const lines: Line[] = [];
    let line: string[] = [];
    let used = indent;
    let offset = indent;
    for (const char of chars) {
      const w = this.charWidth(char, font, size);
      if (line.length > 0 && used + w > width) {
        // Carry characters over (a few at most) so the new line does not open with 、 or 」 and the old
        // one does not end with 「.
        const carry: string[] = [];
        while (
          line.length > 1 &&
          carry.length < 4 &&
          (noLineStart.has(carry[0] ?? char) || noLineEnd.has(line.at(-1)!))
        ) {
          carry.unshift(line.pop()!);
        }
        lines.push({ text: line.join(''), offset });
        line = [...carry];
        offset = 0;
        used = this.textWidth(carry.join(''), font, size);
      }
      line.push(char);
      used += w;
    }
    if (line.length > 0 || lines.length === 0) lines.push({ text: line.join(''), offset });
    return lines;
  }

  draw(text: string, x: number, baseline: number, font: PDFFont, size: number, color = ink): void {
    if (text !== '') this.page.drawText(text, { x, y: baseline, size, font, color });
  }

  /** Baseline of a line whose box starts at `top`: the glyphs sit in the middle of the line's leading. */
  baseline(top: number, size: number, leading: number): number {
    return top - (size * leading) / 2 - size * 0.36;
  }

  paragraph(text: string, options: { font?: PDFFont; size?: number; blockIndent?: number; indent?: boolean } = {}) {
    const font = options.font ?? this.regular;
    const size = options.size ?? body.size;
    const left = this.left + (options.blockIndent ?? 0);
    const lineHeight = size * body.leading;
    for (const line of this.wrap(
      text,
      font,
      size,
      this.width - (options.blockIndent ?? 0),
      options.indent ? size : 0,
    )) {
      this.ensure(lineHeight);
      this.draw(line.text, left + line.offset, this.baseline(this.y, size, body.leading), font, size);
      this.y -= lineHeight;
    }
  }

  /** A heading kept with at least `keep` points of what follows it. */
  heading(text: string, size: number, keep: number, before: number): void {
    const lineHeight = size * 1.6;
    const lines = this.wrap(text, this.bold, size, this.width);
    this.y -= before;
    this.ensure(lines.length * lineHeight + keep);
    for (const line of lines) {
      this.draw(line.text, this.left, this.baseline(this.y, size, 1.6), this.bold, size);
      this.y -= lineHeight;
    }
  }

  private cellLines(c: Cell, width: number): Line[] {
    const font = c.bold ? this.bold : this.regular;
    const inner = width - cell.padding * 2;
    return c.paragraphs.flatMap((p) => this.wrap(p, font, cell.size, inner, c.indent ? cell.size : 0));
  }

  private drawRow(columns: Column[], cells: { lines: Line[]; bold?: boolean }[], height: number, fill?: typeof ink) {
    const lineHeight = cell.size * cell.leading;
    let x = this.left;
    columns.forEach((column, i) => {
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width: column.width,
        height,
        borderColor: rule,
        borderWidth: 0.5,
        ...(fill ? { color: fill } : {}),
      });
      const font = cells[i]!.bold ? this.bold : this.regular;
      cells[i]!.lines.forEach((line, n) => {
        const inner = column.width - cell.padding * 2;
        const w = this.textWidth(line.text, font, cell.size);
        const dx = column.align === 'right' ? inner - w : column.align === 'center' ? (inner - w) / 2 : line.offset;
        const top = this.y - cell.padding - n * lineHeight;
        this.draw(line.text, x + cell.padding + dx, this.baseline(top, cell.size, cell.leading), font, cell.size);
      });
      x += column.width;
    });
    this.y -= height;
  }

  /**
   * A bordered table, measured now and drawn by `draw()`. `start` is the height it needs below the cursor
   * to begin on this page, so the heading above it can ask for its own height plus `start`.
   *
   * A row that does not fit moves to the next page; a row taller than a page is split line by line across
   * pages. The header row is drawn again at the top of every page the table reaches.
   */
  table(columns: Column[], rows: Cell[][]): { start: number; draw: () => void } {
    const lineHeight = cell.size * cell.leading;
    const rowHeight = (lines: number) => lines * lineHeight + cell.padding * 2;
    const header = columns.map((c) => ({ lines: this.cellLines({ paragraphs: [c.header] }, c.width), bold: true }));
    const headerHeight = rowHeight(Math.max(...header.map((h) => h.lines.length)));
    const minLines = 2;
    const body = rows.map((row) => row.map((c, i) => ({ lines: this.cellLines(c, columns[i]!.width), bold: c.bold })));
    const heights = body.map((cells) => rowHeight(Math.max(1, ...cells.map((c) => c.lines.length))));
    const whole = headerHeight + heights.reduce((a, b) => a + b, 0);
    // A short table stays in one piece; a long one starts wherever its header and a few lines fit.
    const start = whole <= this.pageSpace / 3 ? whole : headerHeight + Math.min(heights[0] ?? 0, rowHeight(minLines));
    return { start, draw: () => this.drawTable(columns, header, headerHeight, body, start) };
  }

  private drawTable(
    columns: Column[],
    header: { lines: Line[]; bold?: boolean }[],
    headerHeight: number,
    body: { lines: Line[]; bold?: boolean }[][],
    start: number,
  ): void {
    const lineHeight = cell.size * cell.leading;
    const rowHeight = (lines: number) => lines * lineHeight + cell.padding * 2;
    const drawHeader = () => this.drawRow(columns, header, headerHeight, headerFill);
    const minLines = 2;
    this.ensure(start);
    drawHeader();

    for (const cells of body) {
      const total = Math.max(1, ...cells.map((c) => c.lines.length));
      const height = rowHeight(total);
      if (height > this.space && height <= this.pageSpace - headerHeight) {
        this.newPage();
        drawHeader();
      }
      if (height <= this.space) {
        this.drawRow(columns, cells, height);
        continue;
      }
      // Taller than a page: as many lines as fit here, the rest on the following pages.
      let from = 0;
      while (from < total) {
        let fit = Math.floor((this.space - cell.padding * 2) / lineHeight);
        if (fit < minLines) {
          this.newPage();
          drawHeader();
          fit = Math.floor((this.space - cell.padding * 2) / lineHeight);
        }
        const count = Math.min(fit, total - from);
        const chunk = cells.map((c, i) => ({
          // The No and other one-line cells are repeated on each part, so a reader knows whose text it is.
          lines: c.lines.length === 1 && columns[i]!.align === 'center' ? c.lines : c.lines.slice(from, from + count),
          bold: c.bold,
        }));
        this.drawRow(columns, chunk, rowHeight(count));
        from += count;
      }
    }
  }
}

/**
 * The title on as few lines as it needs; on two lines, broken after 「に係る」 (or the like) when both halves
 * fit, so that …に係る / パブリックコメントの実施結果について reads as two phrases, not a word cut in half.
 */
function titleLines(layout: Layout, title: string, font: PDFFont, size: number, width: number): string[] {
  const wrapped = layout.wrap(title, font, size, width).map((l) => l.text);
  if (wrapped.length !== 2) return wrapped;
  const fits = (text: string) => layout.textWidth(text, font, size) <= width;
  const breaks = [...title.matchAll(/に係る|に関する|についての|における/g)].map((m) => m.index + m[0].length);
  const best = breaks
    .filter((at) => fits(title.slice(0, at)) && fits(title.slice(at)))
    .sort((a, b) => Math.abs(a - title.length / 2) - Math.abs(b - title.length / 2))[0];
  return best === undefined ? wrapped : [title.slice(0, best), title.slice(best)];
}

function widths(total: number, fixed: number[], shares: number[]): number[] {
  const rest = total - fixed.reduce((a, b) => a + b, 0);
  return shares.map((share) => (share > 0 ? rest * share : fixed.shift()!));
}

export async function renderReportPdf(report: ResultReport): Promise<Uint8Array> {
  const fonts = await japaneseFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fonts.fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  const layout = new Layout(doc, regular, bold);
  const h = reportHeadings(report);
  const line = body.size * body.leading;
  // Each heading asks for room for what follows it, so it never ends a page on its own.
  const h2 = (text: string, keep = line * 2) => layout.heading(text, 12.5, keep, 14);
  const h3 = (text: string, keep = line * 1.5) => layout.heading(text, 11, keep, 6);
  const h4 = (text: string, keep = line * 2) => layout.heading(text, 10.5, keep, 8);
  const indented = (text: string) => layout.paragraph(text, { blockIndent: body.size });
  const prose = (texts: string[]) => {
    for (const text of texts) layout.paragraph(text, { indent: true });
  };

  // The heading block: date and department top right, then the title.
  for (const line of [report.publishedOnText, `${report.cityName} ${report.departmentName}`]) {
    const w = layout.textWidth(line, regular, body.size);
    layout.draw(line, layout.left + layout.width - w, layout.baseline(layout.y, body.size, 1.6), regular, body.size);
    layout.y -= body.size * 1.6;
  }
  layout.y -= 20;
  const titleSize = 14.5;
  for (const text of titleLines(layout, report.title, bold, titleSize, layout.width - 40)) {
    const w = layout.textWidth(text, bold, titleSize);
    layout.draw(text, (a4.width - w) / 2, layout.baseline(layout.y, titleSize, 1.6), bold, titleSize);
    layout.y -= titleSize * 1.6;
  }
  layout.y -= 8;

  h2(h.background);
  prose(report.background);

  h2(h.outline);
  h3('(1) 意見の募集期間');
  indented(report.period.text);
  h3('(2) 意見の提出方法');
  indented(report.methodsText);
  h3('(3) 募集の周知方法');
  indented(report.announcementsText);

  h2(h.results);
  h3('(1) 意見提出数');
  indented(`${report.submissionCount}通`);
  h3('(2) 意見数');
  indented(`${report.opinionCount}件`);

  h2(h.opinions);
  prose(report.overview);
  const classes = layout.table(
    [
      { header: '区分', width: 44, align: 'center' },
      { header: '内容', width: layout.width - 44 },
    ],
    report.classes.map((c) => [{ paragraphs: [c.code] }, { paragraphs: [c.label] }]),
  );
  h3('(1) 対応区分', classes.start);
  classes.draw();
  const countWidth = 36;
  const counts = layout.table(
    [
      { header: '項目', width: layout.width - countWidth * (report.classes.length + 1) },
      ...report.classes.map((c) => ({ header: c.code, width: countWidth, align: 'right' as const })),
      { header: '計', width: countWidth, align: 'right' },
    ],
    report.counts.map((row) => {
      const bold = row.topicCode === 'total';
      return [row.label, ...row.counts.map(String), String(row.total)].map((text) => ({ paragraphs: [text], bold }));
    }),
  );
  h3('(2) 意見の件数と対応区分', counts.start);
  counts.draw();
  h3('(3) 各意見の内容', line * 4);
  if (report.opinionCount === 0) indented('御意見はありませんでした。');
  else {
    const [no, summary, response, cls] = widths(layout.width, [30, 34], [0, 0.46, 0.54, 0]);
    for (const topic of report.topics) {
      if (topic.opinions.length === 0) {
        h4(topicLabel(topic));
        indented('この項目への御意見はありませんでした。');
        continue;
      }
      const table = layout.table(
        [
          { header: 'No', width: no!, align: 'center' },
          { header: '意見の要旨', width: summary! },
          { header: '本市の考え方', width: response! },
          { header: '区分', width: cls!, align: 'center' },
        ],
        topic.opinions.map((o) => [
          { paragraphs: [String(o.no)] },
          { paragraphs: o.summary, indent: true },
          { paragraphs: o.response, indent: true },
          { paragraphs: [o.classCode] },
        ]),
      );
      h4(topicLabel(topic), table.start);
      table.draw();
    }
  }

  if (report.changes.length === 0) {
    h2(h.changes);
    indented('変更はありません。');
  } else {
    const [no, summary, after, before] = widths(layout.width, [30], [0, 0.26, 0.37, 0.37]);
    const table = layout.table(
      [
        { header: 'No', width: no!, align: 'center' },
        { header: '変更の概要', width: summary! },
        { header: '変更後の内容', width: after! },
        { header: '変更前の内容', width: before! },
      ],
      report.changes.map((c) => [
        { paragraphs: [String(c.no)] },
        { paragraphs: [c.summary] },
        { paragraphs: c.after },
        { paragraphs: c.before },
      ]),
    );
    h2(h.changes, table.start);
    table.draw();
  }
  if (report.changesNote) {
    layout.y -= 4;
    layout.paragraph(report.changesNote);
  }

  h2(h.schedule);
  if (report.schedule.length === 0) indented('今後の予定は決まり次第お知らせします。');
  for (const item of report.schedule) indented(`${item.when}　${item.what}`);

  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = `${i + 1} / ${pages.length}`;
    const size = 9;
    page.drawText(label, {
      x: (a4.width - layout.textWidth(label, regular, size)) / 2,
      y: 30,
      size,
      font: regular,
      color: grey,
    });
  });

  doc.setTitle(report.title, { showInWindowTitleBar: true });
  doc.setAuthor(`${report.cityName} ${report.departmentName}`);
  doc.setSubject(`${report.subject}に係るパブリックコメントの実施結果（${report.publishedOnText}公表）`);
  doc.setLanguage('ja');
  doc.setProducer('デジタル市役所');
  doc.setCreator('デジタル市役所 パブリックコメント');
  return doc.save();
}
