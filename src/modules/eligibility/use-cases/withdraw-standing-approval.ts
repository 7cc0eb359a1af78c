// 「今後の自動案内をやめる」: staff withdraw a rule's standing approval (given with 「案内を承認して送る」), so people
// a birth, a move-in or a birthday newly makes eligible wait for an approval again instead of being told at
// once. Notices already sent or queued stay as they are. Withdrawing when there is none (a second click, or a
// version change that ended it) changes nothing and is not audited as a change.
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { activeRules } from '../registry.ts';
import { auditRuleChange, lockFor } from './staff-change.ts';

export async function withdrawStandingApproval(
  deps: { db: Kysely<any> },
  input: { tenantId: string; ruleId: string; actor: StaffActor },
): Promise<{ withdrawn: boolean }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rule = (await activeRules(trx)).find((r) => r.id === input.ruleId);
    if (!rule) throw new AppError('not_found', '規則が見つかりません。');
    // The lock approving takes: an approval and its withdrawal pressed together end in one order or the other.
    await lockFor(trx, `eligibility.tell:${input.tenantId}:${rule.id}`);
    const withdrawn = await trx
      .updateTable('elig_rule_settings')
      .set({ auto_notify: false })
      .where('rule_id', '=', rule.id)
      .where('auto_notify', '=', true)
      .returning('rule_id')
      .executeTakeFirst();
    if (!withdrawn) return { withdrawn: false };
    await auditRuleChange(trx, input, {
      action: 'eligibility.outreach.withdraw_standing',
      resourceId: rule.id,
      details: { version: rule.version },
    });
    return { withdrawn: true };
  });
}
