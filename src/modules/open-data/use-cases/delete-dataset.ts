// Staff withdraw a dataset (CKAN package_delete): its state becomes 'deleted', so it leaves search, lists
// and downloads, but its history and download counts stay for the record. Deleting twice is not an error.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset, recordRevision } from '../queries.ts';

export async function deleteDataset(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; idOrName: string },
): Promise<void> {
  const titles = await organizationTitles(deps, input.tenantId);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const current = await findDataset(trx, input.idOrName, titles, { forUpdate: true });
    if (!current) throw new AppError('not_found', 'データセットが見つかりません。');
    assertCanPublishFor(input.actor, current.organization.name);
    if (current.state === 'deleted') return;
    await trx
      .updateTable('od_datasets')
      .set({ state: 'deleted', revision: sql`revision + 1`, modified_at: sql`now()` })
      .where('id', '=', current.id)
      .execute();
    const deleted = await findDataset(trx, current.id, titles);
    if (deleted) await recordRevision(trx, input.tenantId, deleted, 'delete', input.actor.accountId);
    await auditOpenData(trx, input, {
      action: 'open_data.dataset.deleted',
      resourceType: 'dataset',
      resourceId: current.id,
      department: current.organization.name,
      details: { name: current.name },
    });
  });
}
