// The shapes data requests (利用者ニーズ) are worked with, and the limits on what can be sent in.

/** open 受付中, considering 検討中, published 公開済み, declined 対応できない. */
export const requestStatuses = ['open', 'considering', 'published', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export function isRequestStatus(value: unknown): value is RequestStatus {
  return typeof value === 'string' && (requestStatuses as readonly string[]).includes(value);
}

/** Supporting still helps while the city has not decided. */
export function acceptsSupport(status: RequestStatus): boolean {
  return status === 'open' || status === 'considering';
}

export const titleLimit = 100;
export const descriptionLimit = 2000;
export const purposeLimit = 1000;
export const answerLimit = 2000;
export const hiddenReasonLimit = 500;

export const requestSorts = ['new', 'supports'] as const;
export type RequestSort = (typeof requestSorts)[number];

/** A dataset linked to a request, as the pages and the API name it. */
export interface LinkedDataset {
  name: string;
  title: string;
}

/** A request as anyone may see it: never the requester's e-mail. */
export interface PublicDataRequest {
  id: string;
  number: number;
  title: string;
  description: string;
  purpose: string;
  status: RequestStatus;
  answer: string;
  answeredAt: Date | null;
  /** Only while the dataset is active and public; a withdrawn dataset is not linked. */
  dataset: LinkedDataset | null;
  supportCount: number;
  createdAt: Date;
}

/** What staff see besides: the e-mail (when allowed), moderation, who answered and the revision. */
export interface StaffDataRequest extends PublicDataRequest {
  /** Whether the requester left an e-mail address. */
  hasContact: boolean;
  /** The address itself: null when none was left, or when it is withheld from this staff member. */
  contactEmail: string | null;
  hiddenReason: string | null;
  answeredBy: string | null;
  /** The linked dataset's name even when it is no longer public, so staff can see what went away. */
  linkedDatasetName: string | null;
  revision: number;
  updatedAt: Date;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}
