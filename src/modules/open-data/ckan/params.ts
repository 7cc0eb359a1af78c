// Action parameters as CKAN reads them: from a GET query string (every value a string, a repeated key a
// list) or a POST JSON body (real types), checked by the same rules as CKAN's schemas (ckan/logic/schema.py)
// with CKAN's error shapes. Where CKAN itself crashes with a 500 on odd input (an empty `start`, a
// boolean that is not one) we answer a 409 Validation Error instead; docs/ckan-compatibility.md lists these.
import { type CkanResult, fail, ok } from './envelope.ts';
import { ckanMessages } from './messages.ts';

export type ActionInput = Record<string, unknown>;
type Errors = Record<string, string[]>;

const absent = (v: unknown) => v === undefined || v === null;
const blank = (v: unknown) => absent(v) || (typeof v === 'string' && v.trim() === '');

class Invalid extends Error {}

/** Python's int() as CKAN's int_validator uses it: whole numbers, numeric strings (full-width too). */
export function toInt(value: unknown): number | null {
  if (absent(value)) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return value;
    throw new Invalid(ckanMessages.invalidInteger);
  }
  if (typeof value === 'string') {
    const text = value.normalize('NFKC').trim();
    if (text === '') return null;
    if (/^[+-]?\d+(_\d+)*$/.test(text)) return Number.parseInt(text.replaceAll('_', ''), 10);
  }
  throw new Invalid(ckanMessages.invalidInteger);
}

function toNatural(value: unknown): number | null {
  const n = toInt(value);
  if (n !== null && n < 0) throw new Invalid(ckanMessages.naturalNumber);
  return n;
}

const truthy = new Set(['true', 'yes', 'on', 'y', 't', '1']);
const falsy = new Set(['false', 'no', 'off', 'n', 'f', '0']);

/** CKAN's asbool (ckan/common.py): strict about strings. */
export function asBool(value: unknown, fallback: boolean): boolean {
  if (absent(value)) return fallback;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (truthy.has(text)) return true;
    if (falsy.has(text)) return false;
    throw new Invalid(`String is not true/false: ${text}`);
  }
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

