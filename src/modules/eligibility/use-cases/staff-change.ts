// What the staff actions on push-type services share: the audit row each change writes in its own
// transaction (the DX office runs these services, on personal data), and a lock that serialises a double click
// while it checks (with the platform's jobInFlight) whether the work is already queued.
import { type Kysely, sql } from 'kysely';
import { appendStaffChange, type StaffActor } from '../../../platform/audit/audit.ts';

/** デジタル化施策推進室: the department that runs push-type services (authorisation and audit rows name it). */
export const eligibilityDepartment = 'somu-kikaku.digital';

export async function auditRuleChange(
  trx: Kysely<any>,
  input: { tenantId: string; actor: StaffActor },
  /** resourceId: the rule's id, or 'population-run' for a run of every rule. */
  what: { action: string; resourceId: string; details?: object },
): Promise<void> {
  await appendStaffChange(trx, input, {
    action: what.action,
    resourceType: 'eligibility_rule',
    resourceId: what.resourceId,
    department: eligibilityDepartment,
    dataClass: 'personal',
    details: what.details,
  });
}

/** Serialises two requests for the same work (a double click) until the end of the transaction. */
export async function lockFor(trx: Kysely<any>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}
