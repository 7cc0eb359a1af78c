// Staff remove a resource from a dataset (its file stays in storage for the history; its rows go).
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset, isUuid } from '../queries.ts';
import { recordResourceChange } from '../write-dataset.ts';

export async function deleteResource(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; resourceId: string },
): Promise<void> {
  if (!isUuid(input.resourceId)) throw new AppError('not_found', 'リソースが見つかりません。');
  const titles = await organizationTitles(deps, input.tenantId);
  await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('od_resources')
      .select(['dataset_id', 'name'])
      .where('id', '=', input.resourceId)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'リソースが見つかりません。');
    const dataset = await findDataset(trx, row.dataset_id, titles, { forUpdate: true });
    if (!dataset) throw new AppError('not_found', 'リソースが見つかりません。');
    assertCanPublishFor(input.actor, dataset.organization.name);
    await trx.deleteFrom('od_resources').where('id', '=', input.resourceId).execute();
    await recordResourceChange(trx, {
      tenantId: input.tenantId,
      dataset,
      actor: input.actor.accountId,
      action: 'resource_delete',
      titles,
    });
    await auditOpenData(trx, input, {
      action: 'open_data.resource.deleted',
      resourceType: 'resource',
      resourceId: input.resourceId,
      department: dataset.organization.name,
      details: { dataset: dataset.name, name: row.name },
    });
  });
}
