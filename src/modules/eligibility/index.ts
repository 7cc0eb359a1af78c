// Push-type services (C6): eligibility rules as code run over the resident register — for everyone (the
// population run) and for the households of a life event (birth, move-in, pregnancy, a certificate) — with
// results stored per person, rule and version; staff compare a changed rule before it is used, approve
// telling the newly eligible, and see who then applied. Owns the elig_* tables.
import type { CityModule } from '../../platform/module.ts';
import { seedEligibilityDemo } from './demo.ts';
import {
  lifeEventHandler,
  type PopulationRunJob,
  type PreviewJob,
  populationRunJob,
  populationRunQueue,
  previewJob,
  previewQueue,
  type TellJob,
  tellJob,
  tellQueue,
} from './jobs.ts';
import { nightlyJob, nightlyQueue, nightlySchedule } from './nightly.ts';
import { eligibilityStaffRoutes } from './routes/staff.ts';

export { populationRunQueue, tellQueue } from './jobs.ts';
export { nightlyQueue } from './nightly.ts';

export const eligibility: CityModule = {
  name: 'eligibility',
  migrations: new URL('./migrations/', import.meta.url),
  async routes(app, deps) {
    await eligibilityStaffRoutes(app, deps);
  },
  jobs: {
    [populationRunQueue]: {
      handler: (data, _job, deps) => populationRunJob(data as PopulationRunJob, deps),
      // 1.55 million residents take under a minute; the margin is for a busy server.
      expireInSeconds: 30 * 60,
    },
    [previewQueue]: {
      handler: (data, _job, deps) => previewJob(data as PreviewJob, deps),
      // The whole register, as the population run reads it (35–50 s for 1.55 million residents).
      expireInSeconds: 30 * 60,
    },
    [tellQueue]: { handler: (data, _job, deps) => tellJob(data as TellJob, deps) },
    [nightlyQueue]: { handler: (_data, _job, deps) => nightlyJob(deps), schedule: nightlySchedule },
  },
  events: {
    'residents.life_event': lifeEventHandler,
  },
  seedDemo: seedEligibilityDemo,
};
