// datastore_search as CKAN's DataStore extension answers it (ckanext/datastore, PostgreSQL backend):
// its parameters and checks, then the result dict built from rows the caller has already filtered,
// ordered and cut to one page. `_id` (type "int") is always the first field; a text `q` adds a "rank"
// field (type "float"), as CKAN's full-text search does.
import type { Column } from '../model.ts';
import { type CkanResult, fail, ok } from './envelope.ts';
import { ckanMessages } from './messages.ts';
import { type ActionInput, booleanValidator, toInt, toText } from './params.ts';

export const datastoreLimits = { defaultLimit: 100, maxLimit: 32000 } as const;
export const recordsFormats = ['objects', 'lists', 'csv', 'tsv'] as const;
export type RecordsFormat = (typeof recordsFormats)[number];
export type FilterValue = string | number | boolean | null;

export interface DatastoreSearchParams {
  resourceId: string;
  /** Full-text words over every column, or `{ column: words }` per column. */
  q: string | Record<string, unknown> | null;
  fullText: string | null;
  filters: Record<string, FilterValue | FilterValue[]> | null;
  /** Column ids asked for, in order; null for all. */
  fields: string[] | null;
  /** The `sort` clauses as given ("col asc, col2 desc"), still to be checked against the columns. */
  sort: string[] | null;
  limit: number;
  offset: number | null;
  includeTotal: boolean;
  distinct: boolean;
  plain: boolean;
  language: string | null;
  recordsFormat: RecordsFormat;
  totalEstimationThreshold: number | null;
  /** The request as CKAN keeps it, echoed back in the result (sort, filters, q … only when given). */
  echo: Record<string, unknown>;
  /** Parameters CKAN does not know: an error once the resource is known to exist. */
  unknown: string[];
}

const knownKeys = new Set([
  'resource_id',
  'id',
  'q',
  'plain',
  'filters',
  'language',
  'limit',
  'offset',
  'fields',
  'sort',
  'distinct',
  'include_total',
  'total_estimation_threshold',
  'records_format',
  'full_text',
  'callback',
]);

const blank = (v: unknown) => v === undefined || v === null || v === '';
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** ckanext/datastore's get_list: a list, or a comma-separated string; quotes around a name removed. */
function splitList(value: unknown, stripQuotes: boolean): string[] {
  const items = Array.isArray(value) ? value.map(toText) : toText(value).split(',');
  return items
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (stripQuotes && s.length > 1 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s));
}

function checkStringsOrList(value: unknown): string | null {
  if (typeof value === 'string') return null;
  if (!Array.isArray(value)) return ckanMessages.notAList;
  for (const x of value) {
    if (typeof x !== 'string' && !Array.isArray(x)) return ckanMessages.neitherStringNorList(x);
  }
  return null;
}

export function parseDatastoreSearchParams(input: ActionInput): CkanResult<DatastoreSearchParams> {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => {
    errors[key] = [...(errors[key] ?? []), message];
  };
  // CKAN renames `id` to `resource_id` before anything else.
  const resourceId = toText(input.id || input.resource_id);
  if (!resourceId) add('resource_id', ckanMessages.missingValue);

  let q: DatastoreSearchParams['q'] = null;
  if (isPlainObject(input.q)) q = input.q;
  else if (!blank(input.q)) {
    const text = toText(input.q);
    try {
      const parsed = JSON.parse(text);
      q = isPlainObject(parsed) ? parsed : text;
    } catch {
      q = text;
    }
  }

  let filters: DatastoreSearchParams['filters'] = null;
  if (input.filters !== undefined) {
    let value = input.filters;
    if (!isPlainObject(value) && !Array.isArray(value)) {
      try {
        value = JSON.parse(toText(value));
      } catch {
        add('filters', ckanMessages.cannotParseJson);
      }
    }
    if (!errors.filters) {
      if (isPlainObject(value)) filters = value as DatastoreSearchParams['filters'];
      else add('filters', 'filters は {"列名": 値} の形の JSON オブジェクトで指定してください。');
    }
  }

  let limit: number = datastoreLimits.defaultLimit;
  try {
    const n = toInt(input.limit);
    if (n !== null && n < 0) add('limit', ckanMessages.naturalNumber);
    else if (n !== null) limit = Math.min(n, datastoreLimits.maxLimit);
  } catch {
    add('limit', ckanMessages.invalidInteger);
  }

  let offset: number | null = null;
  try {
    offset = blank(input.offset) ? null : toInt(input.offset);
  } catch {
    add('offset', ckanMessages.invalidInteger);
  }

  let threshold: number | null = null;
  try {
    threshold = blank(input.total_estimation_threshold) ? null : toInt(input.total_estimation_threshold);
  } catch {
    add('total_estimation_threshold', ckanMessages.invalidInteger);
  }

  for (const key of ['fields', 'sort'] as const) {
    if (input[key] === undefined) continue;
    const problem = checkStringsOrList(input[key]);
    if (problem) add(key, problem);
  }

  const recordsFormat = blank(input.records_format) ? 'objects' : toText(input.records_format);
  if (!(recordsFormats as readonly string[]).includes(recordsFormat)) {
    add('records_format', ckanMessages.oneOf([...recordsFormats]));
  }
  if (Object.keys(errors).length > 0) return fail('validation', errors);

  const includeTotal = blank(input.include_total) ? true : booleanValidator(input.include_total);
  const echo: Record<string, unknown> = {
    resource_id: resourceId,
    limit,
    include_total: includeTotal,
    total_estimation_threshold: threshold,
    records_format: recordsFormat,
  };
  if (q !== null) echo.q = q;
  if (filters !== null) echo.filters = filters;
  if (offset !== null) echo.offset = offset;
  if (input.sort !== undefined) echo.sort = input.sort;
  if (input.distinct !== undefined) echo.distinct = booleanValidator(input.distinct);
  if (input.plain !== undefined) echo.plain = booleanValidator(input.plain);
  if (input.language !== undefined) echo.language = toText(input.language);
  if (input.full_text !== undefined) echo.full_text = toText(input.full_text);

  return ok({
    resourceId,
    q,
    fullText: blank(input.full_text) ? null : toText(input.full_text),
    filters,
    fields: input.fields === undefined ? null : splitList(input.fields, true),
    sort: input.sort === undefined ? null : splitList(input.sort, false),
    limit,
    offset,
    includeTotal,
    distinct: booleanValidator(input.distinct),
    plain: input.plain === undefined ? true : booleanValidator(input.plain),
    language: blank(input.language) ? null : toText(input.language),
    recordsFormat: recordsFormat as RecordsFormat,
    totalEstimationThreshold: threshold,
    echo,
    unknown: Object.keys(input).filter((k) => !knownKeys.has(k)),
  });
}

