// Procedures: the tenant's catalogue of about 3,100 procedures (手続) and its Japanese search.
// Owns the tables procedures and procedure_catalogues; other modules read a procedure through
// getProcedure / searchProcedures, never the tables. The contract every C3 part shares is definition.ts.
// Department codes: an organisation unit (`kenko-fukushi.hoken-iryo`), one ward's office (`ward-141330`, for
// its own facilities), or `ward.<section>` — that section at the applicant's own ward office (区民課
// `ward.kumin`, 保険年金課 `ward.hoken-nenkin`, 地域みまもり支援センター `ward.mimamori`, 地域振興課
// `ward.chiiki-shinko`, 道路公園センター `ward.doro-koen`); the department filter `ward` matches them all.

import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { messages } from './messages.ts';
import { proceduresRoutes } from './routes.ts';
import { seedProcedures } from './use-cases/seed-procedures.ts';

export * from './definition.ts';
export { getProcedure } from './use-cases/get-procedure.ts';
export { listLifeEvents } from './use-cases/list-life-events.ts';
export { type ProcedureSummary, type SearchProceduresInput, searchProcedures } from './use-cases/search-procedures.ts';
export { seedProcedures } from './use-cases/seed-procedures.ts';

registerMessages('procedures', messages);

export const procedures: CityModule = {
  name: 'procedures',
  migrations: new URL('./migrations/', import.meta.url),
  routes: proceduresRoutes,
  homeLinks: [
    {
      href: '/procedures',
      titleKey: 'procedures.homeLinkTitle',
      descriptionKey: 'procedures.homeLinkDescription',
    },
  ],
  seedDemo: async (deps, options) => {
    await seedProcedures(deps, { tenantId: options.tenantId });
  },
};
