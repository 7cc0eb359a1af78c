// Every household with the facts eligibility rules read (ages, relationships, ward, income band,
// disability, recent life events), in id order, a page at a time: for whole-population runs, which must not
// hold 1.55 million people in memory or one long transaction. No names or addresses: rules do not need them.
// A page is two statements in one short transaction: the households with their members, then the page's
// life events by one range scan of their household ids (never a query per household).
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { japanToday } from '../../../platform/ja/today.ts';
import { yearsBefore } from '../life-events/validate.ts';

/** A dated life event of a member: birth, move_in, pregnancy, certificate_issued. */
export interface MemberEvent {
  type: string;
  /** YYYY-MM-DD */
  date: string;
}

/** How far back members' events are read unless asked otherwise (the longest rule looks back 300 days). */
export const eventYears = 2;

/** Shared by every member without events (most of them): no array allocated per person. */
export const noEvents: readonly MemberEvent[] = Object.freeze([]);

export interface EligibilityMember {
  id: string;
  relationship: string;
  birthDate: string;
  sex: '1' | '2';
  nationality: string;
  disability: { type: string; grade: string } | null;
  /** Their life events since `eventsSince` (two years by default), oldest first. */
  events: readonly MemberEvent[];
}

export interface EligibilityHousehold {
  id: string;
  wardCode: string;
  incomeBand: number;
  members: EligibilityMember[];
}

type Which = { after: string; pageSize: number } | { ids: readonly string[] };

/** One page: the households chosen, their members, and the members' events since `since` (two statements). */
async function readHouseholds(trx: Kysely<any>, which: Which, since: string): Promise<EligibilityHousehold[]> {
  const chosen =
    'ids' in which
      ? sql`select id, ward_code, income_band from households where id = any(${which.ids}::bigint[])`
      : sql`select id, ward_code, income_band from households
          where id > ${which.after}::bigint order by id limit ${which.pageSize}`;
  const { rows } = await sql<{
    household_id: string;
    ward_code: string;
    income_band: number;
    id: string | null;
    relationship: string;
    birth_date: string;
    sex: '1' | '2';
    nationality: string;
    disability_type: string | null;
    disability_grade: string | null;
  }>`
    with page as (${chosen})
    select p.id::text as household_id, p.ward_code, p.income_band, r.id::text as id, r.relationship,
           to_char(r.birth_date, 'YYYY-MM-DD') as birth_date, r.sex, r.nationality,
           r.disability_type, r.disability_grade
    from page p left join residents r on r.tenant_id = app_tenant() and r.household_id = p.id
      -- The page's id range, so the register is read by its household index, not scanned whole per page.
      and r.household_id >= (select min(id) from page) and r.household_id <= (select max(id) from page)
    order by p.id, r.id`.execute(trx);
  if (rows.length === 0) return [];
  const first = rows[0]!.household_id;
  const last = rows[rows.length - 1]!.household_id;
  const { rows: events } = await sql<{ resident_id: string; type: string; date: string }>`
    select resident_id::text as resident_id, type, to_char(date, 'YYYY-MM-DD') as date
    from resident_events
    where household_id >= ${first}::bigint and household_id <= ${last}::bigint and date >= ${since}::date
    order by resident_id, date, id`.execute(trx);
  const eventsOf = new Map<string, MemberEvent[]>();
  for (const e of events) {
    const list = eventsOf.get(e.resident_id);
    if (list) list.push({ type: e.type, date: e.date });
    else eventsOf.set(e.resident_id, [{ type: e.type, date: e.date }]);
  }
  const households: EligibilityHousehold[] = [];
  let current: EligibilityHousehold | undefined;
  for (const r of rows) {
    if (current?.id !== r.household_id) {
      current = { id: r.household_id, wardCode: r.ward_code, incomeBand: r.income_band, members: [] };
      households.push(current);
    }
    if (r.id === null) continue;
    current.members.push({
      id: r.id,
      relationship: r.relationship,
      birthDate: r.birth_date,
      sex: r.sex,
      nationality: r.nationality,
      disability: r.disability_type ? { type: r.disability_type, grade: r.disability_grade ?? '' } : null,
      events: eventsOf.get(r.id) ?? noEvents,
    });
  }
  return households;
}

function eventsSince(value: string | undefined): string {
  const since = value ?? yearsBefore(japanToday(), eventYears);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since))
    throw new Error(`eventsSince must be YYYY-MM-DD, got ${JSON.stringify(since)}`);
  return since;
}

/**
 * Pages of households after `afterId` (exclusive); each page is read in its own short transaction. Members'
 * events are those dated on or after `eventsSince` (YYYY-MM-DD; two years before today in Japan by default).
 */
export async function* streamHouseholds(
  deps: { db: Kysely<any> },
  input: { tenantId: string; pageSize?: number; afterId?: string; eventsSince?: string },
): AsyncGenerator<EligibilityHousehold[]> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 5_000, 1), 50_000);
  let after = input.afterId ?? '0';
  if (!/^\d{1,18}$/.test(after)) throw new Error(`afterId must be a household id, got ${JSON.stringify(after)}`);
  const since = eventsSince(input.eventsSince);
  for (;;) {
    const households = await withTenant(deps.db, input.tenantId, (trx) =>
      readHouseholds(trx, { after, pageSize }, since),
    );
    if (households.length === 0) return;
    yield households;
    after = households[households.length - 1]!.id;
  }
}

/** The households of `householdIds` (unknown ids left out), read as streamHouseholds reads a page. */
export async function readEligibilityHouseholds(
  deps: { db: Kysely<any> },
  input: { tenantId: string; householdIds: readonly string[]; eventsSince?: string },
): Promise<EligibilityHousehold[]> {
  const ids = [...new Set(input.householdIds)]
    .filter((id) => /^\d{1,18}$/.test(id))
    .sort((a, b) => Number(a) - Number(b));
  const since = eventsSince(input.eventsSince);
  const found: EligibilityHousehold[] = [];
  // Chunks keep each statement's id list and its events' range scan small.
  for (let i = 0; i < ids.length; i += 5_000) {
    const chunk = ids.slice(i, i + 5_000);
    found.push(...(await withTenant(deps.db, input.tenantId, (trx) => readHouseholds(trx, { ids: chunk }, since))));
  }
  return found;
}
