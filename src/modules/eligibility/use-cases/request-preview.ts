// 「差分を確認する」 pressed: comparing a version of a rule with the one in use reads the whole register (35–50 s
// for 1.55 million residents), far too long for a request. So this records a 'running' preview run and queues
// the job that fills it in (previewVersion); the rule's page shows it running, then its difference. One
// comparison of a rule at a time: while one waits or runs, a second press is refused saying since when.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { japanClock } from '../../../platform/ja/today.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { jobInFlight } from '../../../platform/jobs/queue.ts';
import { type PreviewJob, previewQueue } from '../jobs.ts';
import { activeRules, findRule } from '../registry.ts';
import { startRun } from './run-population.ts';
import { auditRuleChange, lockFor } from './staff-change.ts';

/** A comparison still 'running' after this long stopped with its worker (its job expires after 30 minutes). */
export const previewStaleAfterMinutes = 30;

/** When the comparison of `ruleId` now under way (any version) began: its run, or its job waiting to start. */
async function previewUnderWay(trx: Kysely<any>, tenantId: string, ruleId: string): Promise<Date | undefined> {
  const running = await trx
    .selectFrom('elig_runs')
    .select('started_at')
    .where('kind', '=', 'preview')
    .where('status', '=', 'running')
    .where(sql<boolean>`rules ? ${ruleId}`)
    .where('started_at', '>', new Date(Date.now() - previewStaleAfterMinutes * 60_000))
    .orderBy('started_at', 'desc')
    .executeTakeFirst();
  if (running) return running.started_at as Date;
  return (await jobInFlight(trx, previewQueue, { tenantId, ruleId }))?.createdOn;
}

export async function requestPreview(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; ruleId: string; version: number; on: string; actor: StaffActor },
): Promise<{ runId: string }> {
  const rule = findRule(input.ruleId, input.version);
  if (!rule) throw new AppError('not_found', '規則の版が見つかりません。');
  return withTenant(deps.db, input.tenantId, async (trx) => {
    await lockFor(trx, `eligibility.preview:${input.tenantId}:${rule.id}`);
    const since = await previewUnderWay(trx, input.tenantId, rule.id);
    if (since) {
      const message = `この規則の差分の確認はすでに実行中です（${japanClock(since)}に開始）。終わるまでお待ちください。`;
      throw new AppError('conflict', message, { errors: [{ field: `#version-${rule.version}-section`, message }] });
    }
    const active = (await activeRules(trx)).find((r) => r.id === rule.id)!;
    const runId = await startRun(trx, {
      tenantId: input.tenantId,
      kind: 'preview',
      on: input.on,
      rules: [rule],
      triggeredBy: input.actor.accountId,
    });
    await auditRuleChange(trx, input, {
      action: 'eligibility.version.preview',
      resourceId: rule.id,
      details: { version: rule.version, comparedWith: active.version, runId },
    });
    const job: PreviewJob = { tenantId: input.tenantId, ruleId: rule.id, version: rule.version, runId };
    await deps.jobs.enqueue(trx, previewQueue, job);
    return { runId };
  });
}
