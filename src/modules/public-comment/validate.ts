// Checks of what staff and residents send in, each with a Japanese message tied to its field. Text is
// refused (not silently changed) when it holds control characters or broken Unicode.
import { cleanText } from '../../platform/forms/index.ts';
import { parseDateField } from '../../platform/forms/parse.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { defaultClosesOn, type ScheduleItem, type SubmissionMethod, submissionMethods, type Topic } from './model.ts';

export { failValidation as fail } from '../../platform/http/errors.ts';

/** Text with control characters (tab and line breaks aside) or lone surrogates. */
export function hasBadText(value: string): boolean {
  return cleanText(value) !== value;
}

/** Trimmed text, with its line breaks normalised to \n; problems go to `errors`. */
export function parseText(
  value: string | undefined,
  errors: FieldError[],
  field: string,
  label: string,
  options: { required?: boolean; max: number },
): string {
  const text = (value ?? '').replace(/\r\n?/g, '\n').trim();
  if (hasBadText(text)) {
    errors.push({ field, message: `${label}に使えない文字（制御文字など）が含まれています。文字を確かめてください。` });
  } else if (options.required && text === '') {
    errors.push({ field, message: `${label}を入力してください。` });
  } else if (text.length > options.max) {
    errors.push({
      field,
      message: `${label}は${options.max.toLocaleString('ja-JP')}文字以内で入力してください（いま${text.length.toLocaleString('ja-JP')}文字）。`,
    });
  }
  return text;
}

export function parseDay(value: string | undefined, errors: FieldError[], field: string, label: string): string {
  return parseDateField(value, errors, field, label);
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** 「ア プランの取組の方向性に関すること」: a short code, a space, the title — one topic per line. */
export function parseTopics(value: string | undefined, errors: FieldError[]): Topic[] {
  const topics: Topic[] = [];
  for (const line of lines(value)) {
    const match = /^(\S{1,4})[\s　]+(.+)$/.exec(line);
    if (!match || hasBadText(line) || match[2]!.length > 200) {
      errors.push({
        field: 'topics',
        message: `項目「${line.slice(0, 40)}」は「記号 項目名」の形で1行に1つ書いてください（例: ア プランの取組の方向性に関すること）。`,
      });
      continue;
    }
    if (topics.some((t) => t.code === match[1])) {
      errors.push({ field: 'topics', message: `項目の記号「${match[1]}」が重複しています。` });
      continue;
    }
    topics.push({ code: match[1]!, title: match[2]!.trim() });
  }
  if (topics.length === 0 && errors.every((e) => e.field !== 'topics')) {
    errors.push({
      field: 'topics',
      message: '意見を分類する項目を1つ以上入力してください（例: ア プラン全般に関すること）。',
    });
  }
  if (topics.length > 30) errors.push({ field: 'topics', message: '項目は30個までです。' });
  return topics;
}

/** 「令和8年3月　「川崎市DX推進プラン」改定」: when, a space (or tab), what — one per line. */
export function parseSchedule(value: string | undefined, errors: FieldError[]): ScheduleItem[] {
  const items: ScheduleItem[] = [];
  for (const line of lines(value)) {
    const match = /^(\S+)[\s　]+(.+)$/.exec(line);
    if (!match || hasBadText(line) || line.length > 300) {
      errors.push({
        field: 'schedule',
        message: `今後の予定「${line.slice(0, 40)}」は「時期 内容」の形で書いてください（例: 令和8年3月 プラン改定）。`,
      });
      continue;
    }
    items.push({ when: match[1]!, what: match[2]!.trim() });
  }
  return items;
}

export function parseMethods(values: string[], errors: FieldError[]): SubmissionMethod[] {
  const chosen = submissionMethods.filter((m) => values.includes(m));
  if (chosen.length === 0) errors.push({ field: 'methods', message: '意見の提出方法を1つ以上選んでください。' });
  if (values.some((v) => !(submissionMethods as readonly string[]).includes(v))) {
    errors.push({ field: 'methods', message: '提出方法の選択が正しくありません。' });
  }
  return chosen;
}

/** The period, the closing day defaulting to 30 days (inclusive) from the opening day. */
export function parsePeriod(
  opens: string | undefined,
  closes: string | undefined,
  errors: FieldError[],
): { opensOn: string; closesOn: string } {
  const opensOn = parseDay(opens, errors, 'opensOn', '募集開始日');
  const closesOn =
    (closes ?? '').trim() === ''
      ? opensOn
        ? defaultClosesOn(opensOn)
        : ''
      : parseDay(closes, errors, 'closesOn', '募集終了日');
  if (opensOn && closesOn && closesOn < opensOn) {
    errors.push({ field: 'closesOn', message: '募集終了日は募集開始日より後の日にしてください。' });
  }
  return { opensOn, closesOn };
}
