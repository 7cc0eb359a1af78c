// CKAN's sort parameter: comma-separated `field direction` pairs over the fields CKAN clients sort by.
// Every order ends with the dataset id, so pages never overlap or skip when values tie.
import { type RawBuilder, sql } from 'kysely';
import { SearchQueryError } from './errors.ts';

export const defaultSort = 'score desc, metadata_modified desc';

// Columns of the matching set (search-datasets.ts); title_string compares code points, as Solr's string does.
const columns = {
  score: 'score',
  metadata_modified: 'modified_at',
  metadata_created: 'created_at',
  title_string: 'title collate "C"',
  name: 'name collate "C"',
} as const;
export type SortField = keyof typeof columns;
export const sortFields = Object.keys(columns) as SortField[];

export interface SortKey {
  field: SortField;
  direction: 'asc' | 'desc';
}

/** The sort keys of a CKAN sort string (empty or missing: the default). Throws SearchQueryError. */
export function parseSort(sort: string | undefined): SortKey[] {
  const text = sort?.trim() || defaultSort;
  return text.split(',').map((part) => {
    const [field, direction, ...rest] = part.trim().split(/\s+/);
    const dir = direction?.toLowerCase();
    if (!field || !Object.hasOwn(columns, field) || (dir !== 'asc' && dir !== 'desc') || rest.length > 0) {
      throw new SearchQueryError(
        'sort',
        `並べ替え「${part.trim()}」は使えません。「項目 asc」か「項目 desc」をカンマで区切って指定してください（項目: ${sortFields.join(', ')}）。`,
        `Cannot sort by "${part.trim()}": give "field asc" or "field desc", comma-separated (fields: ${sortFields.join(', ')}).`,
      );
    }
    return { field: field as SortField, direction: dir };
  });
}

/** ORDER BY items for the matching set, ending with the id. */
export function orderBy(keys: SortKey[]): RawBuilder<unknown> {
  const items = keys.map((k) => `${columns[k.field]} ${k.direction}`);
  return sql.raw([...items, 'id'].join(', '));
}