/** CKAN's boolean_validator (ckan/logic/validators.py): lenient, anything unknown is false. */
export function booleanValidator(value: unknown): boolean {
  if (absent(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return typeof value === 'string' && ['true', 'yes', 't', 'y', '1'].includes(value.toLowerCase());
}

/** CKAN's unicode_safe: a string as it is, anything else as text. */
export function toText(value: unknown): string {
  if (absent(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A comma-separated string or a list, as CKAN's aslist(value, ','). */
export function toList(value: unknown): string[] {
  if (absent(value)) return [];
  const parts = Array.isArray(value) ? value.map(toText) : toText(value).split(',');
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

/** Runs one check, putting its message under `key` when it fails. */
function check<T>(errors: Errors, key: string, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    errors[key] = [...(errors[key] ?? []), e.message];
    return fallback;
  }
}

const hasErrors = (errors: Errors) => Object.keys(errors).length > 0;
const validation = (errors: Errors): CkanResult<never> => fail('validation', errors);

// --- package_search -----------------------------------------------------------------------------------

export interface SortClause {
  field: string;
  direction: 'asc' | 'desc';
}

export interface PackageSearchParams {
  q: string;
  fq: string;
  fqList: string[];
  rows: number;
  start: number;
  /** As CKAN echoes it in the result's `sort`. */
  sort: string;
  sortClauses: SortClause[];
  facet: boolean;
  facetMincount: number;
  /** Negative: no limit. */
  facetLimit: number;
  facetFields: string[];
  /** `fl`: the keys each result keeps; null for whole package dicts. */
  fl: string[] | null;
  includePrivate: boolean;
  includeDrafts: boolean;
  includeDeleted: boolean;
  /** `ext_*` parameters, for extensions in CKAN; kept here untouched. */
  extras: Record<string, unknown>;
}

export const packageSearchDefaults = {
  rows: 10,
  rowsMax: 1000,
  facetLimit: 50,
  facetMincount: 1,
  sort: 'score desc, metadata_modified desc',
} as const;

// What package_search passes on to Solr (ckan/lib/search/query.py VALID_SOLR_PARAMETERS) plus what the
// action itself takes off first. Anything else is a Search Query Error.
const solrParameters = new Set([
  'q',
  'fl',
  'fq',
  'rows',
  'sort',
  'start',
  'wt',
  'qf',
  'bf',
  'boost',
  'facet',
  'facet.mincount',
  'facet.limit',
  'facet.field',
  'extras',
  'fq_list',
  'tie',
  'defType',
  'mm',
  'df',
]);
const actionParameters = new Set(['include_private', 'include_drafts', 'include_deleted', 'use_default_schema']);

/** The fields our search can order by; others are CKAN's 'Invalid "sort" parameter'. */
export const packageSortFields = new Set([
  'score',
  'metadata_modified',
  'metadata_created',
  'name',
  'title',
  'title_string',
  'num_resources',
  'num_tags',
]);

/** Splits a Solr sort string ('score desc, name asc'); null when a clause is not one we can do. */
export function parseSortClauses(sort: string, allowed: ReadonlySet<string>): SortClause[] | null {
  const clauses: SortClause[] = [];
  for (const part of sort.split(',')) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const [field, direction = 'asc', ...rest] = words;
    const dir = direction.toLowerCase();
    if (rest.length > 0 || !allowed.has(field!) || (dir !== 'asc' && dir !== 'desc')) return null;
    clauses.push({ field: field!, direction: dir });
  }
  return clauses;
}

export function parsePackageSearchParams(input: ActionInput): CkanResult<PackageSearchParams> {
  const errors: Errors = {};
  const rows = check(
    errors,
    'rows',
    () =>
      Math.min(blank(input.rows) ? packageSearchDefaults.rows : toNatural(input.rows)!, packageSearchDefaults.rowsMax),
    packageSearchDefaults.rows,
  );
  const start = check(errors, 'start', () => toNatural(input.start) ?? 0, 0);
  const facetMincount = check(
    errors,
    'facet.mincount',
    () => toNatural(input['facet.mincount']) ?? packageSearchDefaults.facetMincount,
    1,
  );
  const facetLimit = check(
    errors,
    'facet.limit',
    () => toInt(input['facet.limit']) ?? packageSearchDefaults.facetLimit,
    50,
  );
  const facetFields = check(
    errors,
    'facet.field',
    () => {
      let value = input['facet.field'];
      if (absent(value)) return [];
      if (typeof value === 'string') {
        try {
          value = JSON.parse(value);
        } catch {
          throw new Invalid(ckanMessages.couldNotParseJson);
        }
      }
      if (!Array.isArray(value)) throw new Invalid(ckanMessages.notAList);
      for (const x of value) if (typeof x !== 'string') throw new Invalid(ckanMessages.notAString(x));
      return value as string[];
    },
    [],
  );
  const includePrivate = check(errors, 'include_private', () => asBool(input.include_private, false), false);
  const includeDrafts = check(errors, 'include_drafts', () => asBool(input.include_drafts, false), false);
  const includeDeleted = check(errors, 'include_deleted', () => asBool(input.include_deleted, false), false);
  if (hasErrors(errors)) return validation(errors);

  const extras: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('ext_')) extras[key] = value;
    else if (key !== 'callback' && !solrParameters.has(key) && !actionParameters.has(key)) unknown.push(key);
  }
  if (unknown.length > 0) return fail('search_query', ckanMessages.invalidSearchParameters(unknown.sort()));

  const sortText = blank(input.sort) || input.sort === 'rank' ? packageSearchDefaults.sort : toText(input.sort);
  const sortClauses = parseSortClauses(sortText, packageSortFields);
  if (!sortClauses) return fail('search_query', ckanMessages.invalidSort);

  const fl = absent(input.fl) ? null : toList(Array.isArray(input.fl) ? input.fl : toText(input.fl).split(/[\s,]+/));
  const facetText = absent(input.facet) ? 'true' : toText(input.facet).toLowerCase();
  return ok({
    q: toText(input.q),
    fq: toText(input.fq),
    fqList: absent(input.fq_list)
      ? []
      : Array.isArray(input.fq_list)
        ? input.fq_list.map(toText)
        : [toText(input.fq_list)],
    rows,
    start,
    sort: sortText,
    sortClauses,
    facet: !['false', 'off', '0', 'no'].includes(facetText),
    facetMincount,
    facetLimit,
    facetFields,
    fl: fl && fl.length > 0 ? fl : null,
    includePrivate,
    includeDrafts,
    includeDeleted,
    extras,
  });
}

// --- fq (Solr filter query) ------------------------------------------------------------------------

export interface FilterClause {
  field: string;
  /** Any of these matches. */
  values: string[];
  /** `-field:value`: datasets matching are left out. */
  exclude: boolean;
}

export interface FilterQuery {
  clauses: FilterClause[];
  /** Words with no field, searched like `q`. */
  terms: string[];
}

/** Fields clients filter on in CKAN's index, as `fq` names them. */
export const filterFields = new Set([
  'organization',
  'owner_org',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'name',
  'id',
  'capacity',
  'state',
  'type',
  'dataset_type',
  'site_id',
]);

/**
 * The part of Solr's query syntax CKAN clients send in `fq` (and in a fielded `q`): clauses such as
 * `organization:foo`, `+tags:"a b"`, `-res_format:PDF`, `groups:(a OR b)`, joined by spaces or AND;
 * `*:*` matches everything. An unknown field is Solr's "undefined field" (a CKAN Search Error, 409).
 */
export function parseFilterQuery(text: string): CkanResult<FilterQuery> {
  const clauses: FilterClause[] = [];
  const terms: string[] = [];
  let i = 0;
  const s = text;
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const readValue = (stop: RegExp): string => {
    if (s[i] === '"') {
      i++;
      let out = '';
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && i + 1 < s.length) i++;
        out += s[i++];
      }
      i++;
      return out;
    }
    let out = '';
    while (i < s.length && !stop.test(s[i]!)) {
      if (s[i] === '\\' && i + 1 < s.length) i++;
      out += s[i++];
    }
    return out;
  };
  while (true) {
    skipSpace();
    if (i >= s.length) break;
    let exclude = false;
    if (s[i] === '+' || s[i] === '-') {
      exclude = s[i] === '-';
      i++;
    }
    const word = readValue(/[\s:()]/);
    if (s[i] !== ':') {
      if (!exclude && (word === 'AND' || word === '&&')) continue;
      if (word === 'OR' || word === '||' || word === 'NOT' || s[i] === '(' || s[i] === ')') {
        return fail('search_query', `Unsupported query syntax: ${text}`);
      }
      if (word) terms.push(word);
      continue;
    }
    i++;
    if (word === '*' && s[i] === '*') {
      i++;
      continue;
    }
    if (!filterFields.has(word)) return fail('search', `undefined field ${word}`);
    const values: string[] = [];
    if (s[i] === '(') {
      i++;
      while (true) {
        skipSpace();
        if (i >= s.length) return fail('search_query', `Unsupported query syntax: ${text}`);
        if (s[i] === ')') {
          i++;
          break;
        }
        const value = readValue(/[\s)]/);
        if (value !== 'OR' && value !== '||' && value !== '') values.push(value);
      }
    } else {
      values.push(readValue(/\s/));
    }
    clauses.push({ field: word === 'dataset_type' ? 'type' : word, values, exclude });
  }
  return ok({ clauses, terms });
}

