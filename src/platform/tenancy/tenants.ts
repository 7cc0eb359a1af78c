// Which tenant a request belongs to: the tenant whose `hostnames` include the request's host name,
// otherwise the deployment's default tenant (DEFAULT_TENANT). See docs/architecture.md#tenancy.
import type { Kysely } from 'kysely';

export interface Tenant {
  id: string;
  lgCode: string;
  name: string;
  nameEn: string;
  hostnames: string[];
}

export interface TenantDirectory {
  forHost(host: string | undefined): Promise<Tenant | undefined>;
  byId(id: string): Promise<Tenant | undefined>;
  /** Forget the cache (after a tenant is added). */
  refresh(): void;
}

const cacheMs = 30_000;

export function createTenantDirectory(db: Kysely<any>, defaultTenant: string): TenantDirectory {
  let cache: { at: number; tenants: Map<string, Tenant> } | undefined;
  async function all(): Promise<Map<string, Tenant>> {
    if (cache && Date.now() - cache.at < cacheMs) return cache.tenants;
    const rows = await db.selectFrom('tenants').select(['id', 'lg_code', 'name_ja', 'name_en', 'hostnames']).execute();
    const tenants = new Map<string, Tenant>(
      rows.map((r) => [
        r.id,
        { id: r.id, lgCode: r.lg_code, name: r.name_ja, nameEn: r.name_en, hostnames: r.hostnames },
      ]),
    );
    cache = { at: Date.now(), tenants };
    return tenants;
  }
  return {
    async forHost(host) {
      const tenants = await all();
      const name = host?.replace(/:\d+$/, '').toLowerCase();
      if (name) {
        for (const tenant of tenants.values()) if (tenant.hostnames.includes(name)) return tenant;
      }
      return tenants.get(defaultTenant);
    },
    async byId(id) {
      return (await all()).get(id);
    },
    refresh() {
      cache = undefined;
    },
  };
}

/** Every tenant's id, for work done for each city in turn (a nightly job). */
export async function tenantIds(db: Kysely<any>): Promise<string[]> {
  const rows = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  return rows.map((r) => r.id as string);
}

/** The city's name as residents read it (川崎市), or '' for an unknown tenant. */
export async function tenantName(db: Kysely<any>, id: string): Promise<string> {
  const row = await db.selectFrom('tenants').select('name_ja').where('id', '=', id).executeTakeFirst();
  return (row?.name_ja as string | undefined) ?? '';
}

export interface TenantInput {
  id: string;
  lgCode: string;
  name: string;
  nameEn: string;
  hostnames?: string[];
}

/** Creates the tenant if it does not exist (idempotent); returns true when it was created. */
export async function ensureTenant(ownerDb: Kysely<any>, tenant: TenantInput): Promise<boolean> {
  const result = await ownerDb
    .insertInto('tenants')
    .values({
      id: tenant.id,
      lg_code: tenant.lgCode,
      name_ja: tenant.name,
      name_en: tenant.nameEn,
      hostnames: tenant.hostnames ?? [],
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export const kawasaki: TenantInput = {
  id: 'kawasaki',
  lgCode: '141305',
  name: '川崎市',
  nameEn: 'Kawasaki City',
  hostnames: ['kawasaki.localhost'],
};
