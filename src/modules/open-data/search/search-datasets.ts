// CKAN package_search over the catalogue: q and fq (Solr syntax, fq.ts), sort, paging and facets, in one
// statement. The matching set is computed once (a materialised CTE); the count, the page and each facet
// read it, so facet counts cover every match, not just the page. Run inside withTenant: row-level security
// keeps the search, the count and every facet to the tenant's own datasets.
//
// Under row-level security PostgreSQL does not use the GIN index for @@ (the operator is not leakproof, so
// it may not run before the tenant check): each search reads the tenant's rows and tests their vectors.
// For a city's catalogue (hundreds to a few thousand datasets) that stays within the benchmark's budget
// (bench/search-datasets.ts: p95 ≈ 20 ms over 1,000 datasets with all five facets, on a slow shared host).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { compileSearch } from './compile.ts';
import { SearchQueryError } from './errors.ts';
import { parseFilterQuery, parseQuery } from './fq.ts';
import { orderBy, parseSort } from './sort.ts';

export const facetFields = ['organization', 'tags', 'res_format', 'license_id', 'groups'] as const;
export type FacetField = (typeof facetFields)[number];

export interface DatasetSearchQuery {
  q?: string | undefined;
  fq?: string | undefined;
  sort?: string | undefined;
  rows: number;
  start: number;
  facetFields: string[];
  /** Values per facet (CKAN's default is 50); negative: all. */
  facetLimit: number;
  includePrivate: boolean;
  includeDrafts: boolean;
  /** Department code → its title, for the organization facet's display_name. */
  organizationTitles?: Record<string, string> | undefined;
}

export interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}

export interface DatasetSearchResult {
  count: number;
  /** Dataset ids of the page, in order. */
  ids: string[];
  /** CKAN `facets`: per requested field, value → number of matching datasets. */
  facets: Record<string, Record<string, number>>;
  /** CKAN `search_facets`: the same, as items with a display name, most frequent first. */
  searchFacets: Record<string, { title: string; items: FacetItem[] }>;
}

// ts_rank_cd weights for D, C, B, A (notes and resources C, tags and organisation B, title A); normalisation
// 1 divides by the log of the document's length, so a long description does not outrank a matching title.
const weights = '{0.1, 0.2, 0.4, 1.0}';

function facetQuery(field: FacetField, limit: number | null): RawBuilder<unknown> {
  const part = sql.lit(field);
  switch (field) {
    case 'organization':
    case 'license_id': {
      const column = sql.ref(`m.${field}`);
      return sql`select ${part}, ${column}, null, count(*)::int from m group by ${column}
        order by count(*) desc, ${column} collate "C" limit ${limit}`;
    }
    // `in (select id from m)` rather than a join: the planner then hashes the matching set once instead of
    // looking every match up in the index, about a third faster when most of the catalogue matches (the
    // catalogue's home page, a tag with many datasets); row-level security keeps these to the tenant.
    case 'tags':
      return sql`select ${part}, t.tag, null, count(*)::int
        from od_dataset_tags t where t.dataset_id in (select id from m)
        group by t.tag order by count(*) desc, t.tag collate "C" limit ${limit}`;
    case 'res_format':
      return sql`select ${part}, r.format, null, count(distinct r.dataset_id)::int
        from od_resources r where r.dataset_id in (select id from m) and r.format <> ''
        group by r.format order by count(distinct r.dataset_id) desc, r.format collate "C" limit ${limit}`;
    case 'groups':
      return sql`select ${part}, g.name, g.title, count(*)::int
        from od_dataset_groups dg join od_groups g on g.tenant_id = dg.tenant_id and g.id = dg.group_id
        where dg.dataset_id in (select id from m)
        group by g.name, g.title order by count(*) desc, g.name collate "C" limit ${limit}`;
  }
}

function checkedFacetFields(fields: string[]): FacetField[] {
  for (const field of fields) {
    if (!(facetFields as readonly string[]).includes(field)) {
      throw new SearchQueryError(
        'facet.field',
        `「${field}」では絞り込みの集計（ファセット）ができません。使える項目: ${facetFields.join(', ')}。`,
        `Cannot facet on "${field}"; facet fields: ${facetFields.join(', ')}.`,
      );
    }
  }
  return [...new Set(fields)] as FacetField[];
}

function checkedCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a natural number: ${value}`);
  return value;
}

export async function searchDatasets(trx: Kysely<any>, query: DatasetSearchQuery): Promise<DatasetSearchResult> {
  const rows = checkedCount('rows', query.rows);
  const start = checkedCount('start', query.start);
  const fields = checkedFacetFields(query.facetFields);
  const order = orderBy(parseSort(query.sort));
  const search = compileSearch([parseQuery(query.q), parseFilterQuery(query.fq)]);
  const states = query.includeDrafts ? sql`d.state in ('active', 'draft')` : sql`d.state = 'active'`;
  const visible = query.includePrivate ? sql`true` : sql`not d.private`;
  const score = search.rank
    ? sql`ts_rank_cd(${weights}::real[], d.search_vector, ${search.rank}::tsquery, 1)`
    : sql`0::real`;
  const limit = Number.isFinite(query.facetLimit) && query.facetLimit >= 0 ? Math.floor(query.facetLimit) : null;
  const parts = [
    sql`select 'count', null, null, count(*)::int from m`,
    // The page (a top-N sort of the matching set), numbered so its order survives the UNION.
    sql`select 'page', id::text, null, (row_number() over (order by ${order}))::int
      from (select * from m order by ${order} limit ${rows} offset ${start}) p`,
    ...fields.map((f) => sql`select * from (${facetQuery(f, limit)}) f`),
  ];
  const { rows: found } = await sql<{ part: string; key: string | null; label: string | null; n: number }>`
    with m as materialized (
      select d.id, d.name, d.title, d.organization, d.license_id, d.created_at, d.modified_at,
        ${score} as score
      from od_datasets d
      where ${states} and ${visible} and ${search.where}
    )
    select * from (${sql.join(parts, sql` union all `)}) as r (part, key, label, n)`.execute(trx);

  const result: DatasetSearchResult = { count: 0, ids: [], facets: {}, searchFacets: {} };
  for (const field of fields) {
    result.facets[field] = {};
    result.searchFacets[field] = { title: field, items: [] };
  }
  const page: { id: string; n: number }[] = [];
  for (const row of found) {
    if (row.part === 'count') result.count = row.n;
    else if (row.part === 'page') page.push({ id: row.key!, n: row.n });
    else {
      const name = row.key!;
      const titles = query.organizationTitles ?? {};
      const displayName =
        row.part === 'organization' ? (Object.hasOwn(titles, name) ? titles[name]! : name) : (row.label ?? name);
      // A tag may be called __proto__: define it as the object's own key rather than assigning it.
      Object.defineProperty(result.facets[row.part], name, {
        value: row.n,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      result.searchFacets[row.part]!.items.push({ name, display_name: displayName, count: row.n });
    }
  }
  result.ids = page.sort((a, b) => a.n - b.n).map((p) => p.id);
  // UNION ALL keeps each part's order in practice; sorting again makes it a guarantee (UTF-8 byte order
  // is the database's collate "C").
  for (const facet of Object.values(result.searchFacets)) {
    facet.items.sort((a, b) => b.count - a.count || Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  }
  return result;
}
