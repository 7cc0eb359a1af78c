// The hash of one sealed entry: HMAC-SHA256 over the previous hash and the entry's fields in a fixed
// order. The key lives outside the database (derived from CITYHALL_SECRET), so whoever can write to
// the database alone cannot rebuild a consistent chain after changing an entry.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';

/** Columns as the sealer and the verifier read them: text forms that survive a round trip exactly. */
export const chainColumns = sql`id::text as id, tenant_id, chain_seq::text as chain_seq,
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
  actor, actor_kind, on_behalf_of, action, resource_type, resource_id, department, data_class, decision,
  reason, zone, ip, request_id, details::text as details, prev_hash, hash`;

export interface ChainRow {
  id: string;
  tenant_id: string;
  chain_seq: string | null;
  occurred_at: string;
  actor: string;
  actor_kind: string;
  on_behalf_of: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  department: string | null;
  data_class: string;
  decision: string;
  reason: string | null;
  zone: string | null;
  ip: string | null;
  request_id: string | null;
  details: string;
  prev_hash: Buffer | null;
  hash: Buffer | null;
}

export const genesis = Buffer.alloc(32);

export function entryHash(key: Buffer, prev: Buffer, seq: string, r: ChainRow): Buffer {
  const fields = [
    r.tenant_id,
    seq,
    r.occurred_at,
    r.actor,
    r.actor_kind,
    r.on_behalf_of,
    r.action,
    r.resource_type,
    r.resource_id,
    r.department,
    r.data_class,
    r.decision,
    r.reason,
    r.zone,
    r.ip,
    r.request_id,
    r.details,
  ];
  return createHmac('sha256', key).update(prev).update(JSON.stringify(fields)).digest();
}
