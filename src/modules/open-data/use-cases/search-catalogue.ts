// Searching the catalogue (the search page and CKAN package_search): the search module finds and counts,
// this returns whole datasets for the page asked for. Private datasets only for staff who may see them.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { OpenDataActor } from '../actor.ts';
import type { Dataset } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { datasetsByIds } from '../queries.ts';
import { searchDatasets } from '../search/search-datasets.ts';
import { visibleTo } from './read-dataset.ts';

export interface CatalogueQuery {
  q?: string | undefined;
  fq?: string | undefined;
  sort?: string | undefined;
  rows: number;
  start: number;
  facetFields: string[];
  facetLimit: number;
  includePrivate?: boolean;
  includeDrafts?: boolean;
}

export interface CatalogueResult {
  count: number;
  datasets: Dataset[];
  facets: Record<string, Record<string, number>>;
  searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }>;
}

export async function searchCatalogue(
  deps: { db: Kysely<any> },
  input: { tenantId: string; viewer?: OpenDataActor | undefined; query: CatalogueQuery },
): Promise<CatalogueResult> {
  const titles = await organizationTitles(deps, input.tenantId);
  const viewer = input.viewer;
  // Private datasets are searched only for staff; each hit is still checked against what they may see.
  const includePrivate = viewer !== undefined && (input.query.includePrivate ?? false);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const found = await searchDatasets(trx, {
      q: input.query.q,
      fq: input.query.fq,
      sort: input.query.sort,
      rows: input.query.rows,
      start: input.query.start,
      facetFields: input.query.facetFields,
      facetLimit: input.query.facetLimit,
      includePrivate,
      includeDrafts: viewer !== undefined && (input.query.includeDrafts ?? false),
      organizationTitles: Object.fromEntries([...titles].map(([code, t]) => [code, t.title])),
    });
    const datasets = (await datasetsByIds(trx, found.ids, titles)).filter((d) => visibleTo(d, viewer));
    return { count: found.count, datasets, facets: found.facets, searchFacets: found.searchFacets };
  });
}
