// The dictionaries CKAN's read actions return (package_show, resource_show, organization_show / _list,
// group_show / _list, tag_list, package_search, status_show), built from the catalogue's own objects.
// Every key CKAN 2.10 / 2.11 returns is present with CKAN's JSON type; fields we have no data for keep
// CKAN's empty default. Which field means what, and why: docs/ckan-compatibility.md.

import { createHash } from 'node:crypto';
import {
  type Dataset,
  type GroupRef,
  type LicenseId,
  licenses,
  type OrganizationRef,
  type Resource,
} from '../model.ts';
import { absolute, downloadPath } from '../urls.ts';

export interface CkanTag {
  id: string;
  name: string;
  display_name: string;
  vocabulary_id: null;
  state?: 'active';
}

export interface CkanPackageGroup {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_display_url: string;
}

export interface CkanPackageOrganization {
  id: string;
  name: string;
  title: string;
  type: 'organization';
  description: string;
  image_url: string;
  created: string | null;
  is_organization: true;
  approval_status: 'approved';
  state: 'active';
}

export interface CkanResource {
  id: string;
  package_id: string;
  name: string;
  description: string;
  format: string;
  url: string;
  url_type: 'upload' | null;
  mimetype: string | null;
  mimetype_inner: null;
  size: number | null;
  hash: string | null;
  created: string;
  last_modified: string | null;
  metadata_modified: string;
  position: number;
  state: 'active';
  resource_type: null;
  cache_url: null;
  cache_last_updated: null;
  datastore_active: boolean;
}

export interface CkanExtra {
  key: string;
  value: string;
}

export interface CkanPackage {
  id: string;
  name: string;
  title: string;
  type: 'dataset';
  state: 'draft' | 'active' | 'deleted';
  private: boolean;
  notes: string;
  url: null;
  version: null;
  author: string;
  author_email: null;
  maintainer: string | null;
  maintainer_email: string | null;
  license_id: LicenseId;
  license_title: string;
  license_url: string;
  isopen: boolean;
  owner_org: string;
  organization: CkanPackageOrganization;
  creator_user_id: string;
  metadata_created: string;
  metadata_modified: string;
  num_resources: number;
  num_tags: number;
  resources: CkanResource[];
  tags: CkanTag[];
  groups: CkanPackageGroup[];
  extras: CkanExtra[];
  relationships_as_object: [];
  relationships_as_subject: [];
}

export interface DictContext {
  /** The site's origin as clients see it, e.g. `https://city.example.jp` (no trailing slash needed). */
  baseUrl: string;
  /** What the department registry knows beyond the title; `created` stays null when nothing is known. */
  organizationInfo?: (code: string) => { created?: string | null; description?: string } | undefined;
}

/**
 * CKAN's timestamp: Python's `datetime.isoformat()` of a naive UTC datetime, `YYYY-MM-DDTHH:MM:SS.ffffff`
 * with no zone, and no fraction at all when the microseconds are zero.
 */
export function ckanTimestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp: ${value}`);
  const seconds = date.toISOString().slice(0, 19);
  // Keep microseconds the source had (PostgreSQL gives six digits); a JS Date only holds milliseconds.
  const written = /[T ]\d{2}:\d{2}:\d{2}\.(\d+)/.exec(value)?.[1];
  const fraction = (written ?? String(date.getUTCMilliseconds()).padStart(3, '0')).padEnd(6, '0').slice(0, 6);
  return /^0+$/.test(fraction) ? seconds : `${seconds}.${fraction}`;
}

// Department codes ('somu-kikaku.digital') hold dots, which CKAN names may not ([a-z0-9_-]); codes never
// hold '_', so a dot becomes '_' and back without loss. CKAN harvesters re-create our organisations under
// these names, so they must pass CKAN's name check.
export const ckanOrganizationName = (code: string): string => code.replaceAll('.', '_');
export const departmentCodeFromCkanName = (name: string): string => name.replaceAll('_', '.');

// Ids for things that have none of their own (tags, the creator): a name-based UUID (version 5), stable
// across calls and opaque, so a staff account id never appears in the public API.
const idNamespace = Buffer.from('5b0e6c1ad3f54e4f9a3c2d7e8f901a2b', 'hex');
export function stableId(kind: string, value: string): string {
  const hash = createHash('sha1').update(idNamespace).update(`${kind}\u0000${value}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Both licences are open in the Open Definition's sense (CC BY 4.0 is OD-conformant; PDL1.0 is
// compatible with it), which is what CKAN's `isopen` reports.
const openLicenses: ReadonlySet<string> = new Set<LicenseId>(['cc-by-4.0', 'pdl-1.0']);
export const isOpenLicense = (licenseId: string): boolean => openLicenses.has(licenseId);

/** The extras keys we write and read (ckanext-dcat's names where it has one). */
export const extraKeys = {
  frequency: 'frequency',
  spatial: 'spatial_text',
  temporalStart: 'temporal_start',
  temporalEnd: 'temporal_end',
  standard: 'standard',
} as const;

