// The audit row each staff change of a consultation writes in its own transaction. Submissions hold
// names and contacts, so every action on a consultation is recorded as touching personal data.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';

export interface StaffActor {
  accountId: string;
  ip?: string;
  requestId?: string;
}

export async function auditStaff(
  trx: Kysely<any>,
  input: { tenantId: string; actor: StaffActor },
  what: { action: string; resourceType: string; resourceId: string; department: string; details?: object },
): Promise<void> {
  await appendAudit(trx, {
    tenantId: input.tenantId,
    actor: input.actor.accountId,
    actorKind: 'staff',
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId,
    department: what.department,
    dataClass: 'personal',
    decision: 'allow',
    ip: input.actor.ip ?? null,
    requestId: input.actor.requestId ?? null,
    details: { ...(what.details ?? {}) },
  });
}
