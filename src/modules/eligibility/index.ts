// Push-type services (C6): eligibility rules as code run over the resident register — for everyone (the
// nightly population run) and for the households of a life event (birth, move-in, pregnancy, a certificate,
// a birthday) — with results stored per person, rule and version; staff compare a changed rule before it is
// used, approve telling the newly eligible, and see who then applied. Owns the elig_* tables.
import type { CityModule } from '../../platform/module.ts';

export const eligibility: CityModule = {
  name: 'eligibility',
  migrations: new URL('./migrations/', import.meta.url),
};