// --- package_list, organization_list, group_list, tag_list ----------------------------------------------

export interface PackageListParams {
  limit: number | null;
  offset: number;
}

/** package_list (default_pagination_schema): limit and offset, both natural numbers. */
export function parsePackageListParams(input: ActionInput): CkanResult<PackageListParams> {
  const errors: Errors = {};
  const limit = check(errors, 'limit', () => toNatural(input.limit), null);
  const offset = check(errors, 'offset', () => toNatural(input.offset), null);
  if (hasErrors(errors)) return validation(errors);
  return ok({ limit: limit || null, offset: offset ?? 0 });
}

export interface ListParams {
  /** null: no limit (CKAN applies none when `limit` is 0). */
  limit: number | null;
  offset: number;
  allFields: boolean;
  sort: { field: 'name' | 'title' | 'package_count'; direction: 'asc' | 'desc' };
  /** Substring of name, title or description (case-insensitive); '' for all. */
  q: string;
  /** `organizations` / `groups`: only these names; null for all. */
  names: string[] | null;
  includeDatasetCount: boolean;
  includeExtras: boolean;
  includeTags: boolean;
  includeGroups: boolean;
  includeUsers: boolean;
}

export const listLimits = { max: 1000, allFieldsMax: 25, defaultSort: 'title' } as const;

