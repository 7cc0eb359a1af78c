import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { demoCatalogue } from '../catalogue/index.ts';
import { invalidateCatalogue } from '../catalogue-cache.ts';
import type { Procedure } from '../definition.ts';
import { replaceCatalogue, selectCatalogueDigest } from '../queries.ts';

/**
 * Loads the demo catalogue (or the one given) for a tenant. Unchanged: one query, nothing written.
 * Changed: one statement inserts new entries, updates changed ones and deletes the ones that are gone.
 * Returns whether anything was written.
 */
export async function seedProcedures(
  deps: { db: Kysely<any> },
  input: { tenantId: string; catalogue?: { procedures: Procedure[]; digest: string } },
): Promise<boolean> {
  const { procedures, digest } = input.catalogue ?? demoCatalogue();
  const written = await withTenant(deps.db, input.tenantId, async (trx) => {
    const current = await selectCatalogueDigest(trx, input.tenantId);
    if (current?.digest === digest) return false;
    await replaceCatalogue(trx, input.tenantId, procedures, digest);
    return true;
  });
  if (written) invalidateCatalogue(deps, input.tenantId);
  return written;
}
