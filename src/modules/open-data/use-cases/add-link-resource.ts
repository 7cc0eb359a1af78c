// Staff add a resource that lives elsewhere (a link: CKAN resource_create with a url and no upload).
// Only http(s) addresses are accepted, so a link can never run script in a reader's browser.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import type { Dataset } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset } from '../queries.ts';
import { recordResourceChange } from '../write-dataset.ts';

export async function addLinkResource(
  deps: { db: Kysely<any> },
  input: {
    tenantId: string;
    actor: OpenDataActor;
    datasetIdOrName: string;
    url: string;
    name?: string | undefined;
    description?: string | undefined;
    format?: string | undefined;
  },
): Promise<{ dataset: Dataset; resourceId: string }> {
  const errors: FieldError[] = [];
  let url: URL | undefined;
  try {
    url = new URL(input.url.trim());
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || input.url.length > 2000) {
    errors.push({ field: 'url', message: 'リンク先は https:// で始まる2000文字以内のURLを入力してください。' });
  }
  const format = (input.format ?? '').trim().slice(0, 30);
  if (/[^\w .+-]/.test(format))
    errors.push({ field: 'format', message: '形式は CSV、HTML のように英数字で入力してください。' });
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });
  const titles = await organizationTitles(deps, input.tenantId);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const dataset = await findDataset(trx, input.datasetIdOrName, titles, { forUpdate: true });
    if (!dataset || dataset.state === 'deleted') throw new AppError('not_found', 'データセットが見つかりません。');
    assertCanPublishFor(input.actor, dataset.organization.name);
    const position = dataset.resources.reduce((max, r) => Math.max(max, r.position + 1), 0);
    const row = await trx
      .insertInto('od_resources')
      .values({
        tenant_id: input.tenantId,
        dataset_id: dataset.id,
        name: (input.name ?? '').trim().slice(0, 200) || (url as URL).hostname,
        description: (input.description ?? '').trim().slice(0, 2000),
        format: format.toUpperCase() === 'GEOJSON' ? 'GeoJSON' : format.toUpperCase(),
        url_type: 'link',
        url: (url as URL).href,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const updated = await recordResourceChange(trx, {
      tenantId: input.tenantId,
      dataset,
      actor: input.actor.accountId,
      action: 'resource',
      titles,
    });
    await auditOpenData(trx, input, {
      action: 'open_data.resource.linked',
      resourceType: 'resource',
      resourceId: row.id,
      department: dataset.organization.name,
      details: { dataset: dataset.name, url: (url as URL).href },
    });
    return { dataset: updated, resourceId: row.id as string };
  });
}
