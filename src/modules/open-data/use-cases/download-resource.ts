// A reader downloads an uploaded resource: the file streams from storage (constant memory whatever its
// size) and the month's download count goes up by one (the plan's downloads KPI). Staff previewing a
// private dataset are not counted.
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { FileStorage } from '../../../platform/files/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { OpenDataActor } from '../actor.ts';
import type { Resource } from '../model.ts';
import { countDownload } from '../queries.ts';
import { readResource } from './read-dataset.ts';

export async function downloadResource(
  deps: { db: Kysely<any>; files: FileStorage },
  input: {
    tenantId: string;
    datasetName: string;
    resourceId: string;
    viewer?: OpenDataActor | undefined;
    count?: boolean;
  },
): Promise<{ resource: Resource; stream: Readable }> {
  const { dataset, resource } = await readResource(deps, input);
  if (dataset.name !== input.datasetName && dataset.id !== input.datasetName) {
    throw new AppError('not_found', 'リソースが見つかりません。');
  }
  if (resource.urlType !== 'upload') throw new AppError('not_found', 'このリソースは外部のリンクです。');
  const key = await withTenant(deps.db, input.tenantId, async (trx) => {
    const row = await trx
      .selectFrom('od_resources')
      .select('file_key')
      .where('id', '=', resource.id)
      .executeTakeFirstOrThrow();
    if (input.count !== false && dataset.state === 'active' && !dataset.private) {
      await countDownload(trx, input.tenantId, resource.id);
    }
    return row.file_key as string;
  });
  return { resource, stream: await deps.files.get(key) };
}
