// Departments are the catalogue's organisations (CKAN "organization"). Their names come from the
// organisation module; they change rarely, so each process keeps them for a minute per tenant.
import type { Kysely } from 'kysely';
import { listDepartments } from '../organisation/index.ts';
import type { OrganizationTitles } from './queries.ts';

const cache = new Map<string, { at: number; titles: OrganizationTitles }>();

export async function organizationTitles(deps: { db: Kysely<any> }, tenantId: string): Promise<OrganizationTitles> {
  const hit = cache.get(tenantId);
  if (hit && Date.now() - hit.at < 60_000) return hit.titles;
  const departments = await listDepartments(deps, { tenantId });
  const titles: OrganizationTitles = new Map(
    departments.map((d) => [d.code, { title: d.nameJa, titleEn: d.nameEn }] as const),
  );
  cache.set(tenantId, { at: Date.now(), titles });
  return titles;
}