/** organization_list / group_list (ckan/logic/action/get.py _group_or_org_list). */
export function parseListParams(input: ActionInput, kind: 'organization' | 'group'): CkanResult<ListParams> {
  const errors: Errors = {};
  // CKAN checks limit and offset only when one of them is truthy ('0' as text is, 0 as a number is not).
  const paginated = Boolean(input.limit) || Boolean(input.offset);
  const limit = paginated ? check(errors, 'limit', () => toNatural(input.limit), null) : toIntOrNull(input.limit);
  const offset = paginated ? check(errors, 'offset', () => toNatural(input.offset), null) : null;
  if (hasErrors(errors)) return validation(errors);
  let allFields: boolean;
  try {
    allFields = asBool(input.all_fields, false);
  } catch (e) {
    return validation({ all_fields: [(e as Error).message] });
  }
  const max = allFields ? listLimits.allFieldsMax : listLimits.max;
  // A numeric 0 skips CKAN's `if limit:` (no limit at all); the text '0' is truthy and limits to none.
  const effectiveLimit = limit === null || limit > max ? max : limit === 0 && !paginated ? null : limit;

  let sortText = toText(input.sort) || listLimits.defaultSort;
  if (blank(input.sort) && !blank(input.order_by)) sortText = toText(input.order_by);
  if (['packages', 'package_count'].includes(sortText.trim())) sortText = 'package_count desc';
  const parts = sortText
    .split(',')
    .map((p) => p.trim().split(/\s+/).filter(Boolean))
    .filter((w) => w.length > 0);
  for (const [field, direction = 'asc'] of parts) {
    if (!['name', 'packages', 'package_count', 'title'].includes(field!)) {
      return fail('validation', { message: ckanMessages.cannotSortBy(field!) });
    }
    if (!['asc', 'desc'].includes(direction.toLowerCase())) {
      return fail('validation', { message: ckanMessages.invalidSortDirection(direction.toLowerCase()) });
    }
  }
  if (parts.length > 1) return fail('validation', ckanMessages.tooManySorts(1));
  const [field, direction = 'asc'] = parts[0] ?? ['title'];

  const flags: Record<string, boolean> = {};
  for (const [key, fallback] of [
    ['include_dataset_count', true],
    ['include_extras', false],
    ['include_tags', false],
    ['include_groups', false],
    ['include_users', false],
  ] as const) {
    try {
      flags[key] = asBool(input[key], fallback);
    } catch {
      return fail('validation', { message: 'Parameter is not an bool' });
    }
  }
  const namesKey = kind === 'organization' ? 'organizations' : 'groups';
  return ok({
    limit: effectiveLimit,
    offset: offset ?? 0,
    allFields,
    sort: {
      field: field === 'packages' ? 'package_count' : (field as 'name' | 'title' | 'package_count'),
      direction: direction.toLowerCase() as 'asc' | 'desc',
    },
    q: toText(input.q).trim(),
    names: absent(input[namesKey]) ? null : toList(input[namesKey]),
    includeDatasetCount: flags.include_dataset_count!,
    includeExtras: flags.include_extras!,
    includeTags: flags.include_tags!,
    includeGroups: flags.include_groups!,
    includeUsers: flags.include_users!,
  });
}

function toIntOrNull(value: unknown): number | null {
  try {
    return toInt(value);
  } catch {
    return null;
  }
}

export interface TagListParams {
  query: string;
  vocabularyId: string | null;
  allFields: boolean;
}

/**
 * tag_list. CKAN tests `all_fields` for plain truth, so the text 'false' still asks for whole tag dicts;
 * we do the same, since clients written against CKAN already live with it.
 */
export function parseTagListParams(input: ActionInput): CkanResult<TagListParams> {
  const raw = input.all_fields;
  const allFields = Array.isArray(raw) ? raw.length > 0 : Boolean(raw);
  return ok({
    query: toText(input.query ?? input.q).trim(),
    vocabularyId: blank(input.vocabulary_id) ? null : toText(input.vocabulary_id),
    allFields,
  });
}

// --- ids of single things ---------------------------------------------------------------------------

/**
 * The id (or name) a show / write action needs, with CKAN's error when it is missing: package_show names
 * the key `name_or_id`; package_update gives its message as a bare string; resource_create wants
 * `package_id`.
 */
export function parseIdParam(
  input: ActionInput,
  action:
    | 'package_show'
    | 'package_update'
    | 'package_patch'
    | 'package_delete'
    | 'resource_show'
    | 'resource_create'
    | 'organization_show'
    | 'group_show',
): CkanResult<string> {
  switch (action) {
    case 'package_show': {
      const id = input.id || input.name_or_id;
      return blank(id) ? validation({ name_or_id: [ckanMessages.missingValue] }) : ok(toText(id));
    }
    case 'package_update': {
      const id = input.id || input.name;
      return blank(id) ? fail('validation', { id: ckanMessages.missingValue }) : ok(toText(id));
    }
    case 'resource_create':
      return blank(input.package_id)
        ? validation({ package_id: [ckanMessages.missingValue] })
        : ok(toText(input.package_id));
    default:
      return blank(input.id) ? validation({ id: [ckanMessages.missingValue] }) : ok(toText(input.id));
  }
}

export interface GroupShowParams {
  id: string;
  includeDatasets: boolean;
  includeDatasetCount: boolean;
  includeExtras: boolean;
  includeTags: boolean;
  includeGroups: boolean;
  includeUsers: boolean;
}

/** organization_show / group_show options; a bad boolean is CKAN's 'Parameter is not an bool'. */
export function parseGroupShowParams(input: ActionInput): CkanResult<GroupShowParams> {
  const id = parseIdParam(input, 'organization_show');
  if (!id.ok) return id;
  try {
    return ok({
      id: id.value,
      includeDatasets: asBool(input.include_datasets, false),
      includeDatasetCount: asBool(input.include_dataset_count, true),
      includeExtras: asBool(input.include_extras, true),
      includeTags: asBool(input.include_tags, true),
      includeGroups: asBool(input.include_groups, true),
      includeUsers: asBool(input.include_users, true),
    });
  } catch {
    return fail('validation', { message: 'Parameter is not an bool' });
  }
}
