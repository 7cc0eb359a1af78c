// 「この版を有効にする」: the city starts using a version of a rule. Only a version whose examples all hold
// (validateRule) and whose difference from the rule in use staff have looked at (a preview run) may be
// activated. The standing approval ends with the change (people found under new conditions need a new
// approval), and a population run is queued so the results follow the new version.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { jobInFlight } from '../../../platform/jobs/queue.ts';
import { type PopulationRunJob, populationRunQueue } from '../jobs.ts';
import { activeRules, versionsOf } from '../registry.ts';
import { type Rule, validateRule } from '../rules/index.ts';
import { auditRuleChange, lockFor } from './staff-change.ts';

export async function activateVersion(
  deps: {
    db: Kysely<any>;
    jobs: Jobs;
    /** The versions this installation knows of a rule (the registry's, unless a test gives others). */
    versionsOf?: (ruleId: string) => Rule[];
  },
  input: { tenantId: string; ruleId: string; version: number; actor: StaffActor },
): Promise<{ changed: boolean; from: number; to: number }> {
  const rule = (deps.versionsOf ?? versionsOf)(input.ruleId).find((r) => r.version === input.version);
  if (!rule) throw new AppError('not_found', '規則の版が見つかりません。');
  const problems = validateRule(rule);
  if (problems.length > 0) {
    throw new AppError('validation_failed', `第${rule.version}版には問題があるため、有効にできません。`, {
      errors: problems.map((message) => ({ field: `#version-${rule.version}-problems`, message })),
    });
  }
  return withTenant(deps.db, input.tenantId, async (trx) => {
    await lockFor(trx, `eligibility.rule:${input.tenantId}:${rule.id}`);
    const active = (await activeRules(trx)).find((r) => r.id === rule.id);
    const from = active?.version ?? rule.version;
    // A retried POST after the change went through: nothing more to do.
    if (from === rule.version) return { changed: false, from, to: rule.version };
    const previewed = await trx
      .selectFrom('elig_runs')
      .select('id')
      .where('kind', '=', 'preview')
      .where('status', '=', 'done')
      .where(sql<boolean>`rules @> ${JSON.stringify({ [rule.id]: rule.version })}::jsonb`)
      .executeTakeFirst();
    if (!previewed) {
      const message = `第${rule.version}版の差分をまだ確認していません。「差分を確認する」で、対象になる方・外れる方を確かめてから有効にしてください。`;
      throw new AppError('conflict', message, { errors: [{ field: `#version-${rule.version}-section`, message }] });
    }
    await trx
      .insertInto('elig_rule_settings')
      .values({
        tenant_id: input.tenantId,
        rule_id: rule.id,
        active_version: rule.version,
        auto_notify: false,
        activated_by: input.actor.accountId,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'rule_id']).doUpdateSet({
          active_version: rule.version,
          auto_notify: false,
          activated_by: input.actor.accountId,
          activated_at: new Date(),
        }),
      )
      .execute();
    await auditRuleChange(trx, input, {
      action: 'eligibility.version.activate',
      resourceId: rule.id,
      details: { from, to: rule.version, previewRunId: previewed.id },
    });
    // A run still waiting to start reads the rules when it starts: it will use this version already.
    if (!(await jobInFlight(trx, populationRunQueue, { tenantId: input.tenantId }, ['created', 'retry']))) {
      const job: PopulationRunJob = { tenantId: input.tenantId, triggeredBy: input.actor.accountId };
      await deps.jobs.enqueue(trx, populationRunQueue, job);
    }
    return { changed: true, from, to: rule.version };
  });
}
