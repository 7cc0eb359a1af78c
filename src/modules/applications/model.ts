// An application (申請) as every part of this module sees it, and the standard case workflow.
import type { CaseStatus, WorkflowDefinition } from '../procedures/definition.ts';

export type Status = 'draft' | CaseStatus;
export type Channel = 'online' | 'counter' | 'post';

export interface Application {
  id: string;
  receiptNumber: string | null;
  procedureCode: string;
  procedureName: string;
  department: string;
  wardCode: string | null;
  status: Status;
  channel: Channel;
  actorId: string;
  onBehalfOf: string;
  viaProxyGrant: string | null;
  businessId: string | null;
  applicantName: string;
  notifyEmail: string | null;
  answers: Record<string, unknown>;
  hasSecrets: boolean;
  prefilled: Record<string, string>;
  feeAmount: number;
  paymentStatus: 'none' | 'pending' | 'paid' | 'refunded';
  correction: Correction | null;
  assignedTo: string | null;
  dueDate: string | null;
  documentId: string | null;
  verificationCode: string | null;
  decisionReason: string | null;
  jpkiSignature: { issuer: string; serialNumber: string } | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** 補正: the fields staff ask to change, each with a message, and a message for the whole request. */
export interface Correction {
  message: string;
  fields: Record<string, string>;
  requestedAt: string;
  requestedBy: string;
}

/** The default workflow: submitted → in review → correction ⇄ resubmitted → approved / rejected → issued → closed. */
export const defaultTransitions: Record<CaseStatus, CaseStatus[]> = {
  submitted: ['in_review', 'withdrawn', 'rejected'],
  in_review: ['correction_requested', 'approved', 'rejected', 'withdrawn'],
  correction_requested: ['resubmitted', 'withdrawn', 'rejected'],
  resubmitted: ['in_review', 'correction_requested', 'approved', 'rejected', 'withdrawn'],
  approved: ['issued', 'closed'],
  rejected: ['closed'],
  issued: ['closed'],
  closed: [],
  withdrawn: [],
};

export function canMove(workflow: WorkflowDefinition | undefined, from: Status, to: CaseStatus): boolean {
  if (from === 'draft') return false;
  const table = { ...defaultTransitions, ...(workflow?.transitions ?? {}) };
  return table[from]?.includes(to) ?? false;
}

/** Statuses in which the applicant may still withdraw (取下げ). */
export const withdrawable: Status[] = ['submitted', 'in_review', 'correction_requested', 'resubmitted'];

/** Cases still on someone's desk (for the inbox and overdue highlighting). */
export const openStatuses: Status[] = ['submitted', 'in_review', 'correction_requested', 'resubmitted', 'approved'];

export function rowToApplication(row: Record<string, any>): Application {
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    department: row.department,
    wardCode: row.ward_code,
    status: row.status,
    channel: row.channel,
    actorId: row.actor_id,
    onBehalfOf: row.on_behalf_of,
    viaProxyGrant: row.via_proxy_grant,
    businessId: row.business_id,
    applicantName: row.applicant_name,
    notifyEmail: row.notify_email,
    answers: row.answers ?? {},
    hasSecrets: row.secret_answers !== null && row.secret_answers !== undefined,
    prefilled: row.prefilled ?? {},
    feeAmount: row.fee_amount,
    paymentStatus: row.payment_status,
    correction: row.correction,
    assignedTo: row.assigned_to,
    dueDate: row.due_date ? toIsoDate(row.due_date) : null,
    documentId: row.document_id,
    verificationCode: row.verification_code,
    decisionReason: row.decision_reason,
    jpkiSignature: row.jpki_signature,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toIsoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  // `date` columns come back as local midnight; format in local time so the day does not shift.
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}
