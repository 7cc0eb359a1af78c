// Each process keeps every tenant's catalogue in memory as a search index, and checks at most every
// `revalidateAfterMs` whether it changed (one cheap aggregate query); only then it reloads and re-indexes.
// Keyed by the database handle as well, so two databases in one process (tests) never share an entry.
import type { Compilable, Kysely } from 'kysely';
import type pg from 'pg';
import { readWithTenant, withTenant } from '../../platform/db/tenant.ts';
import type { Procedure } from './definition.ts';
import { catalogueVersion, selectDefinitions } from './queries.ts';
import { buildSearchIndex, type SearchIndex } from './search/search-index.ts';

export const revalidateAfterMs = 2_000;

interface Entry {
  version: string | undefined;
  index: SearchIndex;
  checkedAt: number;
  refreshing: Promise<void> | undefined;
}

const caches = new WeakMap<object, Map<string, Entry>>();

export interface CatalogueDeps {
  db: Kysely<any>;
  /** The app role's pool: with it a check is one round trip (readWithTenant); without, a transaction. */
  pool?: pg.Pool | undefined;
}

function read<R>(
  deps: CatalogueDeps,
  tenantId: string,
  query: (db: Kysely<any>) => Compilable<R> & { execute(): Promise<R[]> },
): Promise<R[]> {
  if (deps.pool) return readWithTenant(deps.pool, tenantId, query(deps.db));
  return withTenant(deps.db, tenantId, (trx) => query(trx).execute());
}

async function refresh(deps: CatalogueDeps, tenantId: string, entry: Entry): Promise<void> {
  const [row] = await read(deps, tenantId, catalogueVersion);
  const version = row?.version ?? '0:0';
  if (version !== entry.version) {
    const rows = await read(deps, tenantId, selectDefinitions);
    entry.index = buildSearchIndex(rows.map((r) => r.definition as Procedure));
    entry.version = version;
  }
  entry.checkedAt = Date.now();
}

/** The tenant's catalogue as a search index, current to within `revalidateAfterMs`. */
export async function catalogueIndex(deps: CatalogueDeps, tenantId: string): Promise<SearchIndex> {
  let byTenant = caches.get(deps.db);
  if (!byTenant) {
    byTenant = new Map();
    caches.set(deps.db, byTenant);
  }
  let entry = byTenant.get(tenantId);
  if (!entry) {
    entry = { version: undefined, index: buildSearchIndex([]), checkedAt: 0, refreshing: undefined };
    byTenant.set(tenantId, entry);
  }
  if (Date.now() - entry.checkedAt < revalidateAfterMs) return entry.index;
  const current = entry;
  current.refreshing ??= refresh(deps, tenantId, current).finally(() => {
    current.refreshing = undefined;
  });
  await current.refreshing;
  return current.index;
}

/** Makes the next read check the database at once (after this process changed the catalogue). */
export function invalidateCatalogue(deps: { db: Kysely<any> }, tenantId: string): void {
  const entry = caches.get(deps.db)?.get(tenantId);
  if (entry) entry.checkedAt = 0;
}
