// Identity and access (C2): resident, business and staff accounts, sessions, passkeys, e-mail
// verification and recovery, staff second factor, proxies (代理), My Number Card (JPKI) verification and
// sign-in, assurance levels. Other modules call `requireAssurance`, `actingParty` and read `request.session`.
import { readFile } from 'node:fs/promises';
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { seedIdentityDemo } from './demo.ts';
import { sendEmailJob } from './emails.ts';
import { identityHooks } from './hooks.ts';
import { messages } from './messages.ts';
import { apiRoutes } from './routes/api.ts';
import { delegationRoutes } from './routes/delegation.ts';
import { jpkiRoutes } from './routes/jpki.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { residentRoutes } from './routes/resident.ts';
import { staffRoutes } from './routes/staff.ts';

export { type AssuranceLevel, achievedLevel, meetsAssurance, requireAssurance } from './assurance.ts';
// Guards for other modules' routes: a signed-in resident (or a redirect to sign in), an API session.
export { requireApiSession, residentOrRedirect } from './routes/common.ts';
export type { Session } from './sessions.ts';
export { authorize, type StaffContext, staffOrRedirect } from './staff-access.ts';
export { accountsOfResidents } from './use-cases/accounts-of-residents.ts';
export { findResidentAccount } from './use-cases/find-resident-account.ts';
export { type BusinessSummary, readBusiness } from './use-cases/read-business.ts';
export { readStaffProfile, type StaffMemberProfile } from './use-cases/read-staff-profile.ts';
export { type ActingParty, resolveActingParty } from './use-cases/resolve-acting-party.ts';
export { staffNames } from './use-cases/staff-names.ts';
export { type SubmissionSignature, verifySubmissionSignature } from './use-cases/verify-submission-signature.ts';

registerMessages('identity', messages);

const passkeyScript = new URL('./assets/passkey.js', import.meta.url);

export const identity: CityModule = {
  name: 'identity',
  migrations: new URL('./migrations/', import.meta.url),
  requestHooks: identityHooks,
  async routes(app, deps) {
    const script = await readFile(passkeyScript);
    app.get('/assets/identity/passkey.js', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script),
    );
    await residentRoutes(app, deps);
    await apiRoutes(app, deps);
    await delegationRoutes(app, deps);
    await staffRoutes(app, deps);
    await jpkiRoutes(app, deps);
    await oidcRoutes(app, deps);
  },
  jobs: {
    [sendEmailJob]: {
      async handler(data, _job, deps) {
        await deps.mail.send(data as { to: string; subject: string; text: string });
      },
      retryLimit: 8,
    },
  },
  homeLinks: [
    { href: '/sign-in', titleKey: 'identity.signInTitle', descriptionKey: 'identity.signInLead' },
    { href: '/assurance', titleKey: 'identity.assuranceTitle', descriptionKey: 'identity.assuranceLead' },
  ],
  seedDemo: seedIdentityDemo,
};
