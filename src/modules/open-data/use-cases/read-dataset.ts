// One dataset as a reader may see it. The public sees active, public datasets; staff who publish for its
// organisation also see it while private or a draft. Anything else is "not found", so the existence of a
// private dataset is not given away by the answer.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { canPublishFor, type OpenDataActor } from '../actor.ts';
import type { Dataset } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset } from '../queries.ts';

export function visibleTo(dataset: Dataset, viewer: OpenDataActor | undefined): boolean {
  if (dataset.state === 'deleted') return false;
  if (dataset.state === 'active' && !dataset.private) return true;
  return viewer !== undefined && canPublishFor(viewer, dataset.organization.name);
}

export async function readDataset(
  deps: { db: Kysely<any> },
  input: { tenantId: string; idOrName: string; viewer?: OpenDataActor | undefined },
): Promise<Dataset> {
  const titles = await organizationTitles(deps, input.tenantId);
  const dataset = await withTenant(deps.db, input.tenantId, (trx) => findDataset(trx, input.idOrName, titles));
  if (!dataset || !visibleTo(dataset, input.viewer)) throw new AppError('not_found', 'データセットが見つかりません。');
  return dataset;
}

/** A resource with its dataset, by resource id, under the same visibility rule. */
export async function readResource(
  deps: { db: Kysely<any> },
  input: { tenantId: string; resourceId: string; viewer?: OpenDataActor | undefined },
): Promise<{ dataset: Dataset; resource: Dataset['resources'][number] }> {
  const titles = await organizationTitles(deps, input.tenantId);
  const found = await withTenant(deps.db, input.tenantId, async (trx) => {
    if (!/^[0-9a-f-]{36}$/i.test(input.resourceId)) return undefined;
    const row = await trx
      .selectFrom('od_resources')
      .select('dataset_id')
      .where('id', '=', input.resourceId)
      .executeTakeFirst();
    return row ? findDataset(trx, row.dataset_id, titles) : undefined;
  });
  const resource = found?.resources.find((r) => r.id === input.resourceId);
  if (!found || !resource || !visibleTo(found, input.viewer))
    throw new AppError('not_found', 'リソースが見つかりません。');
  return { dataset: found, resource };
}
