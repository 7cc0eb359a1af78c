// Open data catalogue (オープンデータ): datasets and resources published by departments, answered through
// pages, CKAN's Action API v3 and DCAT, with quality checks of standard datasets, Japanese search,
// datastore queries, download counts and data requests. Owns the od_* tables.
import type { CityModule } from '../../platform/module.ts';
import { seedOpenData } from './demo/seed.ts';
import { dataRequestRoutes } from './requests/routes.ts';
import { ckanRoutes } from './routes/ckan.ts';
import { publicRoutes } from './routes/public.ts';
import { staffRoutes } from './routes/staff.ts';

export const openData: CityModule = {
  name: 'open-data',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await ckanRoutes(app, deps);
    await publicRoutes(app, deps);
    await staffRoutes(app, deps);
    await dataRequestRoutes(app, deps);
  },
  homeLinks: [
    { href: '/open-data', titleKey: 'openData.title', descriptionKey: 'openData.homeDescription' },
    {
      href: '/open-data/requests',
      titleKey: 'openDataRequests.title',
      descriptionKey: 'openDataRequests.homeDescription',
    },
  ],
  seedDemo: seedOpenData,
};
