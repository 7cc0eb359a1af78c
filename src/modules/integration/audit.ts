// The audit row every change of the integration settings writes in its own transaction.
import type { Kysely } from 'kysely';
import { appendStaffChange, type StaffActor } from '../../platform/audit/audit.ts';

export type { StaffActor };

export async function auditChange(
  trx: Kysely<any>,
  input: { tenantId: string; actor: StaffActor },
  what: { action: string; resourceType: string; resourceId: string; department: string | null; details?: object },
): Promise<void> {
  await appendStaffChange(trx, input, { ...what, dataClass: 'personal' });
}
