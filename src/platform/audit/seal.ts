// The sealer: gives committed audit entries their place in the tenant's chain, in the order it finds
// them. It sees only committed rows, so an entry of a request still running is sealed by a later round,
// after entries with higher ids: the chain's order is the order of sealing, never rewritten. One sealer
// at a time per tenant (advisory lock); every process may run one, whichever gets the lock does the work.
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import { withTenant } from '../db/tenant.ts';
import { tenantIds } from '../tenancy/tenants.ts';
import { type ChainRow, chainColumns, entryHash, genesis } from './chain.ts';

const lockBase = 7_262_100;

export interface ChainHead {
  tenantId: string;
  seq: string;
  hash: string;
}

export async function sealTenant(
  db: Kysely<any>,
  tenantId: string,
  key: Buffer,
  batch = 10_000,
  onHead?: (head: ChainHead) => void,
): Promise<number> {
  return withTenant(db, tenantId, async (trx) => {
    const locked = await sql<{
      ok: boolean;
    }>`select pg_try_advisory_xact_lock(${lockBase}, hashtext(${tenantId})) as ok`.execute(trx);
    if (!locked.rows[0]?.ok) return 0;
    const pending = await sql<ChainRow>`select ${chainColumns} from audit_log
      where tenant_id = ${tenantId} and chain_seq is null
      order by audit_log.id limit ${batch}`.execute(trx);
    if (pending.rows.length === 0) return 0;
    const head = await sql<{ chain_seq: string; hash: Buffer }>`select chain_seq::text as chain_seq, hash from audit_log
      where tenant_id = ${tenantId} and chain_seq is not null order by audit_log.chain_seq desc limit 1`.execute(trx);
    let seq = BigInt(head.rows[0]?.chain_seq ?? '0');
    let prev: Buffer = head.rows[0]?.hash ?? genesis;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: Buffer[] = [];
    const hashes: Buffer[] = [];
    for (const r of pending.rows) {
      seq += 1n;
      const hash = entryHash(key, prev, seq.toString(), r);
      ids.push(r.id);
      seqs.push(seq.toString());
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    await sql`update audit_log a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
      from unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::bytea[], ${hashes}::bytea[]) as v(id, seq, prev, hash)
      where a.tenant_id = ${tenantId} and a.id = v.id`.execute(trx);
    onHead?.({ tenantId, seq: seq.toString(), hash: prev.toString('hex') });
    return pending.rows.length;
  });
}

/** Seals every tenant's pending entries; returns how many were sealed. */
export async function sealAuditLog(db: Kysely<any>, key: Buffer, onHead?: (head: ChainHead) => void): Promise<number> {
  let sealed = 0;
  for (const id of await tenantIds(db)) {
    for (;;) {
      const n = await sealTenant(db, id, key, 10_000, onHead);
      sealed += n;
      if (n < 10_000) break;
    }
  }
  return sealed;
}

/**
 * Runs the sealer every `intervalMs` (as the owner: the app role may not UPDATE audit_log). The chain
 * head is logged after each round, an anchor outside the database that a verifier can compare with.
 */
export function startAuditSealer(options: { db: Kysely<any>; key: Buffer; log: Logger; intervalMs?: number }): {
  stop(): Promise<void>;
} {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      // Each new head goes to the logs: a copy outside the database that `audit verify --head` can check
      // against, so cutting entries off the end of the chain is found too.
      const sealed = await sealAuditLog(options.db, options.key, (head) =>
        options.log.info({ auditHead: `${head.tenantId}:${head.seq}:${head.hash}` }, '監査ログの連鎖の先頭'),
      );
      if (sealed > 0) options.log.debug({ sealed }, 'audit entries sealed');
    } catch (error) {
      if (!stopped) options.log.warn({ err: error }, '監査ログの封印に失敗しました。次回再試行します');
    }
    if (!stopped) schedule();
  };
  // The next round starts only after this one ends, however long a round takes.
  const schedule = () => {
    timer = setTimeout(() => {
      running = tick();
    }, options.intervalMs ?? 500);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
