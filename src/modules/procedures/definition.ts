// What a procedure (手続) is: the catalogue entry every other part of C3 reads. A "full" procedure also
// carries its form (JSON Schema 2020-12 + UI hints), workflow and issued-document template; the other
// ~3,100 catalogue entries describe the procedure and how it can be done, and link to their page.

import type { FormDefinition } from '../../platform/forms/types.ts';

// The form contract (JSON Schema + UI hints + steps) belongs to the platform's form engine.
export type { FormDefinition, FormStep, PrefillSource, UiHint } from '../../platform/forms/types.ts';

export const lifeEvents = [
  'birth', // 出産
  'moving', // 引越し
  'marriage', // 結婚
  'divorce', // 離婚
  'death', // おくやみ
  'school_entry', // 入園・入学
  'childcare', // 子育て
  'employment', // 就職・退職
  'turning_65', // 65歳になったら
  'care', // 介護
  'disability', // 障害
  'housing', // 住まい
  'pets', // ペット
  'starting_business', // 起業・開業
  'building', // 建築・開発
  'tax', // 税金
] as const;
export type LifeEvent = (typeof lifeEvents)[number];

/** fully online / online but one visit is needed / in person only. */
export type Availability = 'online' | 'online_with_visit' | 'in_person';

/** Why a procedure is not (fully) online; each code has a plain explanation in the messages. */
export const notOnlineReasons = [
  'original_documents', // 原本の提示・提出が必要
  'face_to_face_identity', // 対面での本人確認が法令で必要
  'diagnosis_certificate', // 医師の診断書（原本）が必要
  'physical_item', // 現物の交付・返納（手帳、鑑札、プレート等）
  'on_site_inspection', // 現地確認・立会いが必要
  'law_requires_paper', // 法令・条例が書面を定めている（改正待ち）
  'interview', // 面談・聞き取りが必要
] as const;
export type NotOnlineReason = (typeof notOnlineReasons)[number];

export type AssuranceLevel = 'none' | 'account' | 'jpki_identity' | 'jpki_signature';
export type Filer = 'resident' | 'business' | 'both';
export type PaymentMethod = 'card' | 'paypay' | 'bank_transfer' | 'cash' | 'el_qr';

export interface Localized {
  ja: string;
  jaEasy: string;
  en: string;
}

/** 手数料: none, a fixed amount, or a fixed amount per unit of a form field (e.g. ¥300 × 通数). */
export type Fee =
  | { kind: 'none' }
  | { kind: 'fixed'; amount: number }
  | { kind: 'per_unit'; amount: number; unitField: string; unitLabel: string };

export interface AttachmentSpec {
  /** Key used by the form's `file` widget (`x-ui.attachment`). */
  key: string;
  label: string;
  hint?: string;
  required: boolean;
  /** MIME types accepted, e.g. ['application/pdf', 'image/jpeg', 'image/png']. */
  types: string[];
  maxBytes: number;
}

export type CaseStatus =
  | 'submitted' // 受付
  | 'in_review' // 審査中
  | 'correction_requested' // 補正依頼中
  | 'resubmitted' // 補正済み
  | 'approved' // 承認（決定）
  | 'rejected' // 却下・不承認
  | 'issued' // 交付済み
  | 'closed' // 完了
  | 'withdrawn'; // 取下げ

export interface WorkflowDefinition {
  /** Allowed moves; the default is the standard workflow in cases/workflow.ts. */
  transitions?: Partial<Record<CaseStatus, CaseStatus[]>>;
  /** Whether an approval issues a document (certificate or decision notice). */
  issuesDocument: boolean;
}

/** The issued document (交付物): a certificate or a decision notice, filled from the case. */
export interface DocumentTemplate {
  kind: 'certificate' | 'decision' | 'permit' | 'receipt';
  /** e.g. 住民票の写し, 児童手当 認定通知書 */
  title: string;
  /**
   * Lines of the body. `{{path}}` takes a value from the answers (`{{applicant.familyName}}`) or the case
   * (`{{case.receiptNumber}}`, `{{case.decidedAt}}` in 和暦, `{{case.applicantName}}`).
   */
  body: string[];
  /** Rows of a table (label, value template), e.g. 氏名 / 生年月日 / 住所. */
  table?: { label: string; value: string }[];
  /** Who issues it, e.g. 川崎市長 or 川崎区長. */
  issuer: string;
}

export interface Procedure {
  /** Stable ASCII code, e.g. `juminhyo-copy`; generated entries `p-0001`. */
  code: string;
  name: string;
  /** Reading in katakana (フリガナ). */
  nameKana: string;
  nameEn: string;
  description: Localized;
  /** Organisation unit code; `ward.kumin` etc. (a `ward.` prefix) means the applicant's ward office. */
  department: string;
  categories: string[];
  lifeEvents: LifeEvent[];
  filer: Filer;
  availability: Availability;
  /** Why not fully online, and what can still be done online; required unless availability is online. */
  notOnline?: { reason: NotOnlineReason; detail: Localized; onlineParts: Localized };
  assurance: AssuranceLevel;
  /** A JPKI signature (署名用電子証明書) is required on the submission. */
  jpkiSignature: boolean;
  proxyAllowed: boolean;
  fee: Fee;
  paymentMethods: PaymentMethod[];
  attachments: AttachmentSpec[];
  /** 標準処理期間 in days (calendar days); 0 = same day. */
  processingDays: number;
  /** Other words people search with (住民票 → じゅうみんひょう, residence certificate). */
  synonyms: string[];
  /** Present for the procedures written in full: they can be applied for here. */
  form?: FormDefinition;
  workflow?: WorkflowDefinition;
  document?: DocumentTemplate;
}
