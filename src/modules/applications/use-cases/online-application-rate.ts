// KPI ①ア オンライン申請率: applications received online over all received (online, counter, post) in a
// period — by default the current fiscal year (April to March, Japan time). Drafts never count.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export function fiscalYearOf(at: Date): { from: Date; to: Date } {
  const jst = new Date(at.getTime() + 9 * 3_600_000);
  const year = jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
  return {
    from: new Date(Date.UTC(year, 3, 1) - 9 * 3_600_000),
    to: new Date(Date.UTC(year + 1, 3, 1) - 9 * 3_600_000),
  };
}

export async function onlineApplicationRate(
  deps: { db: Kysely<any> },
  input: { tenantId: string; from?: Date; to?: Date },
): Promise<{ online: number; total: number; rate: number | null; from: Date; to: Date }> {
  const period = input.from && input.to ? { from: input.from, to: input.to } : fiscalYearOf(new Date());
  const row = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('applications')
      .select([sql<string>`count(*) filter (where channel = 'online')`.as('online'), sql<string>`count(*)`.as('total')])
      .where('submitted_at', '>=', period.from)
      .where('submitted_at', '<', period.to)
      .executeTakeFirstOrThrow(),
  );
  const online = Number(row.online);
  const total = Number(row.total);
  return { online, total, rate: total > 0 ? online / total : null, ...period };
}
