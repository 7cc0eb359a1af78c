// Staff (page or CKAN package_create) create a dataset: its metadata checked as a whole, a unique URL
// name, the first revision of its history and an audit row, all in one transaction. A retried request
// with the same name answers "already in use" and creates nothing twice.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import type { DatasetFields } from '../dataset-fields.ts';
import type { Dataset } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { checkFields, writeDataset } from '../write-dataset.ts';

export async function createDataset(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; fields: DatasetFields },
): Promise<Dataset> {
  const titles = await organizationTitles(deps, input.tenantId);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const { value, groupIds } = await checkFields(trx, input.fields, titles);
    assertCanPublishFor(input.actor, value.organization);
    const dataset = await writeDataset(
      trx,
      { tenantId: input.tenantId, id: null, actor: input.actor.accountId, action: 'create', titles },
      value,
      groupIds,
    );
    await auditOpenData(trx, input, {
      action: 'open_data.dataset.created',
      resourceType: 'dataset',
      resourceId: dataset.id,
      department: dataset.organization.name,
      details: { name: dataset.name },
    });
    return dataset;
  });
}
