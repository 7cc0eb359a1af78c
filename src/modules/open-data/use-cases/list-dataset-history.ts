// The history of a dataset as a reader sees it (変更履歴): its revisions newest first, each with what changed
// against the one before — which metadata fields, and which resources were added, replaced or removed —
// worked out from the snapshots od_dataset_revisions keeps. Shown only for a dataset the reader may see.
import type { Kysely } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import type { OpenDataActor } from '../actor.ts';
import type { Dataset } from '../model.ts';
import { readDataset } from './read-dataset.ts';

/** Metadata fields compared between revisions, in the order a page lists them. */
export const historyFields = [
  'title',
  'name',
  'notes',
  'organization',
  'licenseId',
  'frequency',
  'spatial',
  'temporalStart',
  'temporalEnd',
  'contactName',
  'contactEmail',
  'standard',
  'tags',
  'groups',
  'private',
  'state',
] as const;
export type HistoryField = (typeof historyFields)[number];

export interface DatasetRevisionChanges {
  revision: number;
  /** create, update, resource, resource_delete, delete (what the writer recorded). */
  action: string;
  createdAt: string;
  fields: HistoryField[];
  resourcesAdded: string[];
  resourcesUpdated: string[];
  resourcesRemoved: string[];
}

export interface DatasetHistory {
  dataset: Dataset;
  revisions: DatasetRevisionChanges[];
  /** True when older revisions exist than those returned. */
  more: boolean;
}

type Snapshot = Partial<Dataset> & { resources?: Dataset['resources'] };

/** A field's value as a comparable string (lists and references by their names). */
function comparable(snapshot: Snapshot, field: HistoryField): string {
  const v = snapshot[field] as unknown;
  if (field === 'organization') return (v as { name?: string } | undefined)?.name ?? '';
  if (field === 'groups') return ((v as { name: string }[] | undefined) ?? []).map((g) => g.name).join('\n');
  if (field === 'tags') return ((v as string[] | undefined) ?? []).join('\n');
  return v === null || v === undefined ? '' : String(v);
}

const resourceName = (r: Dataset['resources'][number]) => r.name || r.fileName || r.format || r.id;

/** What changed from `before` (undefined for the first revision) to `after`. */
export function compareSnapshots(
  before: Snapshot | undefined,
  after: Snapshot,
): Pick<DatasetRevisionChanges, 'fields' | 'resourcesAdded' | 'resourcesUpdated' | 'resourcesRemoved'> {
  const afterResources = after.resources ?? [];
  if (!before) {
    return { fields: [], resourcesAdded: afterResources.map(resourceName), resourcesUpdated: [], resourcesRemoved: [] };
  }
  const fields = historyFields.filter((f) => comparable(before, f) !== comparable(after, f));
  const old = new Map((before.resources ?? []).map((r) => [r.id, r]));
  const now = new Set(afterResources.map((r) => r.id));
  const resourcesAdded: string[] = [];
  const resourcesUpdated: string[] = [];
  for (const r of afterResources) {
    const was = old.get(r.id);
    if (!was) resourcesAdded.push(resourceName(r));
    else if (
      was.sha256 !== r.sha256 ||
      was.modifiedAt !== r.modifiedAt ||
      was.name !== r.name ||
      was.url !== r.url ||
      was.description !== r.description ||
      was.format !== r.format
    ) {
      resourcesUpdated.push(resourceName(r));
    }
  }
  const resourcesRemoved = (before.resources ?? []).filter((r) => !now.has(r.id)).map(resourceName);
  return { fields, resourcesAdded, resourcesUpdated, resourcesRemoved };
}

export async function listDatasetHistory(
  deps: { db: Kysely<any> },
  input: { tenantId: string; idOrName: string; viewer?: OpenDataActor | undefined; limit?: number },
): Promise<DatasetHistory> {
  const dataset = await readDataset(deps, input);
  const limit = Math.min(Math.max(Math.floor(input.limit ?? 50), 1), 200);
  // One more than shown: the oldest shown revision is compared with the one before it.
  const rows = await withTenant(deps.db, input.tenantId, (trx) =>
    trx
      .selectFrom('od_dataset_revisions')
      .select(['revision', 'action', 'snapshot', 'created_at'])
      .where('dataset_id', '=', dataset.id)
      .orderBy('revision', 'desc')
      .limit(limit + 1)
      .execute(),
  );
  const revisions = rows.slice(0, limit).map((row, i) => {
    const before = rows[i + 1]?.snapshot as Snapshot | undefined;
    return {
      revision: row.revision as number,
      action: row.action as string,
      createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at),
      ...compareSnapshots(before, row.snapshot as Snapshot),
    };
  });
  return { dataset, revisions, more: rows.length > limit };
}
