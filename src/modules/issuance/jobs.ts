// The job other modules enqueue to issue a document (the application module, when a case is approved).
import type { ModuleJob } from '../../platform/module.ts';
import { issuanceDeps } from './deps.ts';
import { type IssueDocumentInput, issueDocument } from './use-cases/issue-document.ts';

/** Queue name: enqueue `{ ...IssueDocumentInput }` as the job's data. Stable; do not rename. */
export const issueDocumentJob = 'issuance.issue';

export const issuanceJobs: Record<string, ModuleJob> = {
  [issueDocumentJob]: {
    async handler(data, _job, deps) {
      // issueDocument is idempotent per applicationId, so a retried job returns the first document.
      await issueDocument(issuanceDeps(deps), data as IssueDocumentInput);
    },
    retryLimit: 5,
    expireInSeconds: 120,
  },
};
