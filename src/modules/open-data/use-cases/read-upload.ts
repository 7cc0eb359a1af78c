// An upload waiting for publication, with its quality report, as the staff member who may publish for its
// dataset's organisation sees it (the report page). Anyone else gets "not found", as for a private dataset.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { canPublishFor, type OpenDataActor } from '../actor.ts';
import type { IngestReport } from '../ingest/index.ts';
import type { Dataset, Resource } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset, isUuid } from '../queries.ts';

export interface UploadView {
  id: string;
  dataset: Dataset;
  /** The resource publishing it replaces, if it is a new version of one. */
  replaces: Resource | null;
  name: string;
  description: string;
  format: string;
  fileName: string;
  size: number;
  ok: boolean;
  report: IngestReport;
  createdAt: string;
  publishedAt: string | null;
}

export async function readUpload(
  deps: { db: Kysely<any> },
  input: { tenantId: string; actor: OpenDataActor; uploadId: string },
): Promise<UploadView> {
  const notFound = () => new AppError('not_found', 'アップロードしたファイルが見つかりません。');
  if (!isUuid(input.uploadId)) throw notFound();
  const titles = await organizationTitles(deps, input.tenantId);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx.selectFrom('od_uploads').selectAll().where('id', '=', input.uploadId).executeTakeFirst();
    if (!row) throw notFound();
    const dataset = await findDataset(trx, row.dataset_id, titles);
    if (!dataset || dataset.state === 'deleted' || !canPublishFor(input.actor, dataset.organization.name)) {
      throw notFound();
    }
    return {
      id: row.id,
      dataset,
      replaces: dataset.resources.find((r) => r.id === row.resource_id) ?? null,
      name: row.name,
      description: row.description,
      format: row.format,
      fileName: row.file_name,
      size: Number(row.size),
      ok: row.ok,
      report: row.report as IngestReport,
      createdAt: new Date(row.created_at).toISOString(),
      publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    };
  });
}
