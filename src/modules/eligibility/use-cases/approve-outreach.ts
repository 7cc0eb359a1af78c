// 「案内を承認して送る」: staff approve telling the people a rule newly found, who are then told by a job (their
// inbox and the channels they allow, or counted for a letter). With 「今後…すぐ案内する」 the approval also stands
// for people a birth, a move-in or a birthday makes eligible later. Safe to send twice: while an approval of
// the rule is queued or being sent no second one is queued, and the job tells only people not yet told.
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { jobInFlight } from '../../../platform/jobs/queue.ts';
import { type TellJob, tellQueue } from '../jobs.ts';
import { activeRules } from '../registry.ts';
import { auditRuleChange, lockFor } from './staff-change.ts';

export type ApprovalOutcome = 'queued' | 'alreadyQueued' | 'nobodyWaiting';

export async function approveOutreach(
  deps: { db: Kysely<any>; jobs: Jobs },
  input: { tenantId: string; ruleId: string; actor: StaffActor; standing: boolean },
): Promise<{ outcome: ApprovalOutcome; waiting: number; standing: boolean }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rule = (await activeRules(trx)).find((r) => r.id === input.ruleId);
    if (!rule) throw new AppError('not_found', '規則が見つかりません。');
    await lockFor(trx, `eligibility.tell:${input.tenantId}:${rule.id}`);
    const settings = await trx
      .selectFrom('elig_rule_settings')
      .select('auto_notify')
      .where('rule_id', '=', rule.id)
      .executeTakeFirst();
    const standingBefore = settings?.auto_notify === true;
    if (input.standing && !standingBefore) {
      await trx
        .insertInto('elig_rule_settings')
        .values({
          tenant_id: input.tenantId,
          rule_id: rule.id,
          active_version: rule.version,
          auto_notify: true,
          activated_by: input.actor.accountId,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'rule_id']).doUpdateSet({ auto_notify: true }))
        .execute();
    }
    const { waiting } = await trx
      .selectFrom('elig_results')
      .select((eb) => eb.fn.countAll<number>().as('waiting'))
      .where('rule_id', '=', rule.id)
      .where('status', '=', 'eligible')
      .where('baseline', '=', false)
      .where('notified_at', 'is', null)
      .executeTakeFirstOrThrow();
    const outcome: ApprovalOutcome = (await jobInFlight(trx, tellQueue, { tenantId: input.tenantId, ruleId: rule.id }))
      ? 'alreadyQueued'
      : Number(waiting) === 0
        ? 'nobodyWaiting'
        : 'queued';
    if (outcome === 'queued') {
      const job: TellJob = { tenantId: input.tenantId, ruleId: rule.id, approvedBy: input.actor.accountId };
      await deps.jobs.enqueue(trx, tellQueue, job);
    }
    const standing = input.standing || standingBefore;
    if (outcome === 'queued' || standing !== standingBefore) {
      await auditRuleChange(trx, input, {
        action: 'eligibility.outreach.approve',
        resourceId: rule.id,
        details: { version: rule.version, waiting: Number(waiting), queued: outcome === 'queued', standing },
      });
    }
    return { outcome, waiting: Number(waiting), standing };
  });
}
