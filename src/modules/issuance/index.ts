// Issuance (C3 交付物のオンライン化): certificates and decision notices as PDFs signed with the city's
// key (PAdES, CMS SignedData), a record of each (documents), and public verification by 確認コード, QR
// code or the PDF itself (/verify). Other modules issue through the `issuance.issue` job or issueDocument.
//
// Job `issuance.issue` (issueDocumentJob), data = IssueDocumentInput:
//   { tenantId, applicationId, receiptNumber, procedureCode, department, recipientAccountId,
//     template: DocumentTemplate, values: Record<string, string>, publicBaseUrl? }
//   `values` holds every `{{path}}` of the template, already formatted (和暦 dates etc.);
//   `values['case.applicantName']` also gives the masked name verifiers see. Idempotent per applicationId.
// Events: `document.issued` { applicationId, documentId, verificationCode, title },
//         `document.revoked` { applicationId, documentId, reason }.
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { issuanceJobs } from './jobs.ts';
import { messages } from './messages.ts';
import { issuanceRoutes } from './routes/index.ts';

export { formatVerificationCode, parseVerificationCode } from './code.ts';
export { type IssuanceDeps, issuanceDeps } from './deps.ts';
export { type DocumentIssuedData, type DocumentRevokedData, documentIssued, documentRevoked } from './events.ts';
export { issueDocumentJob } from './jobs.ts';
export { type IssueDocumentInput, type IssuedDocument, issueDocument } from './use-cases/issue-document.ts';
export { type DocumentSummary, type DocumentsForInput, documentsFor } from './use-cases/list-documents.ts';

registerMessages('issuance', messages);

export const issuance: CityModule = {
  name: 'issuance',
  migrations: new URL('./migrations/', import.meta.url),
  routes: issuanceRoutes,
  jobs: issuanceJobs,
  homeLinks: [{ href: '/verify', titleKey: 'issuance.verifyTitle', descriptionKey: 'issuance.verifyHomeLead' }],
};
