// package_create / package_update / package_patch bodies read as CKAN reads them (default package
// schema, ckan/logic/schema.py), turned into the catalogue's fields, with CKAN's error shapes.
//
// What each mode does, as in CKAN 2.10 / 2.11:
// - create: `name` and `owner_org` are required; `title` falls back to the name.
// - update: replaces the dataset. Lists not given (resources, tags, groups, extras) become empty — CKAN
//   deletes every resource when `resources` is left out — and optional fields not given are cleared.
//   Fields our catalogue cannot leave empty (title, licence, frequency, organisation, privacy, state)
//   keep their current value instead of CKAN's null.
// - patch: the current dataset as package_show shows it, with the given top-level keys put over it, then
//   an update. A list given replaces the whole list.
// Checks that need the database (name taken, organisation and groups exist, permissions) are the
// caller's; their CKAN texts are in messages.ts.
import { type Dataset, type Frequency, frequencies, type LicenseId, licenses } from '../model.ts';
import { departmentCodeFromCkanName, extraKeys, toPackageDict } from './dicts.ts';
import { type CkanResult, fail, ok } from './envelope.ts';
import { ckanMessages } from './messages.ts';
import { booleanValidator, toText } from './params.ts';

export type PackageMode = 'create' | 'update' | 'patch';

export interface ResourceChange {
  /** The current resource this entry keeps (its file stays); null for a new link. */
  id: string | null;
  name: string;
  description: string;
  format: string;
  urlType: 'upload' | 'link';
  /** The link's address; '' for an upload (its download address is ours). */
  url: string;
}

export interface PackageChanges {
  name: string;
  title: string;
  notes: string;
  /** Department code (owner_org, read back from its CKAN name). */
  organization: string;
  licenseId: LicenseId;
  frequency: Frequency;
  spatial: string;
  temporalStart: string | null;
  temporalEnd: string | null;
  contactName: string;
  contactEmail: string;
  standard: string | null;
  private: boolean;
  /** As given ('draft', 'active', 'deleted'), else the current state ('active' for a new dataset). */
  state: Dataset['state'];
  tags: string[];
  /** Group ids or names as the client gave them; the caller resolves them (unknown: 404 "Group was not found."). */
  groups: string[];
  /** The whole list in its new order: current resources not in it are to be deleted. */
  resources: ResourceChange[];
  /** Extras keys we have nowhere to keep; CKAN would store them, we leave them out. */
  ignoredExtras: string[];
}

type Dict = Record<string, unknown>;
type ErrorDict = Record<string, unknown>;

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;
const given = (input: Dict, key: string) => key in input && input[key] !== undefined && input[key] !== null;
const length = (s: string) => [...s].length;

/** The class name Python would print for a JSON value (for CKAN's Integrity Error text). */
function pythonType(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'dict';
}

const nameMatch = /^[a-z0-9_-]*$/;

/** CKAN's name_validator; null when the name is fine. */
export function checkName(value: unknown): string | null {
  if (typeof value !== 'string') return ckanMessages.namesMustBeStrings;
  if (['new', 'edit', 'search'].includes(value)) return ckanMessages.nameCannotBeUsed;
  if (value.length < 2) return ckanMessages.nameTooShort;
  if (value.length > 100) return ckanMessages.nameTooLong;
  if (!nameMatch.test(value)) return ckanMessages.nameCharacters;
  return null;
}

// Python's \w with re.UNICODE: letters (L*), digits and other numbers (N*), underscore. Marks and
// punctuation such as 「・」 are not, so CKAN refuses a tag like 「子育て・教育」.
const tagMatch = /^[\p{L}\p{N}_ .-]*$/u;

/** CKAN's tag_length_validator and tag_name_validator; null when the tag is fine. */
export function checkTag(tag: string): string | null {
  if (length(tag) < 2) return ckanMessages.tagTooShort(tag);
  if (length(tag) > 100) return ckanMessages.tagTooLong(tag);
  if (!tagMatch.test(tag)) return ckanMessages.tagCharacters(tag);
  return null;
}

