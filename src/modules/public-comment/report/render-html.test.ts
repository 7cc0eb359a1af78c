// The report page body: sections and headings as the city's report, the counts table readable through its
// data attributes and equal to the opinion rows shown, accessible tables, and every value escaped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dxPlanReportInput } from '../demo/dx-plan.ts';
import { buildResultReport } from './build-report.ts';
import { renderReportHtml } from './render-html.ts';
import { randomReportInput, seededRandom } from './test-support.ts';
import type { ReportInput, ResultReport } from './types.ts';

const demo = buildResultReport(dxPlanReportInput());

/** The text of an element with its tags removed and the entities the escaper writes undone. */
function text(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

function countCell(markup: string, topic: string, cls: string): number {
  const m = new RegExp(`<td[^>]* data-topic="${topic}" data-class="${cls}">(\\d+)</td>`).exec(markup);
  assert.ok(m, `counts cell ${topic} × ${cls}`);
  return Number(m[1]);
}

function opinionRows(markup: string): { no: number; summary: string[]; response: string[]; cls: string }[] {
  const rows = [...markup.matchAll(/<tr data-opinion-no="(\d+)">([\s\S]*?)<\/tr>/g)];
  return rows.map(([, no, row]) => {
    const field = (name: string) => new RegExp(`<td data-field="${name}">([\\s\\S]*?)</td>`).exec(row!)?.[1] ?? '';
    const paras = (cell: string) => [...cell.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((p) => text(p[1]!));
    return {
      no: Number(no),
      summary: paras(field('summary')),
      response: paras(field('response')),
      cls: field('class'),
    };
  });
}

test('the demo: sections 1 to 6 from <h2>, no <h1>, the published texts', () => {
  const markup = renderReportHtml(demo).value;
  assert.doesNotMatch(markup, /<h1/);
  assert.deepEqual(
    [...markup.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]),
    ['1 経過', '2 意見募集の概要', '3 結果の概要', '4 御意見の内容と対応', '5 改定案からの変更点', '6 今後の予定'],
  );
  assert.deepEqual(
    [...markup.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]),
    [
      '(1) 意見の募集期間',
      '(2) 意見の提出方法',
      '(3) 募集の周知方法',
      '(1) 意見提出数',
      '(2) 意見数',
      '(1) 対応区分',
      '(2) 意見の件数と対応区分',
      '(3) 各意見の内容',
    ],
  );
  assert.deepEqual(
    [...markup.matchAll(/<h4>([^<]*)<\/h4>/g)].map((m) => m[1]),
    ['ア プランの取組の方向性に関すること', 'イ プランのその他全般に関すること', 'ウ その他の個別の取組に関すること'],
  );
  assert.ok(markup.includes('<p>令和7年12月3日（水）から令和8年1月5日（月）まで</p>'));
  assert.ok(markup.includes('<p>意見提出フォーム、郵送、FAX、持参</p>'));
  assert.ok(markup.includes('>4通</p>') && markup.includes('>10件</p>'));
  assert.ok(markup.includes('4通10件の御意見をいただきましたので'));
  assert.ok(markup.includes('<p>※その他用語・用字の修正など、所要の整備を行っています。</p>'));
  assert.ok(markup.includes('<dt>令和8年3月</dt><dd>「川崎市DX推進プラン」改定</dd>'));
  assert.equal([...markup.matchAll(/<tr data-change-no="\d">/g)].length, 4);
});

test('the counts table, read through its data attributes, is the published table', () => {
  const markup = renderReportHtml(demo).value;
  assert.match(markup, /<table [^>]*data-counts-table>/);
  const expected: Record<string, number[]> = {
    ア: [0, 5, 0, 3, 0, 8],
    イ: [0, 1, 0, 0, 0, 1],
    ウ: [0, 0, 1, 0, 0, 1],
    total: [0, 6, 1, 3, 0, 10],
  };
  for (const [topic, counts] of Object.entries(expected)) {
    ['A', 'B', 'C', 'D', 'E', 'total'].forEach((cls, i) => {
      assert.equal(countCell(markup, topic, cls), counts[i], `${topic} × ${cls}`);
    });
  }
  assert.match(markup, /<tfoot><tr data-topic="total"><th scope="row">合計<\/th>/);
});

