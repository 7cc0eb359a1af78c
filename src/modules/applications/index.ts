// Applications and cases (C3): drafts saved step by step, prefill from the city's records, submission
// with receipt numbers and idempotency, fees, the back-office case workflow with corrections (補正),
// messages and notes, export and the online-application KPI. Owns applications, application_history,
// application_messages and application_attachments; reacts to payment and issuance events.
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { sendApplicationEmail, sendApplicationEmailJob } from './emails.ts';
import { messages } from './messages.ts';
import { apiRoutes } from './routes/api.ts';
import { residentRoutes } from './routes/resident.ts';
import { staffCaseRoutes } from './routes/staff.ts';
import { onDocumentIssued, onPaymentConfirmed, onPaymentRefunded } from './use-cases/react-to-events.ts';

export type { Application, Channel, Status } from './model.ts';
export { applicantsAmong } from './use-cases/applicants-among.ts';
export { onlineApplicationRate } from './use-cases/online-application-rate.ts';
export { submitApplication } from './use-cases/submit-application.ts';

registerMessages('applications', messages);

export const applications: CityModule = {
  name: 'applications',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await residentRoutes(app, deps);
    await staffCaseRoutes(app, deps);
    await apiRoutes(app, deps);
  },
  jobs: {
    [sendApplicationEmailJob]: {
      handler: (data, _job, deps) => sendApplicationEmail(deps, data as Parameters<typeof sendApplicationEmail>[1]),
      retryLimit: 8,
    },
  },
  events: {
    // The receipt e-mail follows the submission's event (nothing but the one statement on the request's path).
    'application.submitted': (event, deps) =>
      sendApplicationEmail(deps, { tenantId: event.tenantId, applicationId: event.subjectId, kind: 'submitted' }),
    'payment.confirmed': onPaymentConfirmed,
    'payment.refunded': onPaymentRefunded,
    'document.issued': onDocumentIssued,
  },
  homeLinks: [{ href: '/my/applications', titleKey: 'applications.myTitle', descriptionKey: 'applications.myLead' }],
};
