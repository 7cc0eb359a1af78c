// How many subscribers a segment reaches, per channel, before staff send: the number they approve.

import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { parseSegment, type SegmentInput, segmentCondition } from '../delivery/segment.ts';

export function japanYear(now = new Date()): number {
  return Number(japanToday(now).slice(0, 4));
}

export async function audienceSize(
  deps: { db: Kysely<any> },
  input: { tenantId: string; segment: SegmentInput },
): Promise<{ total: number; byChannel: Record<string, number> }> {
  const { errors, value } = parseSegment(input.segment);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    sql<{ channel: string; n: string }>`select s.channel, count(*) as n from msg_subscribers s
      where ${segmentCondition(value, japanYear())} group by s.channel`.execute(trx),
  );
  const byChannel = Object.fromEntries(rows.rows.map((r) => [r.channel, Number(r.n)]));
  return { total: Object.values(byChannel).reduce((a, b) => a + b, 0), byChannel };
}
