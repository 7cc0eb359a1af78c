// The audit row each change of the catalogue writes in its own transaction. Catalogue data is public;
// who changed it, and from where, is still recorded.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { OpenDataActor } from './actor.ts';

export async function auditOpenData(
  trx: Kysely<any>,
  input: { tenantId: string; actor: OpenDataActor },
  what: { action: string; resourceType: string; resourceId: string; department: string | null; details?: object },
): Promise<void> {
  await appendAudit(trx, {
    tenantId: input.tenantId,
    actor: input.actor.accountId,
    actorKind: 'staff',
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId,
    department: what.department,
    dataClass: 'public',
    decision: 'allow',
    ip: input.actor.ip ?? null,
    requestId: input.actor.requestId ?? null,
    details: { ...(what.details ?? {}) },
  });
}
