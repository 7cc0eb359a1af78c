// What the life-event tests read back from the database (as the owner, past row-level security): households
// of a shape, and how many rows, domain events and audit entries a submission left behind.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../../platform/http/errors.ts';

export const tenantId = 'kawasaki';
export const actor = { accountId: 'staff-test', ip: '10.1.2.3', requestId: 'req-test' };
export const newKey = () => randomBytes(12).toString('base64url');

/** A household of `ward` with a woman aged 20–45 in it and no member born in the last year; its ids. */
export async function householdWithWoman(
  ownerDb: Kysely<any>,
  options: { ward?: string; skip?: number } = {},
): Promise<{ householdId: string; womanId: string; womanBirthDate: string; manId: string | undefined }> {
  const { rows } = await sql<{ household_id: string; woman: string; birth: string; man: string | null }>`
    select h.id::text as household_id,
           (array_agg(r.id::text order by r.id) filter (where r.sex = '2'
             and r.birth_date between current_date - interval '45 years' and current_date - interval '20 years'))[1] as woman,
           (array_agg(to_char(r.birth_date, 'YYYY-MM-DD') order by r.id) filter (where r.sex = '2'
             and r.birth_date between current_date - interval '45 years' and current_date - interval '20 years'))[1] as birth,
           (array_agg(r.id::text order by r.id) filter (where r.sex = '1'))[1] as man
    from households h join residents r on r.tenant_id = h.tenant_id and r.household_id = h.id
    where h.tenant_id = ${tenantId} and h.ward_code = ${options.ward ?? '141313'}
      and not exists (select 1 from resident_events e where e.tenant_id = h.tenant_id and e.household_id = h.id)
    group by h.id
    having bool_or(r.sex = '2' and r.birth_date between current_date - interval '45 years' and current_date - interval '20 years')
       and bool_and(r.birth_date < current_date - interval '1 year')
    order by h.id offset ${options.skip ?? 0} limit 1`.execute(ownerDb);
  const row = rows[0];
  if (!row) throw new Error('no household with a woman of 20–45 in the demo register');
  return { householdId: row.household_id, womanId: row.woman, womanBirthDate: row.birth, manId: row.man ?? undefined };
}

export async function countRows(
  ownerDb: Kysely<any>,
  table: 'resident_events' | 'residents' | 'households' | 'domain_events' | 'audit_log',
  where: Record<string, string> = {},
): Promise<number> {
  let query = ownerDb.selectFrom(table).select(sql<string>`count(*)`.as('n')).where('tenant_id', '=', tenantId);
  for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The `residents.life_event` domain events about a household. */
export async function lifeEventsOf(ownerDb: Kysely<any>, householdId: string) {
  return ownerDb
    .selectFrom('domain_events')
    .select(['type', 'subject_type', 'subject_id', 'department', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('type', '=', 'residents.life_event')
    .where('subject_id', '=', householdId)
    .orderBy('seq')
    .execute();
}

/** The use case refuses with this error code and, on `field` (or as the whole message), text matching `message`. */
export async function rejects(promise: Promise<unknown>, code: string, field: string | undefined, message: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    const text = field ? error.errors.find((e) => e.field === field)?.message : error.message;
    assert.match(text ?? '', message, JSON.stringify(error.errors));
    return true;
  });
}
