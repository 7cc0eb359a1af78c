// What the payments use cases need: the app's database, domain events and (online only) the provider.
import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Events } from '../../platform/events/events.ts';
import type { PaymentProvider } from './provider.ts';

export interface PaymentDeps {
  db: Kysely<any>;
  events: Events;
  provider: PaymentProvider;
}

/** The request facts an audit entry carries. */
export interface RequestMeta {
  ip: string;
  requestId: string;
}

export interface PaymentAudit {
  tenantId: string;
  action: string;
  actor: string;
  actorKind: 'resident' | 'staff' | 'system';
  paymentId: string;
  department?: string | null;
  meta?: RequestMeta | undefined;
  details?: Record<string, unknown>;
}

export async function auditPayment(trx: Kysely<any>, entry: PaymentAudit): Promise<void> {
  await appendAudit(trx, {
    tenantId: entry.tenantId,
    action: entry.action,
    actor: entry.actor,
    actorKind: entry.actorKind,
    resourceType: 'payment',
    resourceId: entry.paymentId,
    department: entry.department ?? null,
    dataClass: 'personal',
    decision: 'allow',
    ip: entry.meta?.ip ?? null,
    requestId: entry.meta?.requestId ?? null,
    details: entry.details ?? {},
  });
}
