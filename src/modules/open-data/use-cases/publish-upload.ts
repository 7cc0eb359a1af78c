// Staff publish a checked upload: it becomes a resource of its dataset (or the new version of one), and a
// CSV's rows are loaded for datastore_search, JSON and GeoJSON, all in one transaction, so the catalogue
// never shows half a resource. An upload whose report has errors cannot be published. Publishing twice
// answers with the same resource.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FileStorage } from '../../../platform/files/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import { type IngestReport, ingestCsv, isFormulaLike } from '../ingest/index.ts';
import type { Dataset } from '../model.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset } from '../queries.ts';
import { recordResourceChange } from '../write-dataset.ts';

/**
 * The converted CSV carries a leading apostrophe on cells Excel would run as formulas (for Excel users);
 * the datastore, JSON and GeoJSON keep the value as it was given.
 */
function unguarded(row: Record<string, string>): Record<string, string> {
  for (const [key, value] of Object.entries(row)) {
    if (value.startsWith("'") && isFormulaLike(value.slice(1))) row[key] = value.slice(1);
  }
  return row;
}

/** Tables up to this many rows are loaded for datastore queries; larger ones are downloads only. */
export const datastoreRowLimit = 200_000;

export async function publishUpload(
  deps: { db: Kysely<any>; files: FileStorage },
  input: { tenantId: string; actor: OpenDataActor; uploadId: string },
): Promise<{ dataset: Dataset; resourceId: string }> {
  const titles = await organizationTitles(deps, input.tenantId);
  return withTenant(deps.db, input.tenantId, async (trx) => {
    const upload = await trx
      .selectFrom('od_uploads')
      .selectAll()
      .where('id', '=', input.uploadId)
      .forUpdate()
      .executeTakeFirst();
    if (!upload) throw new AppError('not_found', 'アップロードしたファイルが見つかりません。');
    const dataset = await findDataset(trx, upload.dataset_id, titles, { forUpdate: true });
    if (!dataset || dataset.state === 'deleted') throw new AppError('not_found', 'データセットが見つかりません。');
    assertCanPublishFor(input.actor, dataset.organization.name);
    const report = upload.report as IngestReport;
    if (upload.published_at !== null) {
      const existing = dataset.resources.find((r) => r.sha256 === upload.sha256 && r.fileName === upload.file_name);
      return { dataset, resourceId: existing?.id ?? upload.resource_id };
    }
    if (!upload.ok) {
      throw new AppError(
        'validation_failed',
        'このファイルには誤りがあるため公開できません。報告を見て直したファイルをアップロードしてください。',
        { errors: [{ field: 'upload', message: report.summary }] },
      );
    }
    const tabular = upload.format === 'CSV';
    const loadRows = tabular && report.rows <= datastoreRowLimit;
    const values = {
      name: upload.name,
      description: upload.description,
      format: upload.format,
      url_type: 'upload',
      url: '',
      file_key: upload.file_key,
      file_name: upload.file_name,
      mimetype: upload.mimetype,
      size: upload.size,
      sha256: upload.sha256,
      columns: tabular ? JSON.stringify(report.columns) : null,
      row_count: tabular ? report.rows : null,
      datastore_active: loadRows,
      lat_column: report.latColumn,
      lon_column: report.lonColumn,
      source_encoding: tabular ? report.encoding : null,
      report: JSON.stringify(report),
    };
    let resourceId: string;
    if (upload.resource_id) {
      resourceId = upload.resource_id;
      await trx.deleteFrom('od_datastore_rows').where('resource_id', '=', resourceId).execute();
      await trx
        .updateTable('od_resources')
        .set({ ...values, modified_at: new Date() })
        .where('id', '=', resourceId)
        .execute();
    } else {
      const position = dataset.resources.reduce((max, r) => Math.max(max, r.position + 1), 0);
      const row = await trx
        .insertInto('od_resources')
        .values({ tenant_id: input.tenantId, dataset_id: dataset.id, position, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      resourceId = row.id as string;
    }
    if (loadRows) {
      const source = await deps.files.get(upload.file_key);
      await ingestCsv(source, {
        onRows: async (rows, firstRowNo) => {
          await trx
            .insertInto('od_datastore_rows')
            .values(
              rows.map((data, i) => ({
                tenant_id: input.tenantId,
                resource_id: resourceId,
                // _id as CKAN's datastore numbers rows: 1, 2, 3 … in file order (the header is not a row).
                row_no: firstRowNo - 1 + i,
                data: JSON.stringify(unguarded(data)),
              })),
            )
            .execute();
        },
      });
    }
    await trx.updateTable('od_uploads').set({ published_at: new Date() }).where('id', '=', upload.id).execute();
    // The dataset's search text now includes the resource's name, and its history records the change.
    const updated = await recordResourceChange(trx, {
      tenantId: input.tenantId,
      dataset,
      actor: input.actor.accountId,
      action: 'resource',
      titles,
    });
    await auditOpenData(trx, input, {
      action: 'open_data.resource.published',
      resourceType: 'resource',
      resourceId,
      department: dataset.organization.name,
      details: { dataset: dataset.name, upload: upload.id, rows: report.rows },
    });
    return { dataset: updated, resourceId };
  });
}
