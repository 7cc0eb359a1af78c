// Domain events issuance emits (subject type `document`).
export const documentIssued = 'document.issued';
export const documentRevoked = 'document.revoked';

/** Data of `document.issued`. */
export interface DocumentIssuedData {
  applicationId: string;
  documentId: string;
  verificationCode: string;
  title: string;
}

/** Data of `document.revoked`. */
export interface DocumentRevokedData {
  applicationId: string;
  documentId: string;
  reason: string;
}
