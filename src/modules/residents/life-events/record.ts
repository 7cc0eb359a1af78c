// The steps every life-event use case shares, inside its one transaction: find what a retried form already
// recorded (under the form's key, locked so two presses are taken one after the other), hand out register
// ids, and write the event rows with their audit entry and the one domain event eligibility reacts to.
import { type Kysely, sql } from 'kysely';
import { appendStaffChange, type StaffActor } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { Events } from '../../../platform/events/events.ts';
import { AppError, type FieldError, failValidation } from '../../../platform/http/errors.ts';
import { loadHousehold, type RegisterHousehold } from './household.ts';

export const lifeEventKinds = ['birth', 'move_in', 'pregnancy', 'certificate_issued'] as const;
export type LifeEventKind = (typeof lifeEventKinds)[number];

/** The domain event of every life event (one per submission, whatever the number of people). */
export const lifeEventType = 'residents.life_event';

/** `data` of a `residents.life_event` domain event: the contract the eligibility module subscribes to. */
export type LifeEventData = {
  householdId: string;
  residentIds: string[];
  kind: LifeEventKind;
  /** YYYY-MM-DD: the birth date, the moving-in day, the notification day or the issue day. */
  date: string;
};

/** What one submission recorded: the same answer the first time and on every retry with its key. */
export interface RecordedLifeEvent {
  kind: LifeEventKind;
  idempotencyKey: string;
  householdId: string;
  /** The people concerned, in the order of the form (a move-in's members; the child of a birth). */
  residentIds: string[];
  date: string;
  eventIds: string[];
  /** True when the key had already been recorded: nothing was written this time. */
  repeated: boolean;
}

export const kindNames: Record<LifeEventKind, string> = {
  birth: '出生届',
  move_in: '転入届',
  pregnancy: '妊娠届',
  certificate_issued: '障害者手帳の交付',
};

/** The ward office's 区民課 that keeps a ward's register (as staff departments name it). */
export function wardDepartment(wardCode: string): string {
  return `ward-${wardCode}.kumin`;
}

/**
 * A notification about residents of an existing household, in one transaction: the form's problems so far (a
 * missing household number among them) are refused together; a retried form answers with what it recorded;
 * otherwise `record` runs with the household locked until the transaction ends. An unknown household is a 404.
 */
export async function recordForHousehold(
  db: Kysely<any>,
  input: {
    tenantId: string;
    idempotencyKey: string;
    kind: LifeEventKind;
    householdId: string | undefined;
    errors: FieldError[];
  },
  record: (trx: Kysely<any>, household: RegisterHousehold) => Promise<RecordedLifeEvent>,
): Promise<RecordedLifeEvent> {
  const { householdId, errors } = input;
  if (!householdId) errors.push({ field: 'householdId', message: '世帯番号は数字で入力してください。' });
  if (errors.length > 0) failValidation(errors);
  return withTenant(db, input.tenantId, async (trx) => {
    const earlier = await earlierSubmission(trx, input, input.kind, householdId);
    if (earlier) return earlier;
    const household = await loadHousehold(trx, householdId!, { lock: true });
    if (!household) throw new AppError('not_found', `世帯番号 ${householdId} の世帯は住民記録にありません。`);
    return record(trx, household);
  });
}

/**
 * What this key already recorded, or undefined. Holds a lock on the key until the transaction ends, so a
 * second press waits for the first and then finds its rows. A key already used for another kind of
 * notification or another household is a conflict, never someone else's record handed back.
 */