/** The PostgreSQL type name CKAN reports for each of our column types. */
export function datastoreType(columnType: string): string {
  switch (columnType) {
    case 'integer':
      return 'int4';
    case 'number':
    case 'latitude':
    case 'longitude':
      return 'numeric';
    case 'date':
      return 'date';
    case 'time':
      return 'time';
    case 'boolean':
      return 'bool';
    default:
      return 'text';
  }
}

export interface DatastoreField {
  id: string;
  type: string;
}

export interface DatastoreSort {
  field: string;
  direction: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** What the caller runs: every name checked against the resource's columns. */
export interface DatastoreQuery {
  /** Fields of the result, in order (`_id` first unless `fields` chose otherwise; `rank…` for text search). */
  fields: DatastoreField[];
  filters: { column: string; values: FilterValue[] }[];
  /** Words searched over all columns (`q` as text, or `full_text`). */
  text: string | null;
  /** Words searched in one column each (`q` as an object). */
  columnText: { column: string; text: string }[];
  /** Ordering; empty means CKAN's default: best text match first when searching, else `_id`. */
  sort: DatastoreSort[];
  limit: number;
  offset: number;
}

/**
 * Checks the query's names against the resource's columns, as CKAN does once it knows the resource
 * exists (so a 404 for a missing resource comes first). CKAN reports the first problem only:
 * `{ key: ['invalid value "…"'] }`.
 */
export function resolveDatastoreQuery(params: DatastoreSearchParams, columns: Column[]): CkanResult<DatastoreQuery> {
  const types = new Map<string, string>([['_id', 'int']]);
  for (const c of columns) if (!c.name.startsWith('_')) types.set(c.name, datastoreType(c.type));
  const invalid = (key: string, value: unknown) =>
    fail('validation', { [key]: [ckanMessages.datastoreInvalidValue(value)] });

  const rankFields: DatastoreField[] = [];
  const columnText: DatastoreQuery['columnText'] = [];
  let text: string | null = params.fullText;
  if (typeof params.q === 'string') {
    if (!params.fullText) text = params.q;
    rankFields.push({ id: 'rank', type: 'float' });
  } else if (params.q) {
    for (const [column, value] of Object.entries(params.q)) {
      if (!types.has(column) || typeof value !== 'string') return invalid('q', column);
      columnText.push({ column, text: value });
      rankFields.push({ id: `rank ${column}`, type: 'float' });
    }
  }
  if (params.fullText && typeof params.q !== 'string') rankFields.unshift({ id: 'rank', type: 'float' });
  for (const f of rankFields) types.set(f.id, f.type);

  const filters: DatastoreQuery['filters'] = [];
  for (const [column, value] of Object.entries(params.filters ?? {})) {
    if (!types.has(column) || column.startsWith('rank')) return invalid('filters', column);
    filters.push({ column, values: Array.isArray(value) ? value : [value] });
  }

  let fields: DatastoreField[];
  if (params.fields && params.fields.length > 0) {
    const unknown = params.fields.find((f) => !types.has(f));
    if (unknown !== undefined) return invalid('fields', unknown);
    fields = params.fields.map((id) => ({ id, type: types.get(id)! }));
  } else {
    fields = [...types].map(([id, type]) => ({ id, type }));
  }

  const sort: DatastoreSort[] = [];
  for (const clause of params.sort ?? []) {
    const m = /^(.+?)( +(asc|desc))?( nulls +(first|last) *)?$/i.exec(clause);
    let field = m?.[1] ?? '';
    if (field.length > 1 && field.startsWith('"') && field.endsWith('"')) field = field.slice(1, -1);
    if (!m || !types.has(field)) return invalid('sort', clause);
    const entry: DatastoreSort = { field, direction: (m[3]?.toLowerCase() ?? 'asc') as 'asc' | 'desc' };
    if (m[5]) entry.nulls = m[5].toLowerCase() as 'first' | 'last';
    sort.push(entry);
  }

  if (params.offset !== null && params.offset < 0) return invalid('offset', params.offset);
  if (params.unknown.length > 0) return invalid('__extras', params.unknown[0]);

  return ok({ fields, filters, text, columnText, sort, limit: params.limit, offset: params.offset ?? 0 });
}

export interface DatastoreRow {
  /** Row number, from 1 (CKAN's `_id`). */
  id: number;
  values: Record<string, unknown>;
  /** Text-search scores by rank field id ('rank', 'rank <column>'), when searching. */
  ranks?: Record<string, number>;
}

/** A stored value as CKAN's JSON gives it for the column's type (numbers as numbers, '' as null). */
function typedValue(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'int' || type === 'int4' || type === 'numeric' || type === 'float') {
    if (typeof value === 'number') return value;
    const text = String(value).trim();
    if (text === '') return null;
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (text === '') return null;
    if (['true', 't', '1', 'yes', 'y'].includes(text)) return true;
    if (['false', 'f', '0', 'no', 'n'].includes(text)) return false;
    return text;
  }
  if (type !== 'text' && value === '') return null;
  return typeof value === 'string' ? value : String(value);
}

