// The report builder: the DX plan demo reproduces the published report's table and texts; numbering and
// counts agree for any report (random ones from a seeded generator); bad input is refused in Japanese.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dxPlanDemo, dxPlanReportInput } from '../demo/dx-plan.ts';
import { buildResultReport, formatDateWithWeekday, ReportError, reportHeadings } from './build-report.ts';
import { kawasakiResponseClasses } from './classes.ts';
import { randomReportInput, seededRandom } from './test-support.ts';
import type { ReportInput, ResultReport } from './types.ts';

test('the DX plan demo gives the published counts table, cell by cell, 4通 10件 and the period text', () => {
  const report = buildResultReport(dxPlanReportInput());
  assert.equal(report.title, '川崎市DX推進プランの改定案に係るパブリックコメントの実施結果について');
  assert.equal(report.submissionCount, 4);
  assert.equal(report.opinionCount, 10);
  assert.equal(report.period.text, '令和7年12月3日（水）から令和8年1月5日（月）まで');
  assert.equal(report.publishedOnText, '令和8年2月9日');
  assert.deepEqual(
    report.classes.map((c) => c.code),
    ['A', 'B', 'C', 'D', 'E'],
  );
  // The table of 4 (2) 意見の件数と対応区分, as published.
  const seed: [string, string, number[], number][] = [
    ['ア', 'ア プランの取組の方向性に関すること', [0, 5, 0, 3, 0], 8],
    ['イ', 'イ プランのその他全般に関すること', [0, 1, 0, 0, 0], 1],
    ['ウ', 'ウ その他の個別の取組に関すること', [0, 0, 1, 0, 0], 1],
    ['total', '合計', [0, 6, 1, 3, 0], 10],
  ];
  assert.equal(report.counts.length, seed.length);
  seed.forEach(([topicCode, label, counts, total], i) => {
    const row = report.counts[i]!;
    assert.equal(row.topicCode, topicCode);
    assert.equal(row.label, label);
    counts.forEach((n, c) => {
      assert.equal(row.counts[c], n, `${label} ${report.classes[c]!.code}`);
    });
    assert.equal(row.total, total, `${label} 計`);
  });
  // The published report's class column, No 1 to 10.
  const classes = report.topics.flatMap((t) => t.opinions.map((o) => `${o.no}${o.classCode}`));
  assert.deepEqual(classes, ['1D', '2B', '3B', '4B', '5B', '6D', '7B', '8D', '9B', '10C']);
});

test('the demo: every submission is inside the period, and the texts read as the published report', () => {
  for (const s of dxPlanDemo.submissions) {
    assert.ok(s.receivedOn >= dxPlanDemo.period.from && s.receivedOn <= dxPlanDemo.period.to, s.receivedOn);
    assert.ok(s.text.length > 0 && s.opinions.length > 0);
  }
  assert.equal(dxPlanDemo.classes, kawasakiResponseClasses);
  const report = buildResultReport(dxPlanReportInput());
  assert.equal(report.methodsText, '意見提出フォーム、郵送、FAX、持参');
  assert.equal(
    report.announcementsText,
    '市政だより、市ホームページ、かわさき情報プラザ、各区役所市政資料コーナー、支所・出張所、市民館、図書館（分館含む）、総務企画局デジタル化施策推進室にて資料閲覧',
  );
  assert.ok(
    report.background
      .at(-1)!
      .endsWith(
        'その結果、4通10件の御意見をいただきましたので、意見募集の概要、御意見の内容及び御意見に対する本市の考え方を次のとおり公表します。',
      ),
  );
  assert.equal(report.overview.length, 2);
  assert.deepEqual(
    report.changes.map((c) => c.no),
    [1, 2, 3, 4],
  );
  assert.deepEqual(report.changes[0]!.after.length, 2, 'a change splits into paragraphs on newlines');
  assert.equal(reportHeadings(report).changes, '5 改定案からの変更点');
  assert.deepEqual(report.schedule, [{ when: '令和8年3月', what: '「川崎市DX推進プラン」改定' }]);
});

test('weekdays are those of the calendar date, whatever the time zone of the server', () => {
  assert.equal(formatDateWithWeekday('2019-05-01'), '令和元年5月1日（水）');
  assert.equal(formatDateWithWeekday('2026-01-05'), '令和8年1月5日（月）');
  assert.equal(formatDateWithWeekday('2024-02-29'), '令和6年2月29日（木）');
  assert.equal(formatDateWithWeekday('2025-12-31'), '令和7年12月31日（水）');
});

function base(overrides: Partial<ReportInput> = {}): ReportInput {
  return { ...dxPlanReportInput(), ...overrides };
}

test('opinions are numbered 1..n in topic order, input order kept within a topic; paragraphs split on newlines', () => {
  const report = buildResultReport(
    base({
      submissionCount: 2,
      opinions: [
        { topicCode: 'ウ', summary: 'ウの一', response: '考え方', classCode: 'C' },
        { topicCode: 'ア', summary: 'アの一\n\n  \r\n二段落目\r\n', response: '一\n二\n三', classCode: 'B' },
        { topicCode: 'ア', summary: 'アの二', response: '考え方', classCode: 'A' },
      ],
    }),
  );
  const flat = report.topics.flatMap((t) => t.opinions);
  assert.deepEqual(
    flat.map((o) => [o.no, o.summary[0]]),
    [
      [1, 'アの一'],
      [2, 'アの二'],
      [3, 'ウの一'],
    ],
  );
  assert.deepEqual(flat[0]!.summary, ['アの一', '二段落目']);
  assert.deepEqual(flat[0]!.response, ['一', '二', '三']);
  assert.deepEqual(report.topics[1]!.opinions, [], 'a topic with no opinions stays, empty');
  assert.equal(report.counts[1]!.total, 0);
});

