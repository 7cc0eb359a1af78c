// Life events as staff read them: the latest ones of their wards, one household's, or what one submission
// recorded (for the page that confirms it), each with the person's name and 続柄. Access control and the
// audit entry are the caller's; this only reads.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { LifeEventKind } from '../life-events/record.ts';

export interface LifeEventEntry {
  id: string;
  kind: LifeEventKind;
  /** YYYY-MM-DD: birth date, moving-in day, notification day or issue day. */
  date: string;
  householdId: string;
  wardCode: string;
  residentId: string;
  familyName: string;
  givenName: string;
  relationship: string;
  /** pregnancy: { expectedDeliveryDate }; certificate_issued: { certificate, grade, previous }; birth: { motherId }. */
  details: Record<string, unknown>;
  idempotencyKey: string;
  recordedBy: string;
  recordedAt: Date;
}

export async function listLifeEvents(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    /** Only households of these wards (a ward office's staff see their own). */
    wards?: readonly string[];
    householdId?: string;
    /** What one submission recorded, in the order of its form. */
    idempotencyKey?: string;
    limit?: number;
  },
): Promise<LifeEventEntry[]> {
  if (input.householdId !== undefined && !/^\d{1,18}$/.test(input.householdId)) return [];
  if (input.wards !== undefined && input.wards.length === 0) return [];
  return withTenant(deps.db, input.tenantId, async (trx) => {
    let query = trx
      .selectFrom('resident_events as e')
      .innerJoin('residents as r', (j) =>
        j.onRef('r.tenant_id', '=', 'e.tenant_id').onRef('r.id', '=', 'e.resident_id'),
      )
      .innerJoin('households as h', (j) =>
        j.onRef('h.tenant_id', '=', 'e.tenant_id').onRef('h.id', '=', 'e.household_id'),
      )
      .select([
        sql<string>`e.id::text`.as('id'),
        'e.type as kind',
        sql<string>`to_char(e.date, 'YYYY-MM-DD')`.as('date'),
        sql<string>`e.household_id::text`.as('householdId'),
        'h.ward_code as wardCode',
        sql<string>`e.resident_id::text`.as('residentId'),
        'r.family_name as familyName',
        'r.given_name as givenName',
        'r.relationship',
        'e.details',
        'e.idempotency_key as idempotencyKey',
        'e.recorded_by as recordedBy',
        'e.recorded_at as recordedAt',
      ])
      .limit(Math.min(Math.max(input.limit ?? 50, 1), 500));
    if (input.wards) query = query.where('h.ward_code', 'in', input.wards);
    if (input.householdId !== undefined) {
      query = query.where('e.household_id', '=', sql<string>`${input.householdId}::bigint`);
    }
    if (input.idempotencyKey !== undefined) {
      query = query.where('e.idempotency_key', '=', input.idempotencyKey).orderBy('e.position');
    } else {
      query = query.orderBy('e.recorded_at', 'desc').orderBy('e.id', 'desc');
    }
    return (await query.execute()) as LifeEventEntry[];
  });
}
