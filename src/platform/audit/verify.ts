// `cityhall audit verify`: walks each tenant's chain in order and names the first entry that was
// altered, deleted, reordered or inserted. Reads in fixed chain_seq ranges, so memory stays flat at any
// size. Naming the problem is done once, at the first failure, by looking at the entries after it.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import { tenantIds } from '../tenancy/tenants.ts';
import { type ChainRow, chainColumns, entryHash, genesis } from './chain.ts';

export type ChainProblem = 'altered' | 'deleted' | 'reordered' | 'inserted' | 'truncated';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** Entries not yet sealed that are older than a minute: the sealer is not running. */
  unsealed: number;
  firstBad?: { tenantId: string; seq: string; id: string; problem: ChainProblem };
}

/** A chain head recorded earlier (from the sealer's log line `tenant:seq:hash`). */
export interface ExpectedHead {
  seq: string;
  hash: string;
}

export function parseHead(text: string): { tenantId: string; head: ExpectedHead } {
  const m = /^([a-z][a-z0-9-]{1,62}):(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new Error(`--head は「自治体ID:連番:ハッシュ(64桁)」の形で指定してください（いま: ${text}）。`);
  return { tenantId: m[1]!, head: { seq: m[2]!, hash: m[3]! } };
}

export async function verifyTenantChain(
  db: Kysely<any>,
  tenantId: string,
  key: Buffer,
  pageSize = 20_000,
  expectedHead?: ExpectedHead,
): Promise<VerifyResult> {
  return withTenant(db, tenantId, async (trx) => {
    let checked = 0;
    let expectedSeq = 1n;
    let prev: Buffer = genesis;
    const top = await sql<{
      max: string | null;
    }>`select max(chain_seq)::text as max from audit_log where tenant_id = ${tenantId}`.execute(trx);
    const last = BigInt(top.rows[0]?.max ?? '0');
    if (expectedHead && BigInt(expectedHead.seq) > last) {
      return {
        ok: false,
        checked: 0,
        unsealed: 0,
        firstBad: { tenantId, seq: (last + 1n).toString(), id: '-', problem: 'truncated' },
      };
    }
    // Fixed ranges of chain_seq, not "the next N after": each page reads exactly its own index range,
    // whatever the planner's statistics say. The next page is fetched while this one is hashed.
    const fetchPage = (from: bigint) =>
      sql<ChainRow>`select ${chainColumns} from audit_log
        where tenant_id = ${tenantId}
          and chain_seq between ${from.toString()}::bigint and ${(from + BigInt(pageSize) - 1n).toString()}::bigint
        order by audit_log.chain_seq`.execute(trx);
    let next = last >= 1n ? fetchPage(1n) : undefined;
    for (let from = 1n; from <= last; from += BigInt(pageSize)) {
      const page = await next!;
      next = from + BigInt(pageSize) <= last ? fetchPage(from + BigInt(pageSize)) : undefined;
      for (const r of page.rows) {
        const seq = BigInt(r.chain_seq!);
        const bad = async (problem: ChainProblem): Promise<VerifyResult> => {
          await next?.catch(() => undefined);
          return { ok: false, checked, unsealed: 0, firstBad: { tenantId, seq: r.chain_seq!, id: r.id, problem } };
        };
        if (seq !== expectedSeq) return bad('deleted');
        const own = entryHash(key, r.prev_hash ?? genesis, r.chain_seq!, r);
        if (!r.hash || !own.equals(r.hash)) return bad(await diagnose(trx, tenantId, key, seq, prev, r));
        // Genuine at this place, yet not after the entry before: an entry of an earlier chain put back.
        if (!r.prev_hash?.equals(prev)) return bad('reordered');
        // The recorded head must still be in the chain, unchanged.
        if (expectedHead && r.chain_seq === expectedHead.seq && r.hash.toString('hex') !== expectedHead.hash) {
          return bad('truncated');
        }
        prev = r.hash;
        expectedSeq = seq + 1n;
        checked++;
      }
    }
    const unsealed = await sql<{ n: string }>`select count(*)::text as n from audit_log
      where tenant_id = ${tenantId} and chain_seq is null and occurred_at < now() - interval '1 minute'`.execute(trx);
    return { ok: true, checked, unsealed: Number(unsealed.rows[0]!.n) };
  });
}

/** How far past the first failure `diagnose` looks for the entry that belongs there. */
const diagnosisWindow = 10_000n;

/**
 * Names what happened at `seq`, the first place whose entry does not verify (everything before it did,
 * and `prev` is the hash of the last good entry). The seal covers the position, so a genuine entry
 * verifies only at the place it was sealed in; the key is outside the database, so a forged entry
 * verifies nowhere. Hence:
 * - the entry that belongs here sits further on, and the one here is genuine at another place: reordered;
 * - the entry that belongs here sits further on, and the one here verifies nowhere: inserted (forged);
 * - the entry that belongs here is gone, and the one here is genuine further on: deleted (and renumbered);
 * - otherwise the entry here is the one that belongs here, changed: altered.
 */
async function diagnose(
  trx: Kysely<any>,
  tenantId: string,
  key: Buffer,
  seq: bigint,
  prev: Buffer,
  here: ChainRow,
): Promise<ChainProblem> {
  const after = await sql<ChainRow>`select ${chainColumns} from audit_log
    where tenant_id = ${tenantId}
      and chain_seq between ${(seq + 1n).toString()}::bigint and ${(seq + diagnosisWindow).toString()}::bigint
    order by audit_log.chain_seq`.execute(trx);
  const genuineAt = (r: ChainRow, at: bigint) =>
    r.hash !== null && entryHash(key, r.prev_hash ?? genesis, at.toString(), r).equals(r.hash);
  const belongsHere = after.rows.some((r) => r.prev_hash?.equals(prev) && genuineAt(r, seq));
  let genuineElsewhere = false;
  for (let at = seq + 1n; at <= seq + diagnosisWindow && !genuineElsewhere; at++)
    genuineElsewhere = genuineAt(here, at);
  if (belongsHere) return genuineElsewhere ? 'reordered' : 'inserted';
  return genuineElsewhere ? 'deleted' : 'altered';
}

export async function verifyAuditChain(
  db: Kysely<any>,
  key: Buffer,
  tenantId?: string,
  heads: Map<string, ExpectedHead> = new Map(),
): Promise<VerifyResult> {
  const tenants = tenantId ? [tenantId] : await tenantIds(db);
  const total: VerifyResult = { ok: true, checked: 0, unsealed: 0 };
  for (const id of tenants) {
    const result = await verifyTenantChain(db, id, key, 20_000, heads.get(id));
    total.checked += result.checked;
    total.unsealed += result.unsealed;
    if (!result.ok) return { ...total, ok: false, firstBad: result.firstBad! };
  }
  return total;
}

const problemText: Record<ChainProblem, string> = {
  altered: '内容の変更',
  deleted: '削除（記録の欠落）',
  reordered: '順序の入れ替え',
  inserted: '偽の記録の挿入',
  truncated: '記録済みの先頭より後ろの削除・作り直し',
};

export function describeVerifyResult(result: VerifyResult): string {
  const lines = [`検証した件数: ${result.checked.toLocaleString('ja-JP')} 件`];
  if (result.ok) lines.push('改ざんは見つかりませんでした。');
  else {
    const b = result.firstBad!;
    lines.push(`最初に改ざんされた記録: 自治体 ${b.tenantId} の連番 ${b.seq}（ID ${b.id}）: ${problemText[b.problem]}`);
  }
  if (result.unsealed > 0) {
    lines.push(
      `注意: 1分以上封印されていない記録が ${result.unsealed} 件あります（封印処理が止まっていないか確認してください）。`,
    );
  }
  return lines.join('\n');
}
