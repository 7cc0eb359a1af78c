// Appending to the audit log: one INSERT inside the caller's tenant transaction, so the entry commits or
// rolls back with the change it records. The hash chain is added later by the sealer (seal.ts).
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { readWithTenant } from '../db/tenant.ts';

export type ActorKind = 'resident' | 'staff' | 'business' | 'system' | 'anonymous';
export type DataClass = 'public' | 'personal' | 'my_number';

export interface AuditEntry {
  tenantId: string;
  /** Account id, staff id, 'system', or a description of an anonymous caller. */
  actor: string;
  actorKind: ActorKind;
  /** The person a proxy acted for (代理), when not the actor. */
  onBehalfOf?: string | null;
  /** Dotted verb, e.g. 'auth.sign_in.resident', 'resident.read'. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  department?: string | null;
  dataClass: DataClass;
  decision: 'allow' | 'deny';
  reason?: string | null;
  zone?: string | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** The row of an entry, for a use case that writes it inside a larger statement (a CTE). */
export function auditValues(entry: AuditEntry) {
  return {
    tenant_id: entry.tenantId,
    actor: entry.actor,
    actor_kind: entry.actorKind,
    on_behalf_of: entry.onBehalfOf ?? null,
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: entry.resourceId ?? null,
    department: entry.department ?? null,
    data_class: entry.dataClass,
    decision: entry.decision,
    reason: entry.reason ?? null,
    zone: entry.zone ?? null,
    ip: entry.ip ?? null,
    request_id: entry.requestId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** Call inside `withTenant(db, entry.tenantId, trx => …)`. */
export async function appendAudit(trx: Kysely<any>, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values(auditValues(entry)).execute();
}

export async function appendAuditBatch(trx: Kysely<any>, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await trx.insertInto('audit_log').values(entries.map(auditValues)).execute();
}

/**
 * An entry that belongs to no other write (a read of personal data, a denial): one INSERT sent with its
 * tenant setting as a single message, one round trip and its own implicit transaction.
 */
export async function recordAudit(deps: { db: Kysely<any>; pool: pg.Pool }, entry: AuditEntry): Promise<void> {
  await readWithTenant(deps.pool, entry.tenantId, deps.db.insertInto('audit_log').values(auditValues(entry)));
}

/** A staff member making a change, as the use cases receive them from a page or an API token. */
export interface StaffActor {
  accountId: string;
  ip?: string;
  requestId?: string;
}

/**
 * The allowed change a staff member made, written in the use case's own transaction so the entry commits
 * or rolls back with the change. (The access decision itself is recorded by the policy point.)
 */
export async function appendStaffChange(
  trx: Kysely<any>,
  input: { tenantId: string; actor: StaffActor },
  what: {
    action: string;
    resourceType: string;
    resourceId: string;
    department: string | null;
    dataClass: DataClass;
    details?: object | undefined;
  },
): Promise<void> {
  await appendAudit(trx, {
    tenantId: input.tenantId,
    actor: input.actor.accountId,
    actorKind: 'staff',
    action: what.action,
    resourceType: what.resourceType,
    resourceId: what.resourceId,
    department: what.department,
    dataClass: what.dataClass,
    decision: 'allow',
    ip: input.actor.ip ?? null,
    requestId: input.actor.requestId ?? null,
    details: { ...(what.details ?? {}) },
  });
}
