// What still stands between the analysis and a publishable result, each problem with the place to fix
// it: submissions not yet split, opinions without topic, view or class, and personal data of submitters
// (their name or contact, or anything that looks like an e-mail address, phone number or postal code) in
// text about to be published. Publication refuses while any remain.
import type { Consultation, Opinion, Submission } from '../model.ts';

export interface PublicationProblem {
  kind: 'unsplit_submission' | 'incomplete_opinion' | 'personal_data' | 'missing_text';
  message: string;
  /** Anchor on the staff page: #submission-<id>, #opinion-<id>, #result-texts. */
  href: string;
}

const patterns: { label: string; pattern: RegExp }[] = [
  { label: 'メールアドレス', pattern: /[\w.+-]+@[\w-]+(\.[\w-]+)+/ },
  { label: '電話番号', pattern: /(?<![\d,])0\d{1,4}[-‐－ー−(（)）\s]?\d{1,4}[-‐－ー−)）\s]?\d{3,4}(?![\d,])/ },
  { label: '郵便番号', pattern: /〒\s*\d{3}[-‐－ー−]?\d{4}|(?<!\d)\d{3}[-‐－ー−]\d{4}(?![\d-])/ },
];

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** Labels of the kinds of personal data found in `text` (the submitter's own name and contact included). */
export function findPersonalData(text: string, submitter: { name: string | null; contact: string | null }): string[] {
  const found = patterns.filter((p) => p.pattern.test(text.normalize('NFKC'))).map((p) => p.label);
  const flat = squash(text);
  if (submitter.name && squash(submitter.name).length >= 2 && flat.includes(squash(submitter.name)))
    found.push('提出者の氏名');
  if (submitter.contact && squash(submitter.contact).length >= 4 && flat.includes(squash(submitter.contact))) {
    found.push('提出者の連絡先');
  }
  return [...new Set(found)];
}

export function checkPublication(
  consultation: Consultation,
  submissions: Submission[],
  opinions: Opinion[],
): PublicationProblem[] {
  const problems: PublicationProblem[] = [];
  if (consultation.background.trim() === '') {
    problems.push({ kind: 'missing_text', message: '「1 経過」の文章を入力してください。', href: '#result-texts' });
  }
  const bySubmission = new Map<string, Opinion[]>();
  for (const o of opinions) bySubmission.set(o.submissionId, [...(bySubmission.get(o.submissionId) ?? []), o]);
  for (const s of submissions) {
    if (s.excludedReason === null && !bySubmission.has(s.id)) {
      problems.push({
        kind: 'unsplit_submission',
        message: `受付番号 ${s.receiptNumber} の提出が、まだ意見に分けられていません（対象外にする場合は理由を記録してください）。`,
        href: `#submission-${s.id}`,
      });
    }
  }
  const submitters = new Map(submissions.map((s) => [s.id, s]));
  opinions.forEach((o, i) => {
    const label = `意見 ${i + 1}（${o.summary.slice(0, 20)}…）`;
    const missing = [
      ...(o.topicCode && o.topicConfirmed ? [] : ['項目の確定']),
      ...(o.response.trim() ? [] : ['本市の考え方']),
      ...(o.classCode ? [] : ['対応区分']),
    ];
    if (missing.length > 0) {
      problems.push({
        kind: 'incomplete_opinion',
        message: `${label}: ${missing.join('・')}が未入力です。`,
        href: `#opinion-${o.id}`,
      });
    }
    const submitter = submitters.get(o.submissionId);
    const found = findPersonalData(`${o.summary}\n${o.response}`, {
      name: submitter?.name ?? null,
      contact: submitter?.contact ?? null,
    });
    if (found.length > 0) {
      problems.push({
        kind: 'personal_data',
        message: `${label}: 個人情報（${found.join('・')}）が含まれている可能性があります。伏せ字にするか、書き直してください。`,
        href: `#opinion-${o.id}`,
      });
    }
  });
  return problems;
}
