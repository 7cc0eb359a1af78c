// Staff start the whole-population run (「全員の判定を実行」): a job, since 1.55 million residents take most of a
// minute. One run at a time: while one waits or runs (started here, by the CLI or by the nightly timer) a
// second request is refused with when the first began, so a double click never evaluates everyone twice.
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { jobInFlight } from '../../../platform/jobs/queue.ts';
import { type PopulationRunJob, populationRunQueue } from '../jobs.ts';
import { auditRuleChange, lockFor } from './staff-change.ts';

/** A population run still 'running' after this long crashed with its worker (the job expires after 30 minutes). */
const staleAfterMinutes = 30;

const tokyoTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Why a population run cannot start now (one is waiting or running), or undefined. */
export async function populationRunBusy(trx: Kysely<any>, tenantId: string): Promise<string | undefined> {
  const running = await trx
    .selectFrom('elig_runs')
    .select('started_at')
    .where('kind', '=', 'population')
    .where('status', '=', 'running')
    .where('started_at', '>', new Date(Date.now() - staleAfterMinutes * 60_000))
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  if (running) {
    return `全員の判定はすでに実行中です（${tokyoTime.format(running.started_at as Date)}に開始）。終わってから、もう一度お試しください。`;
  }
  const queued = await jobInFlight(trx, populationRunQueue, { tenantId });
  if (queued) {
    return `全員の判定はすでに受け付けています（${tokyoTime.format(queued.createdOn)}）。始まるまで、しばらくお待ちください。`;
  }
  return undefined;
}

export async function requestPopulationRun(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; actor: StaffActor; on?: string },
): Promise<{ jobId: string | null }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    await lockFor(trx, `eligibility.population-run:${input.tenantId}`);
    const busy = await populationRunBusy(trx, input.tenantId);
    if (busy) throw new AppError('conflict', busy);
    const job: PopulationRunJob = {
      tenantId: input.tenantId,
      triggeredBy: input.actor.accountId,
      ...(input.on ? { on: input.on } : {}),
    };
    const jobId = await deps.jobs.enqueue(trx, populationRunQueue, job);
    await auditRuleChange(trx, input, {
      action: 'eligibility.population_run.request',
      resourceId: 'population-run',
      details: job,
    });
    return { jobId };
  });
}
