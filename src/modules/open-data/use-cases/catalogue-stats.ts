// The plan's open data KPIs from live data: public datasets (493 → 700) and downloads per month and per
// fiscal year (38,163 → 63,000+), with the most downloaded datasets of the last twelve months.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';

export interface CatalogueStats {
  datasets: number;
  resources: number;
  downloadsByMonth: { month: string; count: number }[];
  downloadsThisFiscalYear: number;
  popular: { name: string; title: string; downloads: number }[];
}

export async function catalogueStats(deps: { db: Kysely<any> }, input: { tenantId: string }): Promise<CatalogueStats> {
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const publicOnly = sql`d.state = 'active' and not d.private`;
    const counts = await sql<{ datasets: string; resources: string }>`
      select (select count(*) from od_datasets d where ${publicOnly}) as datasets,
             (select count(*) from od_resources r join od_datasets d on d.tenant_id = r.tenant_id and d.id = r.dataset_id
               where ${publicOnly}) as resources`.execute(trx);
    const months = await sql<{ month: string; count: string }>`
      select to_char(month, 'YYYY-MM') as month, sum(count) as count from od_downloads
      where month > (now() at time zone 'Asia/Tokyo')::date - interval '24 months'
      group by month order by month`.execute(trx);
    // The fiscal year (年度) starts in April.
    const fiscal = await sql<{ n: string | null }>`
      select sum(count) as n from od_downloads
      where month >= make_date(extract(year from (now() at time zone 'Asia/Tokyo') - interval '3 months')::int, 4, 1)`.execute(
      trx,
    );
    const popular = await sql<{ name: string; title: string; downloads: string }>`
      select d.name, d.title, sum(o.count) as downloads
      from od_downloads o
      join od_resources r on r.tenant_id = o.tenant_id and r.id = o.resource_id
      join od_datasets d on d.tenant_id = r.tenant_id and d.id = r.dataset_id
      where ${publicOnly} and o.month > (now() at time zone 'Asia/Tokyo')::date - interval '12 months'
      group by d.name, d.title order by downloads desc, d.name limit 10`.execute(trx);
    return {
      datasets: Number(counts.rows[0]?.datasets ?? 0),
      resources: Number(counts.rows[0]?.resources ?? 0),
      downloadsByMonth: months.rows.map((r) => ({ month: r.month, count: Number(r.count) })),
      downloadsThisFiscalYear: Number(fiscal.rows[0]?.n ?? 0),
      popular: popular.rows.map((r) => ({ name: r.name, title: r.title, downloads: Number(r.downloads) })),
    };
  });
}
