// The eligibility module's background work: whole-population runs (started by staff or by the nightly
// schedule, nightly.ts), comparing a version of a rule with the one in use (「差分を確認する」), telling the
// people of an approved outreach, and the reaction to life events.
import { publicOrigin } from '../../platform/config/config.ts';
import { japanToday } from '../../platform/ja/today.ts';
import type { PlatformDeps } from '../../platform/module.ts';
import { previewVersion } from './use-cases/preview-version.ts';
import { runForHouseholds } from './use-cases/run-for-households.ts';
import { runPopulation } from './use-cases/run-population.ts';
import { tellWaiting } from './use-cases/tell-waiting.ts';

export const populationRunQueue = 'eligibility.population-run';
export const tellQueue = 'eligibility.tell';
export const previewQueue = 'eligibility.preview';

export interface PopulationRunJob {
  tenantId: string;
  /** YYYY-MM-DD; today in Japan when left out. */
  on?: string;
  triggeredBy: string;
}

export interface PreviewJob {
  tenantId: string;
  ruleId: string;
  version: number;
  /** The 'running' preview run (requestPreview) the job fills in. */
  runId: string;
}

export interface TellJob {
  tenantId: string;
  ruleId: string;
  approvedBy: string;
}

export async function populationRunJob(data: PopulationRunJob, deps: PlatformDeps): Promise<void> {
  const on = data.on ?? japanToday();
  await runPopulation(deps, { tenantId: data.tenantId, on, triggeredBy: data.triggeredBy });
  // People who crossed a threshold (a birthday) under a rule with a standing approval are told now.
  await tellWaiting(deps, {
    tenantId: data.tenantId,
    on,
    origin: publicOrigin(deps.config),
    approvedBy: 'system',
    kind: 'event',
  });
}

export async function previewJob(data: PreviewJob, deps: PlatformDeps): Promise<void> {
  try {
    await previewVersion(deps, { tenantId: data.tenantId, runId: data.runId });
  } catch (error) {
    // The run is marked failed with the reason, which the rule's page shows with the button to try again. Not
    // retried: a retry would fail the same way and, while it waited, refuse that button.
    deps.log.error({ err: error, runId: data.runId, ruleId: data.ruleId }, '差分の確認に失敗しました');
  }
}

export async function tellJob(data: TellJob, deps: PlatformDeps): Promise<void> {
  await tellWaiting(deps, {
    tenantId: data.tenantId,
    on: japanToday(),
    origin: publicOrigin(deps.config),
    approvedBy: data.approvedBy,
    kind: 'staff',
    ruleId: data.ruleId,
  });
}

/** `residents.life_event`: a birth, move-in, pregnancy notification or certificate (data as the residents module writes it). */
export async function lifeEventHandler(
  event: { tenantId: string; id: string; data: Record<string, unknown> },
  deps: PlatformDeps,
): Promise<void> {
  const householdId = event.data.householdId;
  if (typeof householdId !== 'string') return;
  await runForHouseholds(deps, {
    tenantId: event.tenantId,
    householdIds: [householdId],
    on: japanToday(),
    origin: publicOrigin(deps.config),
    triggeredBy: `event:${event.data.kind ?? 'life_event'}:${event.id}`,
  });
}
