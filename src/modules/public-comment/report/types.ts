// The result report of a public comment (パブリックコメントの実施結果), as data. `buildResultReport` turns
// a consultation's records into a `ResultReport`; the HTML page, the PDF, the CSV and the JSON are all
// rendered from that one value, so they cannot disagree. The structure follows the city's own reports:
// 1 経過, 2 意見募集の概要, 3 結果の概要, 4 御意見の内容と対応, 5 変更点, 6 今後の予定.

/** How opinions could be sent in. Labels (意見提出フォーム, 郵送, FAX, 持参) come from the report builder. */
export type SubmissionMethod = 'web' | 'post' | 'fax' | 'in_person';

export interface ReportInput {
  /** 川崎市 */
  cityName: string;
  /** The department that ran the consultation, as printed: 総務企画局 */
  departmentName: string;
  /** What was consulted on, as it reads inside the sentence: 「川崎市DX推進プラン」の改定案 */
  subject: string;
  /** ISO date the result is published (YYYY-MM-DD). */
  publishedOn: string;
  /** 1 経過: the staff-written opening (why the plan was drafted and consulted on). The builder adds the
   * sentence with the counts (その結果、4通10件の御意見をいただきましたので…). */
  background: string;
  /** Inclusive period, ISO dates. */
  period: { from: string; to: string };
  methods: SubmissionMethod[];
  /** (3) 募集の周知方法: 市政だより, 市ホームページ … */
  announcements: string[];
  /** 通: how many submissions were received (counted, not split). */
  submissionCount: number;
  /** Staff-written paragraphs opening section 4 (改定案の内容に対する御意見として…). */
  overview: string[];
  /** The tenant's response classes (対応区分) in order: A 御意見を踏まえ、当初案に反映したもの … */
  classes: { code: string; label: string }[];
  /** The topics (項目) opinions were sorted under, in order: ア プランの取組の方向性に関すること … */
  topics: { code: string; title: string }[];
  /** Every published opinion (件), in the order staff arranged them within their topic. Text may have
   * several paragraphs separated by blank lines or newlines. Personal data is already removed. */
  opinions: { topicCode: string; summary: string; response: string; classCode: string }[];
  /** 5 改定案からの変更点, in order. */
  changes: { summary: string; after: string; before: string }[];
  /** A closing note under the changes table (※その他用語・用字の修正など、所要の整備を行っています。). */
  changesNote: string;
  /** 6 今後の予定: e.g. { when: '令和8年3月', what: '「川崎市DX推進プラン」改定' }. */
  schedule: { when: string; what: string }[];
}

export interface CountRow {
  /** Topic code (ア) or 'total' for the 合計 row. */
  topicCode: string;
  /** 'ア プランの取組の方向性に関すること', or '合計'. */
  label: string;
  /** One count per class, in the order of `classes`. */
  counts: number[];
  /** 計: the row's sum. */
  total: number;
}

export interface NumberedOpinion {
  /** No: 1, 2, 3 … across the whole report (not restarting per topic). */
  no: number;
  topicCode: string;
  summary: string[];
  response: string[];
  classCode: string;
}

export interface ResultReport {
  /** 川崎市DX推進プランの改定案に係るパブリックコメントの実施結果について (brackets of the subject dropped
   * the way the city writes it: 「…」の改定案 → …の改定案). */
  title: string;
  /** As given in the input (「川崎市DX推進プラン」の改定案); kept so a renderer can name the draft: 改定案からの変更点. */
  subject: string;
  cityName: string;
  departmentName: string;
  publishedOn: string;
  /** 令和8年2月9日 */
  publishedOnText: string;
  /** Paragraphs of 1 経過, the generated counts sentence included. */
  background: string[];
  period: { from: string; to: string; text: string };
  /** 意見提出フォーム、郵送、FAX、持参 (in the order given) */
  methodsText: string;
  announcementsText: string;
  submissionCount: number;
  opinionCount: number;
  overview: string[];
  classes: { code: string; label: string }[];
  topics: { code: string; title: string; opinions: NumberedOpinion[] }[];
  /** Rows per topic, then the 合計 row (topicCode 'total'). */
  counts: CountRow[];
  changes: { no: number; summary: string; after: string[]; before: string[] }[];
  changesNote: string;
  schedule: { when: string; what: string }[];
}
