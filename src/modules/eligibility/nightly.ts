// The scheduled part of the module: every night at 3:00 (Japan time) the worker queues each city's population
// run. The schedule is pg-boss's (one job per night however many workers run; a night missed while no worker
// ran gets one run when the next starts); SCHEDULED_JOBS=off leaves it to staff or an operator.
import type { PlatformDeps } from '../../platform/module.ts';
import { startNightlyRuns } from './use-cases/start-nightly-runs.ts';

export const nightlyQueue = 'eligibility.nightly';
/** 3:00 every night, Japan time: after the day's registrations, before the office opens. */
export const nightlySchedule = '0 3 * * *';

export async function nightlyJob(deps: PlatformDeps): Promise<void> {
  const { queued, skipped } = await startNightlyRuns(deps);
  deps.log.info({ queued, skipped }, '夜間の全員の判定を受け付けました');
}
