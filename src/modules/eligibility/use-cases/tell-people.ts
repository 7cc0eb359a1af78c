// Telling the people a rule newly found: each gets a personal notice (inbox, and the channels they allow)
// through the accounts linked to them by a My Number Card check — their own, or an adult's of their
// household for a child. People no account reaches are counted for a letter. Everyone told is marked, so a
// second approval or a retried job tells nobody twice (the notice's source is unique too).
import type { Kysely } from 'kysely';
import type { Jobs } from '../../../platform/jobs/queue.ts';
import { accountsOfResidents } from '../../identity/index.ts';
import { sendPersonalNotice } from '../../messaging/index.ts';
import type { EligibilityHousehold } from '../../residents/index.ts';
import { noticeFor } from '../outreach/notice.ts';
import { ageOn, parseDay, type Rule } from '../rules/index.ts';

export interface Finding {
  personId: string;
  householdId: string;
  reason: string;
  reasonEasy?: string | undefined;
}

export async function tellPeople(
  deps: { jobs: Jobs },
  trx: Kysely<any>,
  input: {
    tenantId: string;
    rule: Rule;
    kind: 'staff' | 'event';
    approvedBy: string;
    findings: Finding[];
    households: ReadonlyMap<string, EligibilityHousehold>;
    on: string;
    origin: string;
  },
): Promise<{ outreachId: string | undefined; told: number; byPost: number }> {
  if (input.findings.length === 0) return { outreachId: undefined, told: 0, byPost: 0 };
  const day = parseDay(input.on);
  const memberIds = new Set<string>();
  for (const f of input.findings) {
    for (const m of input.households.get(f.householdId)?.members ?? []) memberIds.add(m.id);
  }
  const accounts = await accountsOfResidents(trx, [...memberIds]);
  const accountsOf = new Map<string, string[]>();
  for (const a of accounts) accountsOf.set(a.residentId, [...(accountsOf.get(a.residentId) ?? []), a.accountId]);

  const outreach = await trx
    .insertInto('elig_outreach')
    .values({
      tenant_id: input.tenantId,
      rule_id: input.rule.id,
      version: input.rule.version,
      kind: input.kind,
      people: input.findings.length,
      approved_by: input.approvedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let told = 0;
  let byPost = 0;
  for (const f of input.findings) {
    const household = input.households.get(f.householdId);
    // The person, and the adults of the household (a notice about a child reaches the parents).
    const reach = new Set(accountsOf.get(f.personId) ?? []);
    for (const m of household?.members ?? []) {
      if (m.id !== f.personId && ageOn(parseDay(m.birthDate), day) >= 18) {
        for (const a of accountsOf.get(m.id) ?? []) reach.add(a);
      }
    }
    if (reach.size === 0) {
      byPost++;
      continue;
    }
    const text = noticeFor(input.rule, f, input.origin);
    const sent = await sendPersonalNotice(deps, trx, {
      tenantId: input.tenantId,
      source: `eligibility:${input.rule.id}@${input.rule.version}:${f.personId}`,
      ...text,
      recipients: [...reach].map((accountId) => ({ accountId })),
      approvedBy: input.approvedBy,
    });
    await trx
      .insertInto('elig_notices')
      .values(
        [...reach].map((accountId) => ({
          tenant_id: input.tenantId,
          rule_id: input.rule.id,
          person_id: f.personId,
          account_id: accountId,
          outreach_id: outreach.id,
          message_id: sent.messageId ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    told++;
  }
  await trx.updateTable('elig_outreach').set({ by_post: byPost }).where('id', '=', outreach.id).execute();
  await trx
    .updateTable('elig_results')
    .set({ notified_at: new Date() })
    .where('rule_id', '=', input.rule.id)
    .where(
      'person_id',
      'in',
      input.findings.map((f) => f.personId),
    )
    .where('notified_at', 'is', null)
    .execute();
  return { outreachId: outreach.id as string, told, byPost };
}
