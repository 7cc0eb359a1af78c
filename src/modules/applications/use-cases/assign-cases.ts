// Assignment (担当者の割当て), one case or many at once from the inbox (bulk action).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit.ts';
import { withTenant } from '../../../platform/db/tenant.ts';

export async function assignCases(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    staffId: string;
    applicationIds: string[];
    assignee: string | null;
    /** Only cases of these departments (the caller's scope) are touched. */
    departments: string[];
    meta: { ip: string; requestId: string };
  },
): Promise<number> {
  const ids = input.applicationIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 500);
  if (ids.length === 0) return 0;
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const rows = await trx
      .updateTable('applications')
      .set({ assigned_to: input.assignee, updated_at: sql`now()` })
      .where('id', 'in', ids)
      .where('department', 'in', input.departments.length > 0 ? input.departments : [''])
      .where('status', '!=', 'draft')
      .returning(['id', 'department'])
      .execute();
    for (const row of rows) {
      await appendAudit(trx, {
        tenantId: input.tenantId,
        action: 'case.assign',
        actor: input.staffId,
        actorKind: 'staff',
        onBehalfOf: null,
        resourceType: 'application',
        resourceId: row.id as string,
        department: row.department as string,
        dataClass: 'personal',
        decision: 'allow',
        reason: null,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
        details: { assignee: input.assignee },
      });
    }
    return rows.length;
  });
}
