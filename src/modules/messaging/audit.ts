// The audit row each staff action on messages writes in its own transaction.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';

export interface MessagingActor {
  accountId: string;
  ip?: string;
  requestId?: string;
}

export async function auditMessaging(
  trx: Kysely<any>,
  input: { tenantId: string; actor: MessagingActor },
  what: { action: string; resourceId: string; details?: object },
): Promise<void> {
  await appendAudit(trx, {
    tenantId: input.tenantId,
    actor: input.actor.accountId,
    actorKind: 'staff',
    action: what.action,
    resourceType: 'message',
    resourceId: what.resourceId,
    department: null,
    dataClass: 'public',
    decision: 'allow',
    ip: input.actor.ip ?? null,
    requestId: input.actor.requestId ?? null,
    details: { ...(what.details ?? {}) },
  });
}
