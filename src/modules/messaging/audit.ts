// The audit row each staff action on messages writes in its own transaction.
import type { Kysely } from 'kysely';
import { appendStaffChange, type StaffActor } from '../../platform/audit/audit.ts';

export type MessagingActor = StaffActor;

export async function auditMessaging(
  trx: Kysely<any>,
  input: { tenantId: string; actor: MessagingActor },
  what: { action: string; resourceId: string; details?: object },
): Promise<void> {
  await appendStaffChange(trx, input, { ...what, resourceType: 'message', department: null, dataClass: 'public' });
}
