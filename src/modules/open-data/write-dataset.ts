// Writing a dataset's metadata: the row with its search columns, its tags and groups, a new revision in
// the history. Shared by create, update and patch so the three can never disagree.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { AppError } from '../../platform/http/errors.ts';
import { checkDatasetFields, type DatasetFields, type DatasetValues } from './dataset-fields.ts';
import { standardSchemas } from './ingest/index.ts';
import type { Dataset } from './model.ts';
import { findDataset, groupsByName, type OrganizationTitles, recordRevision, replaceTagsAndGroups } from './queries.ts';
import { searchColumns } from './search/document.ts';

export const standardIds: ReadonlySet<string> = new Set(standardSchemas.map((s) => s.id));

/** Checks the fields against this tenant's organisations, standards and groups; throws validation_failed. */
export async function checkFields(
  trx: Kysely<any>,
  fields: DatasetFields,
  titles: OrganizationTitles,
): Promise<{ value: DatasetValues; groupIds: string[] }> {
  const { errors, value } = checkDatasetFields(fields, {
    organizations: new Set(titles.keys()),
    standards: standardIds,
  });
  const groups = await groupsByName(trx, value.groups);
  const missing = value.groups.filter((g) => !groups.some((row) => row.name === g));
  if (missing.length > 0) {
    errors.push({ field: 'groups', message: `分類（グループ）「${missing.join('、').slice(0, 100)}」はありません。` });
  }
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  return { value, groupIds: groups.map((g) => g.id as string) };
}

export function nameTaken(): AppError {
  return new AppError('validation_failed', undefined, {
    errors: [{ field: 'name', message: 'このURL名はすでに使われています。別の名前にしてください。' }],
  });
}

/** Puts the values on the dataset's row (insert when `id` is new), then records the revision. */
export async function writeDataset(
  trx: Kysely<any>,
  input: { tenantId: string; id: string | null; actor: string; action: string; titles: OrganizationTitles },
  values: DatasetValues,
  groupIds: string[],
): Promise<Dataset> {
  const resourceNames: string[] =
    input.id === null
      ? []
      : (await trx.selectFrom('od_resources').select('name').where('dataset_id', '=', input.id).execute()).map(
          (r) => r.name,
        );
  const groupTitles = (await groupsByName(trx, values.groups)).map((g) => g.title as string);
  const search = searchColumns({
    name: values.name,
    title: values.title,
    notes: values.notes,
    tags: values.tags,
    organizationTitle: input.titles.get(values.organization)?.title ?? values.organization,
    groupTitles,
    resourceNames,
  });
  const columns = {
    name: values.name,
    title: values.title,
    notes: values.notes,
    organization: values.organization,
    license_id: values.licenseId,
    frequency: values.frequency,
    spatial: values.spatial,
    temporal_start: values.temporalStart,
    temporal_end: values.temporalEnd,
    contact_name: values.contactName,
    contact_email: values.contactEmail,
    standard: values.standard,
    private: values.private,
    ...search,
  };
  let id = input.id;
  try {
    if (id === null) {
      const row = await trx
        .insertInto('od_datasets')
        .values({ tenant_id: input.tenantId, ...columns, created_by: input.actor })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id as string;
    } else {
      await trx
        .updateTable('od_datasets')
        .set({ ...columns, revision: sql`revision + 1`, modified_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    }
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw nameTaken();
    throw error;
  }
  await replaceTagsAndGroups(trx, input.tenantId, id, values.tags, groupIds);
  const dataset = await findDataset(trx, id, input.titles);
  if (!dataset) throw new Error('dataset vanished while being written');
  await recordRevision(trx, input.tenantId, dataset, input.action, input.actor);
  return dataset;
}

/** Dataset metadata as fields again (for patch: the current values under the given ones). */
export function fieldsOf(d: Dataset): DatasetFields {
  return {
    name: d.name,
    title: d.title,
    notes: d.notes,
    organization: d.organization.name,
    licenseId: d.licenseId,
    frequency: d.frequency,
    spatial: d.spatial,
    temporalStart: d.temporalStart,
    temporalEnd: d.temporalEnd,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    standard: d.standard,
    private: d.private,
    tags: d.tags,
    groups: d.groups.map((g) => g.name),
  };
}

/**
 * After a resource is added, replaced or removed: the dataset's metadata is unchanged (no need to check it
 * again), but its search text includes the resource names and its history records the change.
 */
export function recordResourceChange(
  trx: Kysely<any>,
  input: { tenantId: string; dataset: Dataset; actor: string; action: string; titles: OrganizationTitles },
): Promise<Dataset> {
  const d = input.dataset;
  const values: DatasetValues = {
    name: d.name,
    title: d.title,
    notes: d.notes,
    organization: d.organization.name,
    licenseId: d.licenseId,
    frequency: d.frequency,
    spatial: d.spatial,
    temporalStart: d.temporalStart,
    temporalEnd: d.temporalEnd,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    standard: d.standard,
    private: d.private,
    tags: d.tags,
    groups: d.groups.map((g) => g.name),
  };
  return writeDataset(
    trx,
    { tenantId: input.tenantId, id: d.id, actor: input.actor, action: input.action, titles: input.titles },
    values,
    d.groups.map((g) => g.id),
  );
}
