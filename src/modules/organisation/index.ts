// Organisation: a tenant's wards (区) and its department tree (局・部・課, 区役所).
// Owns the tables wards and departments; other modules ask it through listWards / getDepartment.
import type { Kysely } from 'kysely';
import { registerMessages } from '../../platform/i18n/i18n.ts';
import type { CityModule } from '../../platform/module.ts';
import { messages } from './messages.ts';
import { organisationRoutes } from './routes.ts';
import { seedOrganisation } from './use-cases/seed-organisation.ts';

export { getDepartment } from './use-cases/get-department.ts';
export { listDepartments } from './use-cases/list-departments.ts';
export { listWards } from './use-cases/list-wards.ts';

registerMessages('organisation', messages);

export const organisation: CityModule = {
  name: 'organisation',
  migrations: new URL('./migrations/', import.meta.url),
  routes: organisationRoutes,
  homeLinks: [
    {
      href: '/organisation',
      titleKey: 'organisation.homeLinkTitle',
      descriptionKey: 'organisation.homeLinkDescription',
    },
  ],
  seedDemo: (deps, options) => seedOrganisation(deps as { db: Kysely<any> }, { tenantId: options.tenantId }),
};
