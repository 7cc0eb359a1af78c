// The audit row each staff action on messages writes in its own transaction, and the one a resident's (or an
// anonymous subscriber's) change to their own subscriptions writes.
import type { Kysely } from 'kysely';
import { appendAudit, appendStaffChange, type StaffActor } from '../../platform/audit/audit.ts';
import type { RequestMeta } from '../../platform/http/respond.ts';

export type MessagingActor = StaffActor;

export async function auditMessaging(
  trx: Kysely<any>,
  input: { tenantId: string; actor: MessagingActor },
  what: { action: string; resourceId: string; details?: object },
): Promise<void> {
  await appendStaffChange(trx, input, { ...what, resourceType: 'message', department: null, dataClass: 'public' });
}

/** A subscriber's own change (personal data): by their account, or anonymous (an e-mail link, a stop link). */
export async function auditSubscriber(
  trx: Kysely<any>,
  input: { tenantId: string; accountId: string | null; meta: RequestMeta },
  what: { action: string; resourceId: string; details?: Record<string, unknown> },
): Promise<void> {
  await appendAudit(trx, {
    tenantId: input.tenantId,
    actor: input.accountId ?? 'anonymous',
    actorKind: input.accountId ? 'resident' : 'anonymous',
    action: what.action,
    resourceType: 'msg_subscriber',
    resourceId: what.resourceId,
    dataClass: 'personal',
    decision: 'allow',
    ip: input.meta.ip,
    requestId: input.meta.requestId,
    ...(what.details ? { details: what.details } : {}),
  });
}
