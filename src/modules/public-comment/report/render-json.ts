// The result report as open data: a stable, versioned JSON shape. Keys are written out one by one (not
// spread from the report) so that a field added to ResultReport for the page does not change the
// published format by accident; a change to this shape gets a new `format` version.
import { topicLabel } from './build-report.ts';
import type { ResultReport } from './types.ts';

export const reportJsonFormat = 'cityhall.public-comment-result/1';

export interface ReportJson {
  format: typeof reportJsonFormat;
  title: string;
  subject: string;
  cityName: string;
  departmentName: string;
  /** ISO date, and as printed (令和8年2月9日). */
  publishedOn: string;
  publishedOnText: string;
  background: string[];
  period: { from: string; to: string; text: string };
  methodsText: string;
  announcementsText: string;
  submissionCount: number;
  opinionCount: number;
  overview: string[];
  classes: { code: string; label: string }[];
  topics: {
    code: string;
    title: string;
    label: string;
    opinions: { no: number; classCode: string; summary: string[]; response: string[] }[];
  }[];
  /** One row per topic, then the 合計 row (topicCode 'total'); `byClass` is keyed by class code. */
  counts: { topicCode: string; label: string; byClass: Record<string, number>; total: number }[];
  changes: { no: number; summary: string; after: string[]; before: string[] }[];
  changesNote: string;
  schedule: { when: string; what: string }[];
}

export function reportJson(report: ResultReport): ReportJson {
  return {
    format: reportJsonFormat,
    title: report.title,
    subject: report.subject,
    cityName: report.cityName,
    departmentName: report.departmentName,
    publishedOn: report.publishedOn,
    publishedOnText: report.publishedOnText,
    background: [...report.background],
    period: { from: report.period.from, to: report.period.to, text: report.period.text },
    methodsText: report.methodsText,
    announcementsText: report.announcementsText,
    submissionCount: report.submissionCount,
    opinionCount: report.opinionCount,
    overview: [...report.overview],
    classes: report.classes.map((c) => ({ code: c.code, label: c.label })),
    topics: report.topics.map((topic) => ({
      code: topic.code,
      title: topic.title,
      label: topicLabel(topic),
      opinions: topic.opinions.map((o) => ({
        no: o.no,
        classCode: o.classCode,
        summary: [...o.summary],
        response: [...o.response],
      })),
    })),
    counts: report.counts.map((row) => ({
      topicCode: row.topicCode,
      label: row.label,
      byClass: Object.fromEntries(report.classes.map((c, i) => [c.code, row.counts[i] ?? 0])),
      total: row.total,
    })),
    changes: report.changes.map((c) => ({ no: c.no, summary: c.summary, after: [...c.after], before: [...c.before] })),
    changesNote: report.changesNote,
    schedule: report.schedule.map((s) => ({ when: s.when, what: s.what })),
  };
}
