// The audit row each staff change of a request writes inside its own transaction, so the entry commits
// or rolls back with the change. The answer and the moderation are public data; the e-mail is never copied
// into the audit details.
import type { Kysely } from 'kysely';
import { appendStaffChange, type StaffActor } from '../../../platform/audit/audit.ts';

export type { StaffActor };

/** The DX office (総務企画局デジタル化施策推進室) answers data requests for the whole city. */
export const answeringDepartment = 'somu-kikaku.digital';

export async function auditRequestChange(
  trx: Kysely<any>,
  input: { tenantId: string; actor: StaffActor },
  what: { action: string; requestId: string; details: object },
): Promise<void> {
  await appendStaffChange(trx, input, {
    action: what.action,
    resourceType: 'open_data_request',
    resourceId: what.requestId,
    department: answeringDepartment,
    dataClass: 'public',
    details: what.details,
  });
}