export async function earlierSubmission(
  trx: Kysely<any>,
  input: { tenantId: string; idempotencyKey: string },
  kind: LifeEventKind,
  householdId?: string,
): Promise<RecordedLifeEvent | undefined> {
  await sql`select pg_advisory_xact_lock(hashtext(${`resident_events:${input.tenantId}:${input.idempotencyKey}`}))`.execute(
    trx,
  );
  const rows = await trx
    .selectFrom('resident_events')
    .select([
      sql<string>`id::text`.as('id'),
      sql<string>`resident_id::text`.as('residentId'),
      sql<string>`household_id::text`.as('householdId'),
      'type',
      sql<string>`to_char(date, 'YYYY-MM-DD')`.as('date'),
    ])
    .where('idempotency_key', '=', input.idempotencyKey)
    .orderBy('position')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  if (first.type !== kind) {
    throw new AppError(
      'conflict',
      `この届出の受付キーは、すでに別の届出（${kindNames[first.type as LifeEventKind] ?? first.type}）の登録に使われています。画面を開き直してから登録してください。`,
    );
  }
  if (householdId !== undefined && first.householdId !== householdId) {
    throw new AppError(
      'conflict',
      `この届出の受付キーは、すでに別の世帯（世帯番号 ${first.householdId}）の登録に使われています。画面を開き直してから登録してください。`,
    );
  }
  return {
    kind,
    idempotencyKey: input.idempotencyKey,
    householdId: first.householdId,
    residentIds: rows.map((r) => r.residentId),
    date: first.date,
    eventIds: rows.map((r) => r.id),
    repeated: true,
  };
}

/**
 * `count` unused ids of `table` (households or residents) of the transaction's tenant. The tenant's lock on
 * the table's ids is held to the end of the transaction, so two registrations never take the same number.
 */
export async function nextIds(
  trx: Kysely<any>,
  tenantId: string,
  table: 'households' | 'residents',
  count: number,
): Promise<string[]> {
  await sql`select pg_advisory_xact_lock(hashtext(${`residents.ids:${tenantId}:${table}`}))`.execute(trx);
  const { rows } = await sql<{
    max: string;
  }>`select coalesce(max(id), 0)::text as max from ${sql.table(table)}`.execute(trx);
  const start = BigInt(rows[0]!.max) + 1n;
  return Array.from({ length: count }, (_, i) => String(start + BigInt(i)));
}

/**
 * The rows of one submission (one per person, in order), the staff member's audit entry and the one
 * `residents.life_event` domain event, in the caller's transaction.
 */
export async function recordLifeEvent(
  trx: Kysely<any>,
  deps: { events: Events },
  input: { tenantId: string; actor: StaffActor; idempotencyKey: string },
  what: {
    kind: LifeEventKind;
    householdId: string;
    wardCode: string;
    date: string;
    people: { residentId: string; details?: Record<string, unknown> }[];
  },
): Promise<RecordedLifeEvent> {
  const rows = await trx
    .insertInto('resident_events')
    .values(
      what.people.map((p, position) => ({
        tenant_id: input.tenantId,
        resident_id: p.residentId,
        household_id: what.householdId,
        type: what.kind,
        date: what.date,
        details: JSON.stringify(p.details ?? {}),
        idempotency_key: input.idempotencyKey,
        position,
        recorded_by: input.actor.accountId,
      })),
    )
    .returning([sql<string>`id::text`.as('id')])
    .execute();
  const residentIds = what.people.map((p) => p.residentId);
  const eventIds = rows.map((r) => r.id);
  const department = wardDepartment(what.wardCode);
  await appendStaffChange(trx, input, {
    action: `residents.life_event.${what.kind}`,
    resourceType: 'household',
    resourceId: what.householdId,
    department,
    dataClass: 'personal',
    details: { kind: what.kind, date: what.date, residentIds, eventIds },
  });
  const data: LifeEventData = { householdId: what.householdId, residentIds, kind: what.kind, date: what.date };
  await deps.events.emit(trx, {
    tenantId: input.tenantId,
    type: lifeEventType,
    subjectType: 'household',
    subjectId: what.householdId,
    department,
    data,
  });
  return {
    kind: what.kind,
    idempotencyKey: input.idempotencyKey,
    householdId: what.householdId,
    residentIds,
    date: what.date,
    eventIds,
    repeated: false,
  };
}
