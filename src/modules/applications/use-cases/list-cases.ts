// The department inbox (and the data behind the case export): cases of the staff member's departments,
// with filters; overdue = past the due date from the standard processing period and still open.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { type Application, openStatuses, rowToApplication, type Status } from '../model.ts';

export interface CaseFilter {
  status?: Status | 'open' | undefined;
  procedureCode?: string | undefined;
  assigned?: 'me' | 'none' | undefined;
  overdue?: boolean | undefined;
  receiptNumber?: string | undefined;
  updatedAfter?: Date | undefined;
}

export async function listCases(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    departments: string[] | 'all';
    staffId?: string;
    filter: CaseFilter;
    limit: number;
    offset?: number;
  },
): Promise<{ total: number; cases: (Application & { overdue: boolean })[] }> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    let query = trx.selectFrom('applications').where('status', '!=', 'draft');
    if (input.departments !== 'all')
      query = query.where('department', 'in', input.departments.length > 0 ? input.departments : ['']);
    const f = input.filter;
    if (f.status === 'open') query = query.where('status', 'in', openStatuses);
    else if (f.status) query = query.where('status', '=', f.status);
    if (f.procedureCode) query = query.where('procedure_code', '=', f.procedureCode);
    if (f.assigned === 'me' && input.staffId) query = query.where('assigned_to', '=', input.staffId);
    if (f.assigned === 'none') query = query.where('assigned_to', 'is', null);
    if (f.overdue) {
      query = query
        .where('status', 'in', openStatuses)
        .where('due_date', '<', sql<string>`(now() at time zone 'Asia/Tokyo')::date`);
    }
    if (f.receiptNumber) query = query.where('receipt_number', '=', f.receiptNumber);
    if (f.updatedAfter) query = query.where('updated_at', '>', f.updatedAfter);
    const total = await query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .select(
        sql<boolean>`status = any(${sql.val(openStatuses)}) and due_date < (now() at time zone 'Asia/Tokyo')::date`.as(
          'overdue',
        ),
      )
      .orderBy('due_date', 'asc')
      .orderBy('submitted_at', 'asc')
      .limit(input.limit)
      .offset(input.offset ?? 0)
      .execute();
    return {
      total: Number(total.n),
      cases: rows.map((r) => ({ ...rowToApplication(r), overdue: Boolean(r.overdue) })),
    };
  });
}

/** The person's applications and drafts, newest first (as applicant or as the person acted for). */
export async function listMyApplications(
  deps: { db: Kysely<any> },
  input: { tenantId: string; accountId: string },
): Promise<Application[]> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .selectFrom('applications')
      .selectAll()
      .where((eb) => eb.or([eb('on_behalf_of', '=', input.accountId), eb('actor_id', '=', input.accountId)]))
      .orderBy('updated_at', 'desc')
      .limit(200)
      .execute();
    return rows.map(rowToApplication);
  });
}