export function toTagDict(name: string, options: { inPackage?: boolean } = {}): CkanTag {
  const tag: CkanTag = { id: stableId('tag', name), name, display_name: name, vocabulary_id: null };
  if (options.inPackage) tag.state = 'active';
  return tag;
}

/** A link as CKAN stores it: one without a scheme gets `http://` (model_dictize.resource_dictize). */
function linkUrl(url: string): string {
  if (url === '' || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `http://${url.replace(/^\/+/, '')}`;
}

export function resourceDownloadUrl(baseUrl: string, d: Pick<Dataset, 'name'>, r: Pick<Resource, 'id'>): string {
  return absolute(baseUrl, downloadPath(d.name, r.id));
}

export function toResourceDict(r: Resource, d: Pick<Dataset, 'id' | 'name'>, ctx: DictContext): CkanResource {
  const upload = r.urlType === 'upload';
  return {
    id: r.id,
    package_id: d.id,
    name: r.name,
    description: r.description,
    format: r.format,
    url: upload ? resourceDownloadUrl(ctx.baseUrl, d, r) : linkUrl(r.url),
    url_type: upload ? 'upload' : null,
    mimetype: r.mimetype,
    mimetype_inner: null,
    size: r.size,
    hash: r.sha256,
    created: ckanTimestamp(r.createdAt),
    // CKAN sets last_modified when a file is uploaded; a link's stays empty.
    last_modified: upload ? ckanTimestamp(r.modifiedAt) : null,
    metadata_modified: ckanTimestamp(r.modifiedAt),
    position: r.position,
    state: 'active',
    resource_type: null,
    cache_url: null,
    cache_last_updated: null,
    datastore_active: r.datastoreActive,
  };
}

function packageOrganization(o: OrganizationRef, ctx: DictContext): CkanPackageOrganization {
  const info = ctx.organizationInfo?.(o.name);
  const name = ckanOrganizationName(o.name);
  return {
    id: name,
    name,
    title: o.title,
    type: 'organization',
    description: info?.description ?? '',
    image_url: '',
    created: info?.created ? ckanTimestamp(info.created) : null,
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
  };
}

function packageGroup(g: GroupRef): CkanPackageGroup {
  return {
    id: g.id,
    name: g.name,
    title: g.title,
    display_name: g.title || g.name,
    description: g.description,
    image_display_url: '',
  };
}

/** Our metadata that CKAN's core schema has no field for, as CKAN extras (sorted by key, empty ones left out). */
export function datasetExtras(d: Dataset): CkanExtra[] {
  const extras: CkanExtra[] = [{ key: extraKeys.frequency, value: d.frequency }];
  if (d.spatial) extras.push({ key: extraKeys.spatial, value: d.spatial });
  if (d.temporalStart) extras.push({ key: extraKeys.temporalStart, value: d.temporalStart });
  if (d.temporalEnd) extras.push({ key: extraKeys.temporalEnd, value: d.temporalEnd });
  if (d.standard) extras.push({ key: extraKeys.standard, value: d.standard });
  return extras.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** package_show's result (and each item of package_search's `results`). */
export function toPackageDict(d: Dataset, ctx: DictContext): CkanPackage {
  const license = licenses[d.licenseId];
  const resources = [...d.resources].sort((a, b) => a.position - b.position).map((r) => toResourceDict(r, d, ctx));
  const tags = d.tags.map((t) => toTagDict(t, { inPackage: true })).sort(byName);
  const groups = [...d.groups].map(packageGroup).sort((a, b) => a.display_name.localeCompare(b.display_name, 'ja'));
  const organization = packageOrganization(d.organization, ctx);
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    type: 'dataset',
    state: d.state,
    private: d.private,
    notes: d.notes,
    url: null,
    version: null,
    // The publishing department is the author; the contact person is CKAN's maintainer.
    author: d.organization.title,
    author_email: null,
    maintainer: d.contactName || null,
    maintainer_email: d.contactEmail || null,
    license_id: d.licenseId,
    license_title: license.title,
    license_url: license.url,
    isopen: isOpenLicense(d.licenseId),
    owner_org: organization.id,
    organization,
    creator_user_id: stableId('user', d.createdBy),
    metadata_created: ckanTimestamp(d.createdAt),
    metadata_modified: ckanTimestamp(d.modifiedAt),
    num_resources: resources.length,
    num_tags: tags.length,
    resources,
    tags,
    groups,
    extras: datasetExtras(d),
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}

export interface OrganizationSource {
  /** Department code (the CKAN name is derived from it). */
  name: string;
  title: string;
  description?: string;
  created?: string | null;
}

export interface GroupDictOptions {
  /** Public datasets in it (plus private ones the caller may see); null leaves package_count out. */
  packageCount: number | null;
  /** An item of organization_list / group_list with all_fields: no extras, tags, groups or users. */
  allFields?: boolean;
  /** include_datasets=true: the package dicts to list under `packages`. */
  packages?: CkanPackage[];
}

export interface CkanGroup {
  id: string;
  name: string;
  title: string;
  display_name: string;
  type: 'organization' | 'group';
  description: string;
  image_url: string;
  image_display_url: string;
  created: string | null;
  is_organization: boolean;
  approval_status: 'approved';
  state: 'active';
  num_followers: number;
  package_count?: number;
  packages?: CkanPackage[];
  extras?: [];
  tags?: [];
  groups?: [];
  users?: [];
}

function groupDict(
  base: { id: string; name: string; title: string; description: string; created: string | null },
  type: 'organization' | 'group',
  options: GroupDictOptions,
): CkanGroup {
  const dict: CkanGroup = {
    id: base.id,
    name: base.name,
    title: base.title,
    display_name: base.title || base.name,
    type,
    description: base.description,
    image_url: '',
    image_display_url: '',
    created: base.created ? ckanTimestamp(base.created) : null,
    is_organization: type === 'organization',
    approval_status: 'approved',
    state: 'active',
    num_followers: 0,
  };
  if (options.packageCount !== null) dict.package_count = options.packageCount;
  if (options.packages) dict.packages = options.packages;
  if (!options.allFields) {
    // organization_show's include_extras / include_tags / include_groups default to true; members are not
    // published (CKAN would list users when ckan.auth.public_user_details is on).
    dict.extras = [];
    dict.tags = [];
    dict.groups = [];
    dict.users = [];
  }
  return dict;
}

/** organization_show's result, or an item of organization_list with all_fields=true. */
export function toOrganizationDict(o: OrganizationSource | OrganizationRef, options: GroupDictOptions): CkanGroup {
  const name = ckanOrganizationName(o.name);
  const source = o as OrganizationSource;
  return groupDict(
    { id: name, name, title: o.title, description: source.description ?? '', created: source.created ?? null },
    'organization',
    options,
  );
}

/** group_show's result, or an item of group_list with all_fields=true. */
export function toGroupDict(g: GroupRef & { created?: string | null }, options: GroupDictOptions): CkanGroup {
  return groupDict(
    { id: g.id, name: g.name, title: g.title, description: g.description, created: g.created ?? null },
    'group',
    options,
  );
}

export interface FacetCount {
  /** The value as it appears in `fq` (organization name, group name, tag, format, licence id). */
  name: string;
  count: number;
  /** Organisation and group titles; licence titles are filled in here. */
  displayName?: string;
}

export interface CkanSearchFacet {
  title: string;
  items: { name: string; display_name: string; count: number }[];
}

export interface CkanPackageSearchResult {
  count: number;
  facets: Record<string, Record<string, number>>;
  results: Record<string, unknown>[];
  sort: string;
  search_facets: Record<string, CkanSearchFacet>;
}

/**
 * package_search's result. `facets` holds, for each field asked for in facet.field, its values in the
 * order the search ranked them (most datasets first); `search_facets` lists the same values sorted by
 * display name, descending, as CKAN does after extensions have run. `fl` picks keys out of each result.
 */
export function toPackageSearchResult(
  input: {
    count: number;
    datasets: Dataset[];
    sort: string;
    facets?: Record<string, FacetCount[]>;
    fl?: string[] | null;
  },
  ctx: DictContext,
): CkanPackageSearchResult {
  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, CkanSearchFacet> = {};
  for (const [field, values] of Object.entries(input.facets ?? {})) {
    facets[field] = Object.fromEntries(values.map((v) => [v.name, v.count]));
    const items = values.map((v) => {
      let display = v.name;
      if (field === 'license_id') display = licenses[v.name as LicenseId]?.title ?? v.name;
      else if (field === 'organization' || field === 'groups') display = v.displayName?.trim() || v.name;
      return { name: v.name, display_name: display, count: v.count };
    });
    items.sort((a, b) => (a.display_name < b.display_name ? 1 : a.display_name > b.display_name ? -1 : 0));
    searchFacets[field] = { title: field, items };
  }
  const results = input.datasets.map((d): Record<string, unknown> => {
    const dict = toPackageDict(d, ctx) as unknown as Record<string, unknown>;
    if (!input.fl || input.fl.length === 0) return dict;
    return Object.fromEntries(input.fl.filter((k) => k in dict).map((k) => [k, dict[k]]));
  });
  return { count: input.count, facets, results, sort: input.sort, search_facets: searchFacets };
}

/** The CKAN version whose API behaviour we answer with (status_show's ckan_version). */
export const emulatedCkanVersion = '2.11.0';

export function toStatusDict(site: { title: string; description: string; url: string; localeDefault?: string }) {
  return {
    site_title: site.title,
    site_description: site.description,
    site_url: site.url.replace(/\/+$/, ''),
    // CKAN shows the address errors are mailed to; we publish none.
    error_emails_to: null,
    locale_default: site.localeDefault ?? 'ja',
    extensions: ['datastore'],
    ckan_version: emulatedCkanVersion,
  };
}
