// A consultation's records → the result report (パブリックコメントの実施結果) every format is rendered
// from. The numbering, the counts table and the sentence with 通 and 件 all come from one pass over the
// opinions here, so the page, the PDF, the CSV and the JSON cannot disagree with each other.
import { isIsoDate, toWareki } from '../../../platform/ja/wareki.ts';
import type { CountRow, NumberedOpinion, ReportInput, ResultReport, SubmissionMethod } from './types.ts';

export class ReportError extends Error {
  override name = 'ReportError';
}

export const submissionMethodLabels: Record<SubmissionMethod, string> = {
  web: '意見提出フォーム',
  post: '郵送',
  fax: 'FAX',
  in_person: '持参',
};

/** The topic code of the 合計 row; a topic may not use it. */
export const totalCode = 'total';

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];

/** '2025-12-03' → 令和7年12月3日（水）. The weekday of the calendar date itself, not of an instant. */
export function formatDateWithWeekday(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${toWareki(iso).text}（${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}）`;
}

/** Staff text → paragraphs: one per line, blank lines dropped. */
export function toParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** 'ア' + 'プランの取組の方向性に関すること' → the label the tables print. */
export function topicLabel(topic: { code: string; title: string }): string {
  return `${topic.code} ${topic.title}`;
}

export interface ReportHeadings {
  background: string;
  outline: string;
  results: string;
  opinions: string;
  changes: string;
  schedule: string;
}

/**
 * The six section headings, shared by the HTML and the PDF. Section 5 names the draft the way the subject
 * does: 「…」の改定案 → 5 改定案からの変更点; a subject that does not say which draft → 5 案からの変更点.
 */
export function reportHeadings(report: Pick<ResultReport, 'subject'>): ReportHeadings {
  // `?.`: a report stored before `subject` was part of it has none, and falls back to 案.
  const draft = /」の?([^「」]*案)$/.exec(report.subject?.trim() ?? '')?.[1] ?? '案';
  return {
    background: '1 経過',
    outline: '2 意見募集の概要',
    results: '3 結果の概要',
    opinions: '4 御意見の内容と対応',
    changes: `5 ${draft}からの変更点`,
    schedule: '6 今後の予定',
  };
}

function checkedDate(value: string, what: string): string {
  if (!isIsoDate(value)) throw new ReportError(`${what}「${value}」が正しい日付ではありません（例: 2025-12-03）。`);
  try {
    return toWareki(value).text;
  } catch (error) {
    throw new ReportError(`${what}「${value}」を和暦にできません。${(error as Error).message}`);
  }
}

function uniqueCodes(items: { code: string }[], what: string): Set<string> {
  const codes = new Set<string>();
  for (const { code } of items) {
    if (code.trim() === '') throw new ReportError(`${what}の記号が空です。`);
    if (codes.has(code)) throw new ReportError(`${what}の記号「${code}」が重複しています。`);
    codes.add(code);
  }
  return codes;
}

function checkInput(input: ReportInput): void {
  checkedDate(input.period.from, '意見の募集期間の開始日');
  checkedDate(input.period.to, '意見の募集期間の終了日');
  if (input.period.from > input.period.to) {
    throw new ReportError(
      `意見の募集期間の終了日（${input.period.to}）が開始日（${input.period.from}）より前になっています。`,
    );
  }
  checkedDate(input.publishedOn, '公表日');
  for (const method of input.methods) {
    if (!Object.hasOwn(submissionMethodLabels, method)) {
      throw new ReportError(`意見の提出方法「${method}」は扱えません（web、post、fax、in_person のいずれか）。`);
    }
  }
  const topics = uniqueCodes(input.topics, '項目');
  if (topics.has(totalCode)) throw new ReportError(`項目の記号に「${totalCode}」は使えません（合計の行に使います）。`);
  const classes = uniqueCodes(input.classes, '対応区分');
  input.opinions.forEach((opinion, i) => {
    if (!topics.has(opinion.topicCode)) {
      throw new ReportError(
        `${i + 1}番目の御意見の項目「${opinion.topicCode}」が項目の一覧（${[...topics].join('、')}）にありません。`,
      );
    }
    if (!classes.has(opinion.classCode)) {
      throw new ReportError(
        `${i + 1}番目の御意見の対応区分「${opinion.classCode}」が対応区分の一覧（${[...classes].join('、')}）にありません。`,
      );
    }
  });
  if (!Number.isInteger(input.submissionCount) || input.submissionCount < 0) {
    throw new ReportError(`意見提出数（${input.submissionCount}通）は0以上の整数にしてください。`);
  }
  if (input.submissionCount === 0 && input.opinions.length > 0) {
    throw new ReportError(`御意見が${input.opinions.length}件あるのに、意見提出数が0通になっています。`);
  }
}

/** Opinions grouped by topic in the order of `topics`, input order kept within a topic, No 1..n. */
function numberOpinions(input: ReportInput): ResultReport['topics'] {
  let no = 0;
  return input.topics.map((topic) => ({
    code: topic.code,
    title: topic.title,
    opinions: input.opinions
      .filter((opinion) => opinion.topicCode === topic.code)
      .map(
        (opinion): NumberedOpinion => ({
          no: ++no,
          topicCode: opinion.topicCode,
          summary: toParagraphs(opinion.summary),
          response: toParagraphs(opinion.response),
          classCode: opinion.classCode,
        }),
      ),
  }));
}

function countRows(topics: ResultReport['topics'], classes: ReportInput['classes']): CountRow[] {
  const rows = topics.map((topic): CountRow => {
    const counts = classes.map((c) => topic.opinions.filter((o) => o.classCode === c.code).length);
    return { topicCode: topic.code, label: topicLabel(topic), counts, total: topic.opinions.length };
  });
  const counts = classes.map((_, i) => rows.reduce((sum, row) => sum + row.counts[i]!, 0));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return [...rows, { topicCode: totalCode, label: '合計', counts, total }];
}

function countsSentence(submissions: number, opinions: number): string {
  if (submissions === 0) {
    return 'その結果、御意見の提出はありませんでしたので、意見募集の概要を次のとおり公表します。';
  }
  if (opinions === 0) {
    return `その結果、${submissions}通の御意見をいただきましたが、公表の対象となる御意見はありませんでしたので、意見募集の概要を次のとおり公表します。`;
  }
  return `その結果、${submissions}通${opinions}件の御意見をいただきましたので、意見募集の概要、御意見の内容及び御意見に対する本市の考え方を次のとおり公表します。`;
}

export function buildResultReport(input: ReportInput): ResultReport {
  checkInput(input);
  const topics = numberOpinions(input);
  const opinionCount = input.opinions.length;
  // The counts sentence closes the staff's last paragraph, as the city writes it.
  const background = toParagraphs(input.background);
  const sentence = countsSentence(input.submissionCount, opinionCount);
  if (background.length === 0) background.push(sentence);
  else background[background.length - 1] += sentence;

  return {
    title: `${input.subject.replace(/[「」]/g, '')}に係るパブリックコメントの実施結果について`,
    subject: input.subject,
    cityName: input.cityName,
    departmentName: input.departmentName,
    publishedOn: input.publishedOn,
    publishedOnText: toWareki(input.publishedOn).text,
    background,
    period: {
      from: input.period.from,
      to: input.period.to,
      text: `${formatDateWithWeekday(input.period.from)}から${formatDateWithWeekday(input.period.to)}まで`,
    },
    methodsText: input.methods.map((m) => submissionMethodLabels[m]).join('、'),
    announcementsText: input.announcements.join('、'),
    submissionCount: input.submissionCount,
    opinionCount,
    overview: input.overview.flatMap(toParagraphs),
    classes: input.classes.map((c) => ({ code: c.code, label: c.label })),
    topics,
    counts: countRows(topics, input.classes),
    changes: input.changes.map((change, i) => ({
      no: i + 1,
      summary: change.summary.trim(),
      after: toParagraphs(change.after),
      before: toParagraphs(change.before),
    })),
    changesNote: input.changesNote.trim(),
    schedule: input.schedule.map((s) => ({ when: s.when, what: s.what })),
  };
}