test('no submissions: the background says plainly that no opinions were received', () => {
  const report = buildResultReport(base({ submissionCount: 0, opinions: [] }));
  assert.ok(report.background.at(-1)!.includes('御意見の提出はありませんでした'));
  assert.doesNotMatch(report.background.join(''), /0通/);
  assert.deepEqual(report.counts.at(-1), { topicCode: 'total', label: '合計', counts: [0, 0, 0, 0, 0], total: 0 });
  const empty = buildResultReport(base({ submissionCount: 0, opinions: [], background: '' }));
  assert.equal(empty.background.length, 1, 'the sentence stands alone when staff wrote no background');
});

test('a topic or class that is not in the lists, or a bad period, is refused with a Japanese message', () => {
  const opinion = { topicCode: 'ア', summary: '要旨', response: '考え方', classCode: 'B' };
  const cases: [Partial<ReportInput>, RegExp][] = [
    [
      { opinions: [opinion, { ...opinion, topicCode: 'エ' }] },
      /2番目の御意見の項目「エ」が項目の一覧（ア、イ、ウ）にありません/,
    ],
    [
      { opinions: [{ ...opinion, classCode: 'F' }] },
      /1番目の御意見の対応区分「F」が対応区分の一覧（A、B、C、D、E）にありません/,
    ],
    [{ period: { from: '2025-12-32', to: '2026-01-05' } }, /募集期間の開始日「2025-12-32」が正しい日付ではありません/],
    [
      { period: { from: '2025-12-03', to: '2026/01/05' } },
      /募集期間の終了日「2026\/01\/05」が正しい日付ではありません/,
    ],
    [{ period: { from: '2026-01-06', to: '2026-01-05' } }, /終了日（2026-01-05）が開始日（2026-01-06）より前/],
    [{ publishedOn: '2026-02-30' }, /公表日「2026-02-30」/],
    [{ topics: [...dxPlanDemo.topics, { code: 'ア', title: '重複' }] }, /項目の記号「ア」が重複/],
    [{ topics: [{ code: 'total', title: '合計' }] }, /「total」は使えません/],
    [{ submissionCount: 0 }, /御意見が10件あるのに、意見提出数が0通/],
    [{ submissionCount: 1.5 }, /0以上の整数/],
    [{ methods: ['email' as never] }, /提出方法「email」/],
  ];
  for (const [override, message] of cases) {
    assert.throws(
      () => buildResultReport(base(override)),
      (error: unknown) => error instanceof ReportError && message.test(error.message),
      String(message),
    );
  }
  // One day is a valid period.
  assert.doesNotThrow(() => buildResultReport(base({ period: { from: '2026-01-05', to: '2026-01-05' } })));
});

test('the subject names the draft in the title and in section 5', () => {
  const report = buildResultReport(base({ subject: '「川崎市子ども・若者の未来応援プラン」の策定案' }));
  assert.equal(report.title, '川崎市子ども・若者の未来応援プランの策定案に係るパブリックコメントの実施結果について');
  assert.equal(reportHeadings(report).changes, '5 策定案からの変更点');
  assert.equal(reportHeadings({ subject: '市営住宅条例の一部改正' }).changes, '5 案からの変更点');
});

/** The counts recomputed from the numbered opinions, independently of the builder. */
function assertCountsMatchOpinions(report: ResultReport): void {
  const opinions = report.topics.flatMap((t) => t.opinions);
  assert.deepEqual(
    opinions.map((o) => o.no),
    opinions.map((_, i) => i + 1),
    'No runs 1..n',
  );
  assert.equal(report.opinionCount, opinions.length);
  assert.equal(report.counts.length, report.topics.length + 1);
  report.topics.forEach((topic, t) => {
    const row = report.counts[t]!;
    assert.equal(row.topicCode, topic.code);
    report.classes.forEach((c, i) => {
      const n = topic.opinions.filter((o) => o.classCode === c.code).length;
      assert.equal(row.counts[i], n, `${topic.code} × ${c.code}`);
    });
    assert.equal(row.total, topic.opinions.length, `${topic.code} 計`);
    assert.equal(
      row.counts.reduce((a, b) => a + b, 0),
      row.total,
      `${topic.code}: the cells add up to 計`,
    );
  });
  const total = report.counts.at(-1)!;
  assert.equal(total.topicCode, 'total');
  assert.equal(total.label, '合計');
  report.classes.forEach((c, i) => {
    assert.equal(total.counts[i], opinions.filter((o) => o.classCode === c.code).length, `合計 × ${c.code}`);
  });
  assert.equal(total.total, opinions.length, '合計 計');
  assert.equal(
    total.counts.reduce((a, b) => a + b, 0),
    total.total,
  );
}

test('property: for 500 random reports the counts table equals the numbered opinions, totals included', () => {
  const random = seededRandom(20260209);
  let empty = 0;
  for (let i = 0; i < 500; i++) {
    const input = randomReportInput(random);
    const report = buildResultReport(input);
    if (input.opinions.length === 0) empty++;
    assertCountsMatchOpinions(report);
    // Within a topic, the input order is kept.
    for (const topic of report.topics) {
      const expected = input.opinions.filter((o) => o.topicCode === topic.code).map((o) => o.summary);
      assert.deepEqual(
        topic.opinions.map((o) => o.summary.join('\n\n')),
        expected.map((s) => s.replace(/\n+/g, '\n\n')),
      );
    }
  }
  assert.ok(empty > 0, 'the generator also makes reports with no opinions');
});

test('the demo passes the same property check', () => {
  assertCountsMatchOpinions(buildResultReport(dxPlanReportInput()));
});