/** PostgreSQL's COPY … csv: NULL unquoted and empty, text quoted when it must be. */
function delimited(rows: unknown[][], delimiter: string): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'string' ? v : String(v);
    return s === '' || /["\r\n\\]/.test(s) || s.includes(delimiter) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => `${r.map(cell).join(delimiter)}\n`).join('');
}

/** Python's urlencode (quote_plus): letters, digits and _.-~ kept, spaces as '+'. */
function quotePlus(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+');
}

function decodeQueryPart(s: string): string {
  const spaced = s.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * `_links` as CKAN builds them from the request's path and query (no host): `start` without `offset`,
 * `next` with offset + limit, `prev` only when offset − limit is above zero. `currentUrl` is the path
 * and query string the client called, e.g. `/api/3/action/datastore_search?resource_id=…&limit=5`.
 */
export function datastoreLinks(currentUrl: string, limit: number, offset: number) {
  const [path, query = ''] = currentUrl.split(/\?(.*)/s, 2) as [string, string?];
  const args = new Map<string, string>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const [k, v = ''] = part.split(/=(.*)/s, 2) as [string, string?];
    const key = decodeQueryPart(k);
    const value = decodeQueryPart(v);
    if (value !== '') args.set(key, value);
  }
  const encode = (m: Map<string, string>) => [...m].map(([k, v]) => `${quotePlus(k)}=${quotePlus(v)}`).join('&');
  const withQuery = (m: Map<string, string>) => (m.size > 0 ? `${path}?${encode(m)}` : path);
  const start = new Map(args);
  start.delete('offset');
  const next = new Map(args).set('offset', String(offset + limit));
  const links: { start: string; next: string; prev?: string } = { start: withQuery(start), next: withQuery(next) };
  if (offset - limit > 0) links.prev = withQuery(new Map(args).set('offset', String(offset - limit)));
  return links;
}

/**
 * datastore_search's result: the request as CKAN keeps it (resource_id, limit, include_total,
 * records_format, total_estimation_threshold, and offset / q / filters / sort when given), then `fields`,
 * `records`, `_links` and, unless include_total is false, `total` and `total_was_estimated`.
 */
export function toDatastoreResult(input: {
  params: DatastoreSearchParams;
  query: DatastoreQuery;
  rows: DatastoreRow[];
  total: number;
  currentUrl: string;
}): Record<string, unknown> {
  const { params, query } = input;
  const cells = (row: DatastoreRow) =>
    query.fields.map((f) => {
      if (f.id === '_id') return row.id;
      if (f.id.startsWith('rank') && f.type === 'float' && !(f.id in row.values)) return row.ranks?.[f.id] ?? 0;
      return typedValue(row.values[f.id], f.type);
    });
  let records: unknown;
  switch (params.recordsFormat) {
    case 'objects':
      records = input.rows.map((row) => {
        const values = cells(row);
        return Object.fromEntries(query.fields.map((f, i) => [f.id, values[i]]));
      });
      break;
    case 'lists':
      records = input.rows.map(cells);
      break;
    case 'csv':
      records = delimited(input.rows.map(cells), ',');
      break;
    case 'tsv':
      records = delimited(input.rows.map(cells), '\t');
      break;
  }
  const result: Record<string, unknown> = {
    ...params.echo,
    fields: query.fields,
    records,
    _links: datastoreLinks(input.currentUrl, query.limit, query.offset),
  };
  if (params.includeTotal) {
    result.total = input.total;
    result.total_was_estimated = false;
  }
  return result;
}
