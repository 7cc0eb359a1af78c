// The catalogue's organisations (departments that publish), groups and tags, each with how many public
// datasets it has: CKAN organization_list / group_list / tag_list and the search page's side lists.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { GroupRef, OrganizationRef } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { organizationRef } from '../queries.ts';

const publicDatasets = sql<boolean>`d.state = 'active' and not d.private`;

export async function listOrganizations(
  deps: { db: Kysely<any> },
  input: { tenantId: string },
): Promise<(OrganizationRef & { packageCount: number; createdAt: string })[]> {
  const titles = await organizationTitles(deps, input.tenantId);
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('od_datasets as d')
      .select([
        'd.organization',
        sql<string>`count(*) filter (where ${publicDatasets})`.as('n'),
        sql<Date>`min(d.created_at)`.as('created'),
      ])
      .where('d.state', '<>', 'deleted')
      .groupBy('d.organization')
      .orderBy('d.organization')
      .execute(),
  );
  return rows.map((r) => ({
    ...organizationRef(r.organization, titles),
    packageCount: Number(r.n),
    createdAt: new Date(r.created).toISOString(),
  }));
}

export async function listGroups(
  deps: { db: Kysely<any> },
  input: { tenantId: string },
): Promise<(GroupRef & { packageCount: number; createdAt: string })[]> {
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('od_groups as g')
      .leftJoin('od_dataset_groups as dg', (j) =>
        j.onRef('dg.tenant_id', '=', 'g.tenant_id').onRef('dg.group_id', '=', 'g.id'),
      )
      .leftJoin('od_datasets as d', (j) =>
        j.onRef('d.tenant_id', '=', 'dg.tenant_id').onRef('d.id', '=', 'dg.dataset_id'),
      )
      .select([
        'g.id',
        'g.name',
        'g.title',
        'g.description',
        'g.created_at',
        sql<string>`count(d.id) filter (where ${publicDatasets})`.as('n'),
      ])
      .groupBy(['g.id', 'g.name', 'g.title', 'g.description', 'g.created_at'])
      .orderBy('g.name')
      .execute(),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    description: r.description,
    packageCount: Number(r.n),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function listTags(
  deps: { db: Kysely<any> },
  input: { tenantId: string; query?: string | undefined },
): Promise<{ name: string; count: number }[]> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    let q = trx
      .selectFrom('od_dataset_tags as t')
      .innerJoin('od_datasets as d', (j) =>
        j.onRef('d.tenant_id', '=', 't.tenant_id').onRef('d.id', '=', 't.dataset_id'),
      )
      .select(['t.tag', sql<string>`count(*)`.as('n')])
      .where(publicDatasets)
      .groupBy('t.tag')
      .orderBy('t.tag');
    if (input.query) q = q.where('t.tag', 'ilike', `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const rows = await q.execute();
    return rows.map((r) => ({ name: r.tag, count: Number(r.n) }));
  });
}
