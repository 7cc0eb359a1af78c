// Residents: the demo's synthetic resident register (households and residents, 住民記録) and its life events
// (出生届, 転入届, 妊娠届, 障害者手帳の交付), each announced as a `residents.life_event` domain event.
// Owns the tables households, residents and resident_events; no real personal data, ever: everything is
// generated or typed in by staff as synthetic.
import type { CityModule } from '../../platform/module.ts';
import { lifeEventRoutes } from './life-events/routes.ts';
import { residentsRoutes } from './routes.ts';
import { assignDemoMyNumbers } from './use-cases/assign-demo-my-numbers.ts';
import { seedResidents } from './use-cases/seed-residents.ts';

export {
  type LifeEventData,
  type LifeEventKind,
  lifeEventKinds,
  lifeEventType,
  type RecordedLifeEvent,
} from './life-events/record.ts';
export { demoMyNumber } from './use-cases/assign-demo-my-numbers.ts';
export { countResidentsByWard } from './use-cases/count-residents-by-ward.ts';
export { findResidentByMyNumber } from './use-cases/find-resident-by-my-number.ts';
export { findResidentsByBirth, readResident } from './use-cases/find-residents-by-birth.ts';
export { type LifeEventEntry, listLifeEvents } from './use-cases/list-life-events.ts';
export { type HouseholdMember, type ResidentHousehold, readHousehold } from './use-cases/read-household.ts';
export {
  type CertificateKind,
  type RecordCertificateInput,
  recordCertificate,
} from './use-cases/record-certificate.ts';
export { type RegisterBirthInput, registerBirth } from './use-cases/register-birth.ts';
export { type MoveInMember, type RegisterMoveInInput, registerMoveIn } from './use-cases/register-move-in.ts';
export { type RegisterPregnancyInput, registerPregnancy } from './use-cases/register-pregnancy.ts';
export { type ResidentSummary, searchResidents } from './use-cases/search-residents.ts';
export { seedResidents } from './use-cases/seed-residents.ts';
export {
  type EligibilityHousehold,
  type EligibilityMember,
  type MemberEvent,
  readEligibilityHouseholds,
  streamHouseholds,
} from './use-cases/stream-households.ts';

export const residents: CityModule = {
  name: 'residents',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await residentsRoutes(app, deps);
    await lifeEventRoutes(app, deps);
  },
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
