// Staff upload a file for a dataset (page or CKAN resource_create). The file is checked before anything is
// published: a CSV is streamed through the quality pipeline (encoding, structure, the standard dataset's
// schema) and stored converted to UTF-8; XLSX, JSON, GeoJSON and PDF get the checks their format allows.
// The result is an upload with its report; publishUpload turns a clean one into a resource.
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FileStorage } from '../../../platform/files/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { assertCanPublishFor, type OpenDataActor } from '../actor.ts';
import { auditOpenData } from '../audit.ts';
import { checkGeoJson, checkJson, type IngestReport, ingestCsv, inspectZip } from '../ingest/index.ts';
import { organizationTitles } from '../organizations.ts';
import { findDataset } from '../queries.ts';

/** Files other than CSV are read whole to be checked; CSVs stream and may be far larger. */
export const wholeFileLimit = 100 * 1024 * 1024;

const formats = {
  csv: { format: 'CSV', mimetype: 'text/csv' },
  json: { format: 'JSON', mimetype: 'application/json' },
  geojson: { format: 'GeoJSON', mimetype: 'application/geo+json' },
  xlsx: { format: 'XLSX', mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { format: 'PDF', mimetype: 'application/pdf' },
} as const;
type FormatKey = keyof typeof formats;

/** The format from what staff chose, else from the file name's extension. */
export function formatOf(fileName: string, declared: string | undefined): FormatKey | undefined {
  const wanted = (declared ?? '').trim().toLowerCase();
  if (wanted in formats) return wanted as FormatKey;
  const ext = fileName.toLowerCase().match(/\.([a-z]+)$/)?.[1] ?? '';
  return ext in formats ? (ext as FormatKey) : undefined;
}

function simpleReport(ok: boolean, bytes: number, code: string, message: string): IngestReport {
  return {
    ok,
    encoding: 'utf-8',
    bytes,
    rows: 0,
    columns: [],
    latColumn: null,
    lonColumn: null,
    standard: null,
    issues: ok ? [] : [{ severity: 'error', code, row: null, column: null, message }],
    issueCounts: ok ? {} : { [code]: 1 },
    truncated: false,
    summary: message,
  };
}

async function readWhole(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += (chunk as Buffer).length;
    if (size > wholeFileLimit) {
      source.destroy();
      throw new AppError('payload_too_large', 'CSV 以外のファイルは 100MB までです。分割するか CSV にしてください。');
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function checkWhole(kind: FormatKey, bytes: Buffer): IngestReport {
  if (bytes.length === 0) return simpleReport(false, 0, 'empty', 'ファイルが空です。');
  if (kind === 'json') return checkJson(bytes);
  if (kind === 'geojson') return checkGeoJson(bytes);
  if (kind === 'xlsx') {
    const zip = inspectZip(bytes);
    return zip.ok
      ? simpleReport(true, bytes.length, 'ok', `Excel ファイル（${zip.entries}個の部品）を確認しました。`)
      : simpleReport(false, bytes.length, zip.code, zip.message);
  }
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-'
    ? simpleReport(true, bytes.length, 'ok', 'PDF ファイルを確認しました。')
    : simpleReport(
        false,
        bytes.length,
        'type_mismatch',
        'PDF ファイルではありません。ファイルの中身を確かめてください。',
      );
}

export interface UploadInput {
  tenantId: string;
  actor: OpenDataActor;
  datasetIdOrName: string;
  /** The resource this file replaces (a new version), if any. */
  resourceId?: string | undefined;
  name?: string | undefined;
  description?: string | undefined;
  format?: string | undefined;
  fileName: string;
  file: Readable;
}

export interface UploadResult {
  uploadId: string;
  datasetName: string;
  ok: boolean;
  report: IngestReport;
}

export async function uploadResource(
  deps: { db: Kysely<any>; files: FileStorage },
  input: UploadInput,
): Promise<UploadResult> {
  const titles = await organizationTitles(deps, input.tenantId);
  const dataset = await withTenant(deps.db, input.tenantId, (trx) => findDataset(trx, input.datasetIdOrName, titles));
  if (!dataset || dataset.state === 'deleted') {
    input.file.resume();
    throw new AppError('not_found', 'データセットが見つかりません。');
  }
  assertCanPublishFor(input.actor, dataset.organization.name);
  if (input.resourceId !== undefined && !dataset.resources.some((r) => r.id === input.resourceId)) {
    input.file.resume();
    throw new AppError('not_found', '差し替えるリソースがこのデータセットにありません。');
  }
  const fileName =
    input.fileName
      .normalize('NFC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
      .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
      .slice(0, 200) || 'file';
  const kind = formatOf(fileName, input.format);
  if (!kind) {
    input.file.resume();
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'upload', message: 'アップロードできるのは CSV・JSON・GeoJSON・XLSX・PDF のファイルです。' }],
    });
  }
  const name = (input.name ?? '').trim().slice(0, 200) || fileName;
  const key = `${input.tenantId}/open-data/${randomUUID()}`;
  const { mimetype, format } = formats[kind];

  let report: IngestReport;
  let stored: { bytes: number; sha256: string };
  if (kind === 'csv') {
    const converted = new PassThrough();
    const putting = deps.files.put(key, converted, { contentType: 'text/csv' });
    // If storing fails, stop reading the upload so the request ends instead of filling memory.
    putting.catch(() => input.file.destroy());
    try {
      report = await ingestCsv(input.file, { standard: dataset.standard, sink: converted });
    } finally {
      converted.end();
    }
    stored = await putting;
  } else {
    const bytes = await readWhole(input.file);
    report = checkWhole(kind, bytes);
    stored = await deps.files.put(key, bytes, { contentType: mimetype });
  }

  const uploadId = await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .insertInto('od_uploads')
      .values({
        tenant_id: input.tenantId,
        dataset_id: dataset.id,
        resource_id: input.resourceId ?? null,
        name,
        description: (input.description ?? '').trim().slice(0, 2000),
        format,
        file_key: key,
        file_name: kind === 'csv' ? fileName.replace(/\.[A-Za-z]+$/, '.csv') : fileName,
        mimetype,
        size: stored.bytes,
        sha256: stored.sha256,
        standard: dataset.standard,
        report: JSON.stringify(report),
        ok: report.ok,
        created_by: input.actor.accountId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditOpenData(trx, input, {
      action: 'open_data.upload.checked',
      resourceType: 'upload',
      resourceId: row.id,
      department: dataset.organization.name,
      details: { dataset: dataset.name, fileName, ok: report.ok, rows: report.rows },
    });
    return row.id as string;
  });
  return { uploadId, datasetName: dataset.name, ok: report.ok, report };
}
