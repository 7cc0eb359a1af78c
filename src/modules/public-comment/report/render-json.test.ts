// The JSON download: versioned, stable, and its counts agree with the opinions it lists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dxPlanReportInput } from '../demo/dx-plan.ts';
import { buildResultReport } from './build-report.ts';
import { type ReportJson, reportJson, reportJsonFormat } from './render-json.ts';
import { randomReportInput, seededRandom } from './test-support.ts';

function assertCountsMatchListedOpinions(json: ReportJson): void {
  const opinions = json.topics.flatMap((t) => t.opinions);
  assert.equal(json.opinionCount, opinions.length);
  assert.equal(json.counts.length, json.topics.length + 1);
  json.topics.forEach((topic, i) => {
    const row = json.counts[i]!;
    assert.equal(row.topicCode, topic.code);
    assert.deepEqual(
      Object.keys(row.byClass),
      json.classes.map((c) => c.code),
    );
    for (const c of json.classes) {
      assert.equal(row.byClass[c.code], topic.opinions.filter((o) => o.classCode === c.code).length);
    }
    assert.equal(row.total, topic.opinions.length);
  });
  const total = json.counts.at(-1)!;
  assert.equal(total.topicCode, 'total');
  for (const c of json.classes) {
    assert.equal(total.byClass[c.code], opinions.filter((o) => o.classCode === c.code).length);
  }
  assert.equal(total.total, opinions.length);
}

test('the demo as JSON: format version, the published counts, and counts equal to the opinions listed', () => {
  const json = JSON.parse(JSON.stringify(reportJson(buildResultReport(dxPlanReportInput())))) as ReportJson;
  assert.equal(json.format, reportJsonFormat);
  assert.equal(json.format, 'cityhall.public-comment-result/1');
  assert.equal(json.submissionCount, 4);
  assert.equal(json.opinionCount, 10);
  assert.deepEqual(json.period, {
    from: '2025-12-03',
    to: '2026-01-05',
    text: '令和7年12月3日（水）から令和8年1月5日（月）まで',
  });
  assert.deepEqual(json.counts.at(-1), {
    topicCode: 'total',
    label: '合計',
    byClass: { A: 0, B: 6, C: 1, D: 3, E: 0 },
    total: 10,
  });
  assert.equal(json.topics[0]!.label, 'ア プランの取組の方向性に関すること');
  assert.equal(json.changes.length, 4);
  assertCountsMatchListedOpinions(json);
});

test('the shape is stable: exactly these top-level keys, in this order', () => {
  const json = reportJson(buildResultReport(dxPlanReportInput()));
  assert.deepEqual(Object.keys(json), [
    'format',
    'title',
    'subject',
    'cityName',
    'departmentName',
    'publishedOn',
    'publishedOnText',
    'background',
    'period',
    'methodsText',
    'announcementsText',
    'submissionCount',
    'opinionCount',
    'overview',
    'classes',
    'topics',
    'counts',
    'changes',
    'changesNote',
    'schedule',
  ]);
});

test('property: for random reports the JSON counts equal the opinions it lists', () => {
  const random = seededRandom(99);
  for (let i = 0; i < 200; i++)
    assertCountsMatchListedOpinions(reportJson(buildResultReport(randomReportInput(random))));
});