// The HTML living standard's e-mail pattern, as CKAN's email_validator uses it.
const emailPattern =
  /^(?!\.)(?!.*\.$)(?!.*?\.\.)[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const licenseAliases: Record<string, LicenseId> = {
  'cc-by-4.0': 'cc-by-4.0',
  'cc-by-4': 'cc-by-4.0',
  'cc-by': 'cc-by-4.0',
  'cc by 4.0': 'cc-by-4.0',
  'cc-by4.0': 'cc-by-4.0',
  'pdl-1.0': 'pdl-1.0',
  pdl1: 'pdl-1.0',
  'pdl1.0': 'pdl-1.0',
  pdl: 'pdl-1.0',
};

/** Our licence id for what a CKAN client sends (ids used by Japanese CKAN sites included). */
export function licenseFromCkan(value: string): LicenseId | null {
  return licenseAliases[value.trim().toLowerCase()] ?? null;
}

/** A frequency code, or its Japanese label as the pages show it. */
export function frequencyFromCkan(value: string): Frequency | null {
  const text = value.trim();
  if (text in frequencies) return text as Frequency;
  const found = Object.entries(frequencies).find(([, label]) => label === text);
  return found ? (found[0] as Frequency) : null;
}

/** A day from CKAN's isodate input ('2024-04-01' or a timestamp); null when it is not one. */
function isoDay(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null;
}

/** A link address as we keep it: no scheme means http (as CKAN shows it); only web addresses. */
function linkAddress(value: string): { url: string } | { error: string } {
  const url = value.replace(/^\s+|\s+$/g, '');
  if (url === '') return { url };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url.replace(/^\/+/, '')}`;
  try {
    const parsed = new URL(withScheme);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return { url: withScheme };
  } catch {
    // falls through
  }
  return { error: 'リンクのアドレスは http:// か https:// で始まるウェブのアドレスにしてください。' };
}

// CKAN's clean_format turns known formats and MIME types into their usual names.
const formatNames: Record<string, string> = {
  csv: 'CSV',
  'text/csv': 'CSV',
  json: 'JSON',
  'application/json': 'JSON',
  geojson: 'GeoJSON',
  'application/geo+json': 'GeoJSON',
  xlsx: 'XLSX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  xls: 'XLS',
  'application/vnd.ms-excel': 'XLS',
  pdf: 'PDF',
  'application/pdf': 'PDF',
  html: 'HTML',
  'text/html': 'HTML',
  xml: 'XML',
  'application/xml': 'XML',
  'text/xml': 'XML',
  zip: 'ZIP',
  'application/zip': 'ZIP',
  txt: 'TXT',
  'text/plain': 'TXT',
  kml: 'KML',
  shp: 'SHP',
  rdf: 'RDF',
  api: 'API',
};

function formatName(format: string, url: string): string {
  const text = format.trim();
  if (text) return formatNames[text.toLowerCase()] ?? text;
  // if_empty_guess_format: from the address's extension.
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(new URL(url || 'http://x/').pathname)?.[1]?.toLowerCase();
  return (ext && formatNames[ext]) ?? '';
}

function resourceName(url: string): string {
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
    if (last) return last.slice(0, 200);
  } catch {
    // falls through
  }
  return url.slice(0, 200) || '名称未設定のリソース';
}

/** The keys of CKAN's package schema: extras may not use them. */
const schemaKeys = new Set([
  'id',
  'name',
  'title',
  'author',
  'author_email',
  'maintainer',
  'maintainer_email',
  'license_id',
  'notes',
  'url',
  'version',
  'state',
  'type',
  'owner_org',
  'private',
  'resources',
  'tags',
  'tag_string',
  'plugin_data',
  'extras',
  'save',
  'return_to',
  'relationships_as_object',
  'relationships_as_subject',
  'groups',
]);

const listKeys = ['resources', 'tags', 'groups', 'extras'] as const;

/** Our fields from a CKAN package dict, or CKAN's error. `current` is required for update and patch. */
export function fromPackageDict(
  input: Record<string, unknown>,
  mode: PackageMode,
  current?: Dataset,
): CkanResult<PackageChanges> {
  if (mode !== 'create' && !current) throw new Error(`fromPackageDict(${mode}) needs the current dataset`);
  if (mode === 'patch') {
    if (absent(input.id) || input.id === '') return fail('validation', { id: [ckanMessages.missingValue] });
    const shown = toPackageDict(current!, { baseUrl: '' }) as unknown as Dict;
    return fromPackageDict({ ...shown, ...input, id: current!.id }, 'update', current);
  }

  // Lists must hold objects: CKAN's dictization refuses anything else before validating (400).
  for (const key of listKeys) {
    if (!(key in input)) continue;
    const value = input[key];
    if (Array.isArray(value) && (value.length === 0 || value.every(isDict))) continue;
    return fail(
      'integrity',
      `Only lists of dicts can be placed against subschema ('${key}',), not <class '${pythonType(value)}'>`,
      input,
    );
  }

  const errors: ErrorDict = {};
  const add = (key: string, message: string) => {
    errors[key] = [...((errors[key] as string[] | undefined) ?? []), message];
  };
  const creating = mode === 'create';
  const text = (key: string) => (given(input, key) ? toText(input[key]).trim() : '');

  if (creating && given(input, 'id') && input.id !== '') add('id', ckanMessages.notExpected('id'));

  // name
  let name = current?.name ?? '';
  if (creating && (!given(input, 'name') || input.name === '')) add('name', ckanMessages.missingValue);
  else if (given(input, 'name')) {
    const problem = checkName(input.name);
    if (problem) add('name', problem);
    else name = input.name as string;
  }

  // title: empty becomes the name; left out of an update, it stays.
  let title = current?.title ?? '';
  if (given(input, 'title') || creating) title = text('title') || name;
  if (length(title) > 200) add('title', 'タイトルは200文字以内にしてください。');

  const notes = toText(input.notes ?? '');
  if (length(notes) > 20000) add('notes', '説明は20,000文字以内にしてください。');

  // owner_org
  let organization = current?.organization.name ?? '';
  if (creating || given(input, 'owner_org')) {
    const owner = text('owner_org');
    if (!owner) add('owner_org', ckanMessages.organizationRequired);
    else organization = owner.includes('.') ? owner : departmentCodeFromCkanName(owner);
  }

  // license_id
  let licenseId: LicenseId = current?.licenseId ?? 'cc-by-4.0';
  if (given(input, 'license_id') && text('license_id') !== '') {
    const found = licenseFromCkan(text('license_id'));
    if (found) licenseId = found;
    else {
      const allowed = Object.entries(licenses)
        .map(([id, l]) => `${id}（${l.title}）`)
        .join('、');
      add('license_id', `ライセンスは次のどれかを指定してください: ${allowed}`);
    }
  }

  // contact (CKAN's maintainer) and the e-mail checks CKAN runs
  const contactName = text('maintainer');
  const contactEmail = text('maintainer_email');
  for (const key of ['maintainer_email', 'author_email']) {
    const email = text(key);
    if (email && !emailPattern.test(email)) add(key, ckanMessages.email(email));
  }
  if (given(input, 'version') && length(toText(input.version)) > 100) {
    add('version', 'Version must be a maximum of 100 characters long');
  }

  const isPrivate = given(input, 'private') ? booleanValidator(input.private) : (current?.private ?? false);
  const stateText = text('state');
  const state: Dataset['state'] = ['draft', 'active', 'deleted'].includes(stateText)
    ? (stateText as Dataset['state'])
    : (current?.state ?? 'active');

  // tags and tag_string (CKAN adds the second to the first)
  const tags: string[] = [];
  const tagErrors: unknown[] = [];
  for (const tag of (input.tags as Dict[] | undefined) ?? []) {
    if (!absent(tag.vocabulary_id) && tag.vocabulary_id !== '') {
      tagErrors.push({ vocabulary_id: ['Tag vocabulary was not found.'] });
      continue;
    }
    const tagName = absent(tag.name) ? '' : toText(tag.name);
    const problem = tagName === '' ? ckanMessages.missingValue : checkTag(tagName);
    if (problem) tagErrors.push(problem);
    else tags.push(tagName);
  }
  if (tagErrors.length > 0) errors.tags = tagErrors;
  if (given(input, 'tag_string')) {
    const raw = input.tag_string;
    const list = Array.isArray(raw) ? raw.map(toText) : toText(raw).split(',');
    const fromString = list.map((t) => t.trim()).filter((t) => t !== '');
    const problem = fromString.map(checkTag).find((p) => p !== null);
    if (problem) add('tag_string', problem);
    else tags.push(...fromString);
  }

  // groups: by id, else by name (CKAN skips entries with neither)
  const groups: string[] = [];
  for (const g of (input.groups as Dict[] | undefined) ?? []) {
    const ref = toText(g.id || g.name);
    if (ref && !groups.includes(ref)) groups.push(ref);
  }

  // extras: our metadata, plus scheming-style top-level fields, which win when both are given
  const values = new Map<string, string>();
  const ignoredExtras: string[] = [];
  const extraErrors: Dict[] = [];
  const seen = new Set<string>();
  let duplicate: string | null = null;
  for (const extra of (input.extras as Dict[] | undefined) ?? []) {
    const itemErrors: Record<string, string[]> = {};
    if (extra.deleted) {
      extraErrors.push(itemErrors);
      continue;
    }
    const key = absent(extra.key) ? '' : toText(extra.key);
    if (key === '') itemErrors.key = [ckanMessages.missingValue];
    else if (schemaKeys.has(key)) itemErrors.key = [ckanMessages.extraIsSchemaField];
    if (!('value' in extra)) itemErrors.value = [ckanMessages.missingValue];
    extraErrors.push(itemErrors);
    if (key && seen.has(key)) duplicate ??= key;
    seen.add(key);
    if (Object.keys(itemErrors).length > 0 || absent(extra.value)) continue;
    if ((Object.values(extraKeys) as string[]).includes(key)) values.set(key, toText(extra.value).trim());
    else if (key) ignoredExtras.push(key);
  }
  if (extraErrors.some((e) => Object.keys(e).length > 0)) errors.extras = extraErrors;
  if (duplicate !== null) errors.extras_validation = [ckanMessages.duplicateExtra(duplicate)];
  for (const key of Object.values(extraKeys)) {
    if (given(input, key)) values.set(key, toText(input[key]).trim());
  }

  let frequency: Frequency = current?.frequency ?? 'irregular';
  const frequencyText = values.get(extraKeys.frequency);
  if (frequencyText) {
    const found = frequencyFromCkan(frequencyText);
    if (found) frequency = found;
    else {
      const allowed = Object.entries(frequencies)
        .map(([code, label]) => `${code}（${label}）`)
        .join('、');
      add(extraKeys.frequency, `更新頻度は次のどれかを指定してください: ${allowed}`);
    }
  }
  const day = (key: string): string | null => {
    const value = values.get(key);
    if (!value) return null;
    const parsed = isoDay(value);
    if (!parsed) add(key, ckanMessages.dateFormat);
    return parsed;
  };
  const temporalStart = day(extraKeys.temporalStart);
  const temporalEnd = day(extraKeys.temporalEnd);
  if (temporalStart && temporalEnd && temporalStart > temporalEnd) {
    add('extras_validation', '対象期間の終わり（temporal_end）は始まり（temporal_start）より後の日付にしてください。');
  }

  // resources
  const resources: ResourceChange[] = [];
  const resourceErrors: Dict[] = [];
  const currentResources = new Map((current?.resources ?? []).map((r) => [r.id, r]));
  for (const res of (input.resources as Dict[] | undefined) ?? []) {
    const itemErrors: Record<string, string[]> = {};
    const existing = !creating && typeof res.id === 'string' ? currentResources.get(res.id) : undefined;
    const description = absent(res.description) ? '' : toText(res.description);
    let url = '';
    if (!existing || existing.urlType === 'link') {
      const address = linkAddress(absent(res.url) ? '' : toText(res.url));
      if ('error' in address) itemErrors.url = [address.error];
      else url = address.url;
    }
    const nameText = absent(res.name) ? '' : toText(res.name).trim();
    const resName = nameText || existing?.name || resourceName(url);
    if (length(resName) > 200) itemErrors.name = ['リソースの名前は200文字以内にしてください。'];
    const format = absent(res.format) ? (existing?.format ?? formatName('', url)) : formatName(toText(res.format), url);
    resourceErrors.push(itemErrors);
    resources.push({
      id: existing?.id ?? null,
      name: resName,
      description,
      format,
      urlType: existing?.urlType ?? 'link',
      url: existing?.urlType === 'upload' ? '' : url,
    });
  }
  if (resourceErrors.some((e) => Object.keys(e).length > 0)) errors.resources = resourceErrors;

  if (Object.keys(errors).length > 0) return fail('validation', errors);
  return ok({
    name,
    title,
    notes,
    organization,
    licenseId,
    frequency,
    spatial: values.get(extraKeys.spatial) ?? '',
    temporalStart,
    temporalEnd,
    contactName,
    contactEmail,
    standard: values.get(extraKeys.standard) || null,
    private: isPrivate,
    state,
    tags: [...new Set(tags)],
    groups,
    resources,
    ignoredExtras,
  });
}

export interface ResourceCreateInput {
  packageId: string;
  name: string;
  description: string;
  format: string;
  /** For a link; '' when the request carries a file (the `upload` field). */
  url: string;
}

/**
 * resource_create's fields (JSON, or the fields beside a multipart `upload` file). `file` is the upload
 * when the request carried one (its name names the resource when no `name` is given); without one the
 * resource is a link.
 */
export function fromResourceDict(
  input: Record<string, unknown>,
  file: { fileName: string } | null,
): CkanResult<ResourceCreateInput> {
  if (absent(input.package_id) || input.package_id === '') {
    return fail('validation', { package_id: [ckanMessages.missingValue] });
  }
  const errors: Record<string, string[]> = {};
  let url = '';
  if (!file) {
    const address = linkAddress(absent(input.url) ? '' : toText(input.url));
    if ('error' in address) errors.url = [address.error];
    else url = address.url;
  }
  const nameText = absent(input.name) ? '' : toText(input.name).trim();
  const name = nameText || (file ? file.fileName.slice(0, 200) || '名称未設定のリソース' : resourceName(url));
  if (length(name) > 200) errors.name = ['リソースの名前は200文字以内にしてください。'];
  if (Object.keys(errors).length > 0) return fail('validation', errors);
  return ok({
    packageId: toText(input.package_id),
    name,
    description: absent(input.description) ? '' : toText(input.description),
    format: formatName(absent(input.format) ? '' : toText(input.format), url),
    url,
  });
}
