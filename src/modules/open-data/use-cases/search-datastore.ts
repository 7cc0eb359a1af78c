// datastore_search over a tabular resource's rows: equality filters per column, a text query over the row
// (or per column), chosen fields, sort by columns, limit and offset. Columns are checked against the
// resource's own, so nothing a client sends reaches SQL as anything but a bound value.
import { type Kysely, sql } from 'kysely';
import { withTenant } from '../../../platform/db/tenant.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import type { OpenDataActor } from '../actor.ts';
import type { Column } from '../model.ts';
import { readResource } from './read-dataset.ts';

export interface DatastoreQuery {
  resourceId: string;
  filters?: Record<string, string | number | boolean | (string | number | boolean)[]>;
  q?: string | Record<string, string>;
  fields?: string[];
  sort?: { column: string; direction: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
  includeTotal?: boolean;
}

export interface DatastoreResult {
  columns: Column[];
  records: Record<string, string | number>[];
  total: number | null;
}

const numericTypes = new Set(['integer', 'number', 'latitude', 'longitude']);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function sortKey(column: Column) {
  const value = sql`data->>${column.name}`;
  // Numbers sort as numbers; a cell that is not a number (empty) sorts after them.
  return numericTypes.has(column.type)
    ? sql`case when ${value} ~ '^-?[0-9]+(\\.[0-9]+)?$' then (${value})::numeric end`
    : value;
}

export async function searchDatastore(
  deps: { db: Kysely<any> },
  input: { tenantId: string; viewer?: OpenDataActor | undefined; query: DatastoreQuery },
): Promise<DatastoreResult> {
  const { resource } = await readResource(deps, {
    tenantId: input.tenantId,
    resourceId: input.query.resourceId,
    viewer: input.viewer,
  });
  if (!resource.datastoreActive || !resource.columns) {
    throw new AppError('not_found', 'このリソースは表形式のデータとして検索できません。');
  }
  const columns = resource.columns;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const errors: FieldError[] = [];
  const known = (field: string, name: string) => {
    if (name === '_id' || byName.has(name)) return true;
    errors.push({ field, message: `列「${name.slice(0, 60)}」はこのリソースにありません。` });
    return false;
  };
  const q = input.query;
  for (const name of Object.keys(q.filters ?? {})) known('filters', name);
  for (const name of q.fields ?? []) known('fields', name);
  for (const s of q.sort ?? []) known('sort', s.column);
  if (q.q !== undefined && typeof q.q === 'object') for (const name of Object.keys(q.q)) known('q', name);
  if (errors.length > 0) throw new AppError('validation_failed', undefined, { errors });

  return withTenant(deps.db, input.tenantId, async (trx) => {
    let query = trx.selectFrom('od_datastore_rows').where('resource_id', '=', resource.id);
    for (const [name, wanted] of Object.entries(q.filters ?? {})) {
      const values = (Array.isArray(wanted) ? wanted : [wanted]).map(String);
      if (name === '_id') {
        query = query.where(
          'row_no',
          'in',
          values.map((v) => (/^\d+$/.test(v) ? Number(v) : -1)),
        );
      } else {
        query = query.where(sql<boolean>`data->>${name} in (${sql.join(values)})`);
      }
    }
    if (typeof q.q === 'string' && q.q.trim() !== '') {
      // Whole-row text search: every word must appear somewhere in the row's values.
      for (const word of q.q.normalize('NFKC').trim().split(/\s+/).slice(0, 10)) {
        query = query.where(
          sql<boolean>`exists (select 1 from jsonb_each_text(data) e where e.value ilike ${`%${escapeLike(word)}%`})`,
        );
      }
    } else if (q.q !== undefined && typeof q.q === 'object') {
      for (const [name, text] of Object.entries(q.q)) {
        query = query.where(sql<boolean>`data->>${name} ilike ${`%${escapeLike(String(text))}%`}`);
      }
    }
    let page = query.select(['row_no', 'data']);
    for (const s of q.sort ?? []) {
      const key = s.column === '_id' ? sql`row_no` : sortKey(byName.get(s.column) as Column);
      page = page.orderBy(sql`${key} ${sql.raw(s.direction === 'desc' ? 'desc nulls last' : 'asc nulls last')}`);
    }
    page = page.orderBy('row_no').limit(q.limit).offset(q.offset);
    const [rows, total] = await Promise.all([
      page.execute(),
      q.includeTotal === false
        ? Promise.resolve(null)
        : query
            .select(sql<string>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
            .then((r) => Number(r.n)),
    ]);
    const wanted = q.fields && q.fields.length > 0 ? q.fields : ['_id', ...columns.map((c) => c.name)];
    const records = rows.map((r) => {
      const record: Record<string, string | number> = {};
      for (const name of wanted)
        record[name] = name === '_id' ? r.row_no : ((r.data as Record<string, string>)[name] ?? '');
      return record;
    });
    return { columns, records, total };
  });
}

/** Every row of a tabular resource in file order, a page at a time (constant memory for JSON/GeoJSON output). */
export async function* streamRows(
  deps: { db: Kysely<any> },
  input: { tenantId: string; resourceId: string },
): AsyncGenerator<Record<string, string>> {
  let after = 0;
  for (;;) {
    const rows = await withTenant(deps.db, input.tenantId, (trx) =>
      trx
        .selectFrom('od_datastore_rows')
        .select(['row_no', 'data'])
        .where('resource_id', '=', input.resourceId)
        .where('row_no', '>', after)
        .orderBy('row_no')
        .limit(2000)
        .execute(),
    );
    for (const r of rows) yield r.data as Record<string, string>;
    if (rows.length < 2000) return;
    after = rows[rows.length - 1]?.row_no as number;
  }
}