test('every opinion is a row with its No, its paragraphs as <p> and its class', () => {
  const rows = opinionRows(renderReportHtml(demo).value);
  const opinions = demo.topics.flatMap((t) => t.opinions);
  assert.equal(rows.length, opinions.length);
  rows.forEach((row, i) => {
    const opinion = opinions[i]!;
    assert.equal(row.no, opinion.no);
    assert.deepEqual(row.summary, opinion.summary);
    assert.deepEqual(row.response, opinion.response);
    assert.equal(row.cls, opinion.classCode);
  });
  assert.equal(rows[0]!.summary.length, 2, 'a two-paragraph summary is two <p>');
});

test('accessible tables: a caption each, column headers with scope="col", row headers with scope="row"', () => {
  const markup = renderReportHtml(demo).value;
  const tables = [...markup.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
  assert.equal(tables.length, 1 + 1 + 3 + 1, '対応区分, counts, one per topic, changes');
  for (const table of tables) {
    assert.match(table, /<caption>[^<]+<\/caption>/);
    for (const th of table.matchAll(/<th[\s>][^>]*>?/g)) assert.match(th[0], /scope="(col|row)"/, th[0]);
    const thead = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
    assert.ok(thead.includes('scope="col"'));
    assert.doesNotMatch(thead, /scope="row"/);
  }
  // Each wide table scrolls in a named, focusable region.
  assert.equal(
    [...markup.matchAll(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+">/g)].length,
    6,
  );
});

test('text from residents and staff is escaped, never markup', () => {
  const input: ReportInput = {
    ...dxPlanReportInput(),
    submissionCount: 1,
    opinions: [
      {
        topicCode: 'ア',
        summary: '<script>alert("x")</script>\n<b>太字</b> & \'引用\'',
        response: '<img src=x onerror=alert(1)>',
        classCode: 'B',
      },
    ],
  };
  const markup = renderReportHtml(buildResultReport(input)).value;
  assert.doesNotMatch(markup, /<script|<img|<b>/);
  assert.ok(markup.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.deepEqual(opinionRows(markup)[0]!.summary, ['<script>alert("x")</script>', "<b>太字</b> & '引用'"]);
});

test('no opinions: the counts table is all zero and the report says there were none', () => {
  const report = buildResultReport({ ...dxPlanReportInput(), submissionCount: 0, opinions: [], changes: [] });
  const markup = renderReportHtml(report).value;
  assert.equal(countCell(markup, 'total', 'total'), 0);
  assert.ok(markup.includes('<p>御意見はありませんでした。</p>'));
  assert.ok(markup.includes('御意見の提出はありませんでした'));
  assert.ok(markup.includes('<p>変更はありません。</p>'));
  assert.equal(opinionRows(markup).length, 0);
});

function assertHtmlCountsMatchRows(report: ResultReport): void {
  const markup = renderReportHtml(report).value;
  // Opinion rows under each topic's <h4>, as a reader sees them.
  const sections = markup.split('<h4>').slice(1);
  const rowsByTopic = new Map<string, ReturnType<typeof opinionRows>>();
  report.topics.forEach((topic, i) => {
    rowsByTopic.set(topic.code, report.opinionCount === 0 ? [] : opinionRows(sections[i] ?? ''));
  });
  let grand = 0;
  for (const topic of report.topics) {
    const rows = rowsByTopic.get(topic.code)!;
    for (const c of report.classes) {
      assert.equal(countCell(markup, topic.code, c.code), rows.filter((r) => r.cls === c.code).length);
    }
    assert.equal(countCell(markup, topic.code, 'total'), rows.length);
    grand += rows.length;
  }
  for (const c of report.classes) {
    const shown = [...rowsByTopic.values()].flat().filter((r) => r.cls === c.code).length;
    assert.equal(countCell(markup, 'total', c.code), shown, `合計 × ${c.code}`);
  }
  assert.equal(countCell(markup, 'total', 'total'), grand);
  assert.deepEqual(
    [...rowsByTopic.values()].flat().map((r) => r.no),
    Array.from({ length: grand }, (_, i) => i + 1),
  );
}

test('property: for random reports the counts shown equal the opinion rows shown', () => {
  const random = seededRandom(42);
  for (let i = 0; i < 200; i++) assertHtmlCountsMatchRows(buildResultReport(randomReportInput(random)));
  assertHtmlCountsMatchRows(demo);
});
