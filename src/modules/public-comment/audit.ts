// The audit row each staff change of a consultation writes in its own transaction. Submissions hold
// names and contacts, so every action on a consultation is recorded as touching personal data.
import type { Kysely } from 'kysely';
import { appendStaffChange, type StaffActor } from '../../platform/audit/audit.ts';

export type { StaffActor };

export async function auditStaff(
  trx: Kysely<any>,
  input: { tenantId: string; actor: StaffActor },
  what: { action: string; resourceType: string; resourceId: string; department: string; details?: object },
): Promise<void> {
  await appendStaffChange(trx, input, { ...what, dataClass: 'personal' });
}
