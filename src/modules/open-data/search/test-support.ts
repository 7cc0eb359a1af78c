// Datasets written straight into the tables for search tests and the search benchmark, with their search
// columns from searchColumns as the module's own writes make them. Run inside withTenant.
import { type Kysely, sql } from 'kysely';
import type { LicenseId } from '../model.ts';
import { searchColumns } from './document.ts';

export interface SearchDatasetInput {
  tenantId: string;
  name: string;
  title: string;
  notes?: string;
  organization?: string;
  organizationTitle?: string;
  licenseId?: LicenseId;
  tags?: string[];
  groups?: { name: string; title: string }[];
  resources?: { name: string; format: string }[];
  private?: boolean;
  state?: 'draft' | 'active' | 'deleted';
  createdAt?: string;
  modifiedAt?: string;
}

/** Inserts one dataset with its tags, groups (created when missing) and link resources; returns its id. */
export async function insertSearchDataset(trx: Kysely<any>, input: SearchDatasetInput): Promise<string> {
  const tags = input.tags ?? [];
  const groups = input.groups ?? [];
  const resources = input.resources ?? [];
  const organization = input.organization ?? 'somu-kikaku.digital';
  const { id } = await trx
    .insertInto('od_datasets')
    .values({
      tenant_id: input.tenantId,
      name: input.name,
      title: input.title,
      notes: input.notes ?? '',
      organization,
      license_id: input.licenseId ?? 'cc-by-4.0',
      private: input.private ?? false,
      state: input.state ?? 'active',
      created_by: 'test',
      ...(input.createdAt ? { created_at: input.createdAt } : {}),
      ...(input.modifiedAt ? { modified_at: input.modifiedAt } : {}),
      ...searchColumns({
        name: input.name,
        title: input.title,
        notes: input.notes ?? '',
        tags,
        organizationTitle: input.organizationTitle ?? organization,
        groupTitles: groups.map((g) => g.title),
        resourceNames: resources.map((r) => r.name),
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (tags.length > 0) {
    await trx
      .insertInto('od_dataset_tags')
      .values(tags.map((tag) => ({ tenant_id: input.tenantId, dataset_id: id, tag })))
      .execute();
  }
  for (const group of groups) {
    await sql`insert into od_groups (tenant_id, name, title) values (${input.tenantId}, ${group.name}, ${group.title})
      on conflict (tenant_id, name) do nothing`.execute(trx);
    await sql`insert into od_dataset_groups (tenant_id, dataset_id, group_id)
      select ${input.tenantId}, ${id}, id from od_groups where tenant_id = ${input.tenantId} and name = ${group.name}`.execute(
      trx,
    );
  }
  if (resources.length > 0) {
    await trx
      .insertInto('od_resources')
      .values(
        resources.map((r, position) => ({
          tenant_id: input.tenantId,
          dataset_id: id,
          name: r.name,
          format: r.format,
          url_type: 'link',
          url: `https://example.jp/data/${input.name}/${position}`,
          position,
        })),
      )
      .execute();
  }
  return id as string;
}
