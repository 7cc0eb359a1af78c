// Staff change a dataset's metadata. 'replace' (CKAN package_update, the edit page) sets every field to
// what was sent; 'patch' (package_patch) changes only the fields sent. Both add a revision to the history.
// Moving a dataset to another organisation needs the right to publish for both.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import type { DatasetFields } from '../dataset-fields.ts';
import type { Dataset } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset } from '../queries.ts';
import { checkFields, fieldsOf, writeDataset } from '../write-dataset.ts';

export async function updateDataset(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; idOrName: string; mode: 'replace' | 'patch'; fields: DatasetFields },
): Promise<Dataset> {
  const titles = await organizationTitles(deps, input.tenantId);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const current = await findDataset(trx, input.idOrName, titles, { forUpdate: true });
    if (!current || current.state === 'deleted') throw new AppError('not_found', 'データセットが見つかりません。');
    assertCanPublishFor(input.actor, current.organization.name);
    const given = Object.fromEntries(Object.entries(input.fields).filter(([, v]) => v !== undefined));
    const fields: DatasetFields =
      input.mode === 'patch' ? { ...fieldsOf(current), ...given } : { name: current.name, ...given };
    const { value, groupIds } = await checkFields(trx, fields, titles);
    assertCanPublishFor(input.actor, value.organization);
    const dataset = await writeDataset(
      trx,
      { tenantId: input.tenantId, id: current.id, actor: input.actor.accountId, action: 'update', titles },
      value,
      groupIds,
    );
    await auditOpenData(trx, input, {
      action: 'open_data.dataset.updated',
      resourceType: 'dataset',
      resourceId: dataset.id,
      department: dataset.organization.name,
      details: { name: dataset.name, revision: dataset.revision, mode: input.mode },
    });
    return dataset;
  });
}
