// Rate limits on abuse-prone endpoints (sign-in, sign-up, recovery, anonymous forms): a fixed window per
// key in PostgreSQL, so every API process counts against the same limit. Over the limit the caller
// gets 429 with Retry-After; the request that was refused is not counted twice.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../db/tenant.ts';
import { AppError } from './errors.ts';

export interface RateLimitRule {
  /** What is limited, e.g. `sign-in:ip:203.0.113.5` or `sign-in:account:a@example.jp`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

export async function hitRateLimit(db: Kysely<any>, tenantId: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const nowSeconds = Date.now() / 1000;
  const windowStart = Math.floor(nowSeconds / rule.windowSeconds) * rule.windowSeconds;
  const row = await withTenant(db, tenantId, async (trx) => {
    const result = await sql<{ hits: number }>`
      insert into rate_limit_counters (tenant_id, key, window_start, hits)
      values (${tenantId}, ${rule.key}, to_timestamp(${windowStart}), 1)
      on conflict (tenant_id, key, window_start) do update set hits = rate_limit_counters.hits + 1
      returning hits`.execute(trx);
    // Old windows are swept now and then by whoever passes, so the table stays small without a job.
    if (Math.random() < 0.01) {
      await sql`delete from rate_limit_counters where window_start < now() - interval '1 day'`.execute(trx);
    }
    return result.rows[0]!;
  });
  const retryAfterSeconds = Math.max(1, Math.ceil(windowStart + rule.windowSeconds - nowSeconds));
  return { allowed: row.hits <= rule.limit, hits: row.hits, retryAfterSeconds };
}

/** Counts one hit on each rule (one statement) and throws 429 (with Retry-After) when any is over its limit. */
export async function enforceRateLimits(db: Kysely<any>, tenantId: string, rules: RateLimitRule[]): Promise<void> {
  if (rules.length === 0) return;
  const nowSeconds = Date.now() / 1000;
  const windows = rules.map((rule) => Math.floor(nowSeconds / rule.windowSeconds) * rule.windowSeconds);
  const rows = await withTenant(db, tenantId, async (trx) => {
    const values = sql.join(rules.map((rule, i) => sql`(${tenantId}, ${rule.key}, to_timestamp(${windows[i]!}), 1)`));
    const result = await sql<{ key: string; hits: number }>`
      insert into rate_limit_counters (tenant_id, key, window_start, hits) values ${values}
      on conflict (tenant_id, key, window_start) do update set hits = rate_limit_counters.hits + 1
      returning key, hits`.execute(trx);
    if (Math.random() < 0.01) {
      await sql`delete from rate_limit_counters where window_start < now() - interval '1 day'`.execute(trx);
    }
    return result.rows;
  });
  let retryAfter = 0;
  rules.forEach((rule, i) => {
    const hits = rows.find((r) => r.key === rule.key)?.hits ?? 0;
    if (hits > rule.limit) retryAfter = Math.max(retryAfter, Math.ceil(windows[i]! + rule.windowSeconds - nowSeconds));
  });
  if (retryAfter > 0) throw tooManyRequests(Math.max(1, retryAfter));
}

export function tooManyRequests(retryAfterSeconds: number): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'too_many_requests',
    retryAfterSeconds < 60
      ? `短い時間に何度も送信されました。${retryAfterSeconds}秒ほど待ってから、もう一度お試しください。`
      : `短い時間に何度も送信されました。${minutes}分ほど待ってから、もう一度お試しください。`,
    { headers: { 'retry-after': String(retryAfterSeconds) } },
  );
}

/** Forgets the counts of a key (e.g. after a successful second factor, so only failures add up). */
export async function clearRateLimit(db: Kysely<any>, tenantId: string, key: string): Promise<void> {
  await withTenant(db, tenantId, (trx) => trx.deleteFrom('rate_limit_counters').where('key', '=', key).execute());
}
