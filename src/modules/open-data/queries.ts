// The open data module's SQL. Only this module touches the od_* tables; every function runs inside the
// caller's withTenant transaction, so row-level security keeps tenants apart.
import { type Kysely, sql } from 'kysely';
import type { Column, Dataset, Frequency, GroupRef, LicenseId, OrganizationRef, Resource } from './model.ts';

type Row = Record<string, any>;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));
const day = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    // `date` columns come back as local midnight; format them in local time so the day is kept.
    const y = v.getFullYear();
    const m = String(v.getMonth() + 1).padStart(2, '0');
    const d = String(v.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(v).slice(0, 10);
};

export function toResource(r: Row): Resource {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    name: r.name,
    description: r.description,
    format: r.format,
    urlType: r.url_type,
    url: r.url,
    fileName: r.file_name,
    mimetype: r.mimetype,
    size: r.size === null ? null : Number(r.size),
    sha256: r.sha256,
    columns: (r.columns as Column[] | null) ?? null,
    rowCount: r.row_count,
    datastoreActive: r.datastore_active,
    latColumn: r.lat_column,
    lonColumn: r.lon_column,
    sourceEncoding: r.source_encoding,
    position: r.position,
    createdAt: iso(r.created_at),
    modifiedAt: iso(r.modified_at),
  };
}

export type OrganizationTitles = Map<string, { title: string; titleEn: string }>;

export function organizationRef(code: string, titles: OrganizationTitles): OrganizationRef {
  const found = titles.get(code);
  return { name: code, title: found?.title ?? code, titleEn: found?.titleEn ?? code };
}

/** Whole datasets (tags, groups, resources) for the given rows of od_datasets, in the rows' order. */
export async function hydrateDatasets(trx: Kysely<any>, rows: Row[], titles: OrganizationTitles): Promise<Dataset[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  const [tags, groups, resources] = await Promise.all([
    trx
      .selectFrom('od_dataset_tags')
      .select(['dataset_id', 'tag'])
      .where('dataset_id', 'in', ids)
      .orderBy('tag')
      .execute(),
    trx
      .selectFrom('od_dataset_groups as dg')
      .innerJoin('od_groups as g', (j) => j.onRef('g.tenant_id', '=', 'dg.tenant_id').onRef('g.id', '=', 'dg.group_id'))
      .select(['dg.dataset_id', 'g.id', 'g.name', 'g.title', 'g.description'])
      .where('dg.dataset_id', 'in', ids)
      .orderBy('g.name')
      .execute(),
    trx.selectFrom('od_resources').selectAll().where('dataset_id', 'in', ids).orderBy('position').execute(),
  ]);
  const by = <T>(list: Row[], map: (r: Row) => T) => {
    const out = new Map<string, T[]>();
    for (const r of list) {
      const key = r.dataset_id as string;
      const entry = out.get(key) ?? [];
      entry.push(map(r));
      out.set(key, entry);
    }
    return out;
  };
  const tagsOf = by(tags, (r) => r.tag as string);
  const groupsOf = by(
    groups,
    (r): GroupRef => ({ id: r.id, name: r.name, title: r.title, description: r.description }),
  );
  const resourcesOf = by(resources, toResource);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    notes: r.notes,
    organization: organizationRef(r.organization, titles),
    licenseId: r.license_id as LicenseId,
    frequency: r.frequency as Frequency,
    spatial: r.spatial,
    temporalStart: day(r.temporal_start),
    temporalEnd: day(r.temporal_end),
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    standard: r.standard,
    private: r.private,
    state: r.state,
    revision: r.revision,
    tags: tagsOf.get(r.id) ?? [],
    groups: groupsOf.get(r.id) ?? [],
    resources: resourcesOf.get(r.id) ?? [],
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    modifiedAt: iso(r.modified_at),
  }));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => uuidPattern.test(v);

/** One dataset by id or name (CKAN accepts either), whatever its state; undefined when there is none. */
export async function findDataset(
  trx: Kysely<any>,
  idOrName: string,
  titles: OrganizationTitles,
  options: { forUpdate?: boolean } = {},
): Promise<Dataset | undefined> {
  let query = trx.selectFrom('od_datasets').selectAll();
  query = isUuid(idOrName) ? query.where('id', '=', idOrName) : query.where('name', '=', idOrName);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const [dataset] = await hydrateDatasets(trx, [row], titles);
  return dataset;
}

export async function datasetsByIds(trx: Kysely<any>, ids: string[], titles: OrganizationTitles): Promise<Dataset[]> {
  if (ids.length === 0) return [];
  const rows = await trx.selectFrom('od_datasets').selectAll().where('id', 'in', ids).execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return hydrateDatasets(trx, rows, titles);
}

/** Tags and groups of a dataset replaced by the given lists; groups are named, unknown names rejected by the caller. */
export async function replaceTagsAndGroups(
  trx: Kysely<any>,
  tenantId: string,
  datasetId: string,
  tags: string[],
  groupIds: string[],
): Promise<void> {
  await trx.deleteFrom('od_dataset_tags').where('dataset_id', '=', datasetId).execute();
  await trx.deleteFrom('od_dataset_groups').where('dataset_id', '=', datasetId).execute();
  if (tags.length > 0) {
    await trx
      .insertInto('od_dataset_tags')
      .values(tags.map((tag) => ({ tenant_id: tenantId, dataset_id: datasetId, tag })))
      .execute();
  }
  if (groupIds.length > 0) {
    await trx
      .insertInto('od_dataset_groups')
      .values(groupIds.map((group_id) => ({ tenant_id: tenantId, dataset_id: datasetId, group_id })))
      .execute();
  }
}

export async function groupsByName(trx: Kysely<any>, names: string[]): Promise<Row[]> {
  if (names.length === 0) return [];
  return trx.selectFrom('od_groups').selectAll().where('name', 'in', names).execute();
}

/** Records the dataset as it now is as its next revision (the history of changes). */
export async function recordRevision(
  trx: Kysely<any>,
  tenantId: string,
  dataset: Dataset,
  action: string,
  actor: string,
): Promise<void> {
  await trx
    .insertInto('od_dataset_revisions')
    .values({
      tenant_id: tenantId,
      dataset_id: dataset.id,
      revision: dataset.revision,
      action,
      actor,
      snapshot: JSON.stringify(dataset),
    })
    .execute();
}

/** Adds one to a resource's downloads of this month (Japan time). */
export async function countDownload(trx: Kysely<any>, tenantId: string, resourceId: string): Promise<void> {
  await sql`insert into od_downloads (tenant_id, resource_id, month, count)
    values (${tenantId}, ${resourceId}, date_trunc('month', now() at time zone 'Asia/Tokyo')::date, 1)
    on conflict (tenant_id, resource_id, month) do update set count = od_downloads.count + 1`.execute(trx);
}
