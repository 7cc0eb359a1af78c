// Residents: the demo's synthetic resident register (households and residents, 住民記録).
// Owns the tables households and residents; no real personal data, ever: everything is generated.
import type { CityModule } from '../../platform/module.ts';
import { residentsRoutes } from './routes.ts';
import { assignDemoMyNumbers } from './use-cases/assign-demo-my-numbers.ts';
import { seedResidents } from './use-cases/seed-residents.ts';

export { demoMyNumber } from './use-cases/assign-demo-my-numbers.ts';
export { countResidentsByWard } from './use-cases/count-residents-by-ward.ts';
export { findResidentByMyNumber } from './use-cases/find-resident-by-my-number.ts';
export { findResidentsByBirth, readResident } from './use-cases/find-residents-by-birth.ts';
export { type HouseholdMember, type ResidentHousehold, readHousehold } from './use-cases/read-household.ts';
export { type ResidentSummary, searchResidents } from './use-cases/search-residents.ts';
export { seedResidents } from './use-cases/seed-residents.ts';
export {
  type EligibilityHousehold,
  type EligibilityMember,
  streamHouseholds,
} from './use-cases/stream-households.ts';

export const residents: CityModule = {
  name: 'residents',
  migrations: new URL('./migrations/', import.meta.url),
  routes: residentsRoutes,
  seedDemo: async (deps, options) => {
    await seedResidents(deps, {
      tenantId: options.tenantId,
      residents: options.residents,
      seed: options.seed,
      replace: options.replace,
      progress: options.progress ? (done, total) => options.progress!(done, total, '住民') : undefined,
    });
    // Encrypting 1.55 million numbers one by one takes minutes: the full-size register goes without them.
    if (options.residents <= 200_000) await assignDemoMyNumbers(deps, { tenantId: options.tenantId });
  },
};
