// The nightly population run (3:00 Japan time, a scheduled job): for each city a population run is queued,
// finding who became eligible overnight (birthdays crossing an age, people moved in) and telling those under a
// standing approval. A city whose run is already waiting or running (a staff press at 2:59) is skipped, under
// the same lock and check as 「全員の判定を実行」, so two runs of one city never overlap.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { tenantIds } from '../../../platform/tenancy/tenants.ts';
import { type PopulationRunJob, populationRunQueue } from '../jobs.ts';
import { populationRunBusy } from './request-population-run.ts';
import { lockFor } from './staff-change.ts';

/** Who started a nightly run, as elig_runs.triggered_by records it. */
export const nightly = 'nightly';

export async function startNightlyRuns(deps: {
  db: Kysely<any>;
  jobs: Jobs;
}): Promise<{ queued: string[]; skipped: { tenantId: string; why: string }[] }> {
  const queued: string[] = [];
  const skipped: { tenantId: string; why: string }[] = [];
  for (const tenantId of await tenantIds(deps.db)) {
    await withTenant(deps.db, tenantId, async (trx) => {
      await lockFor(trx, `eligibility.population-run:${tenantId}`);
      const busy = await populationRunBusy(trx, tenantId);
      if (busy) {
        skipped.push({ tenantId, why: busy });
        return;
      }
      const job: PopulationRunJob = { tenantId, triggeredBy: nightly };
      await deps.jobs.enqueue(trx, populationRunQueue, job);
      queued.push(tenantId);
    });
  }
  return { queued, skipped };
}
