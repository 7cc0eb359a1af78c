// What identity writes to the platform's audit chain: every sign-in (failed ones too), account change,
// grant and staff decision, with both the actor and the person acted for.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';

export interface IdentityAudit {
  tenantId: string;
  action: string;
  actor: string;
  actorKind: 'resident' | 'staff' | 'business' | 'system' | 'anonymous';
  onBehalfOf?: string | null;
  resourceType: string;
  resourceId?: string | null;
  dataClass?: 'public' | 'personal' | 'my_number';
  department?: string | null;
  decision?: 'allow' | 'deny';
  reason?: string | null;
  zone?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(trx: Kysely<any>, entry: IdentityAudit): Promise<void> {
  await appendAudit(trx, {
    tenantId: entry.tenantId,
    action: entry.action,
    actor: entry.actor,
    actorKind: entry.actorKind,
    onBehalfOf: entry.onBehalfOf ?? null,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    dataClass: entry.dataClass ?? 'personal',
    department: entry.department ?? null,
    decision: entry.decision ?? 'allow',
    reason: entry.reason ?? null,
    zone: entry.zone ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details ?? {},
  });
}

/** The request facts every audit entry carries. */
export interface RequestMeta {
  ip: string;
  requestId: string;
  userAgent?: string;
}
