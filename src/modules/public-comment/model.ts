// The shapes the public comment module works with, and the few rules every part shares: the calendar day
// in Japan, the receipt number of a submission and the limits on what can be sent in.
import type { SubmissionMethod } from './report/types.ts';

export { japanToday } from '../../platform/ja/today.ts';

export type { SubmissionMethod };
export type ConsultationStatus = 'draft' | 'open' | 'closed' | 'analysing' | 'published';
/** What a visitor sees: the status with the period applied (an open consultation past its last day is closed). */
export type { Phase as ConsultationPhase } from './feed/phase.ts';

export const submissionMethods: readonly SubmissionMethod[] = ['web', 'post', 'fax', 'in_person'];

export interface Topic {
  code: string;
  title: string;
}

export interface ResponseClass {
  code: string;
  label: string;
}

export interface ScheduleItem {
  when: string;
  what: string;
}

export interface Consultation {
  id: string;
  number: number;
  department: string;
  title: string;
  subject: string;
  summary: string;
  status: ConsultationStatus;
  opensOn: string;
  closesOn: string;
  methods: SubmissionMethod[];
  announcements: string[];
  sendTo: string;
  background: string;
  overview: string;
  changesNote: string;
  schedule: ScheduleItem[];
  classes: ResponseClass[];
  topics: Topic[];
  publishedOn: string | null;
  openedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConsultationDocument {
  id: string;
  title: string;
  fileName: string;
  contentType: 'application/pdf' | 'text/html';
  size: number;
  sha256: string;
}

export interface Submission {
  id: string;
  seq: number;
  receiptNumber: string;
  channel: SubmissionMethod;
  receivedOn: string;
  body: string;
  name: string | null;
  contact: string | null;
  scanFileName: string | null;
  duplicateOf: string | null;
  excludedReason: string | null;
  registeredBy: string | null;
  createdAt: Date;
}

export interface Opinion {
  id: string;
  submissionId: string;
  topicCode: string | null;
  topicConfirmed: boolean;
  summary: string;
  response: string;
  classCode: string | null;
  changeId: string | null;
  position: number;
}

export interface Change {
  id: string;
  position: number;
  summary: string;
  after: string;
  before: string;
}

/** Limits on a submission's text: enough for a long letter, not for a flood. */
export const bodyLimit = 20000;
export const nameLimit = 100;
export const contactLimit = 200;

/** 12-0007: the consultation's number and the submission's sequence, what a resident quotes on the phone. */
export function receiptNumber(consultationNumber: number, seq: number): string {
  return `${consultationNumber}-${String(seq).padStart(4, '0')}`;
}

/** The default period: 30 days from the opening day, counted inclusive (the city's usual 1 month). */
export function defaultClosesOn(opensOn: string, days = 30): string {
  const date = new Date(`${opensOn}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days - 1);
  return date.toISOString().slice(0, 10);
}
