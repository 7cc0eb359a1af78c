// What the staff actions on push-type services share: the audit row each change writes in its own
// transaction (the DX office runs these services, on personal data), and whether a job they would enqueue is
// already waiting or running, so that a double click or a retried POST does not start the same work twice.
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

/**
 * A job of `queue` whose data contains `data` in one of `states` (by default: not finished, so waiting, to be
 * retried or running).
 * Jobs live in the platform's queue (pg-boss, docs/adr/0003); the queue has no "pending by data" call, so this
 * reads its table. Call it inside a transaction that holds `lockFor` of the same work.
 */
export async function jobInFlight(
  trx: Kysely<any>,
  queue: string,
  data: Record<string, string>,
  states: readonly ('created' | 'retry' | 'active')[] = ['created', 'retry', 'active'],
): Promise<{ state: string; createdOn: Date } | undefined> {
  const found = await sql<{ state: string; created_on: Date }>`
    select state::text as state, created_on from pgboss.job
    where name = ${queue} and state::text = any(${states}::text[]) and data @> ${JSON.stringify(data)}::jsonb
    order by created_on limit 1`.execute(trx);
  const row = found.rows[0];
  return row ? { state: row.state, createdOn: row.created_on } : undefined;
}

/** Serialises two requests for the same work (a double click) until the end of the transaction. */
export async function lockFor(trx: Kysely<any>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}
