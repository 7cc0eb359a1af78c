// The catalogue as linked data: W3C DCAT 3 JSON-LD with the choices DCAT-AP makes (EU frequency and file type
// tables, IANA media types, SPDX checksums), and schema.org Dataset for search engines' dataset search.
// Pure functions of the model (model.ts); the routes decide who may see which dataset.

import { type Dataset, licenses, type Resource } from '../model.ts';
import { absolute, datasetPath, downloadPath } from '../urls.ts';
import {
  fileTypeUri,
  frequencyUri,
  ianaMediaTypeUri,
  japaneseLanguageUri,
  mediaTypeOf,
  placeBounds,
  webUrl,
  wktPolygon,
} from './vocabularies.ts';

export interface DcatBase {
  /** The site's origin (and path prefix, if any), e.g. https://city.example.jp; a trailing / is ignored. */
  baseUrl: string;
  /** The city as the publisher of the catalogue, e.g. 川崎市. */
  publisherName: string;
}

export interface DcatCatalogBase extends DcatBase {
  catalogTitle: string;
  homepage: string;
  catalogDescription?: string;
}

type JsonLd = Record<string, unknown>;

export const dcatContext = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  spdx: 'http://spdx.org/rdf/terms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  org: 'http://www.w3.org/ns/org#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
} as const;

/** Where a dataset's page is; also its identifier in the linked data. */
export function datasetUrl(base: Pick<DcatBase, 'baseUrl'>, dataset: Pick<Dataset, 'name'>): string {
  return absolute(base.baseUrl, datasetPath(dataset.name));
}

/** Where an uploaded resource is downloaded from. */
export function resourceDownloadUrl(
  base: Pick<DcatBase, 'baseUrl'>,
  dataset: Pick<Dataset, 'name'>,
  resource: Pick<Resource, 'id'>,
): string {
  return absolute(base.baseUrl, downloadPath(dataset.name, resource.id));
}

/** The address a resource is got from: the download route for uploads, the stored web address for links. */
export function resourceAccessUrl(
  base: Pick<DcatBase, 'baseUrl'>,
  dataset: Pick<Dataset, 'name'>,
  resource: Pick<Resource, 'id' | 'urlType' | 'url'>,
): string | null {
  return resource.urlType === 'upload' ? resourceDownloadUrl(base, dataset, resource) : webUrl(resource.url);
}

/** One dataset as a DCAT JSON-LD document. */
export function toDcatDataset(dataset: Dataset, base: DcatBase): JsonLd {
  return { '@context': dcatContext, ...datasetNode(dataset, base) };
}

/**
 * The catalogue as a DCAT JSON-LD document. Only published datasets are listed: private, draft and deleted
 * ones are left out whatever the caller passes.
 */
export function toDcatCatalog(datasets: readonly Dataset[], base: DcatCatalogBase): JsonLd {
  const published = datasets.filter(isPublic);
  const modified = published.map((d) => dateTime(d.modifiedAt)).filter((d) => d !== null);
  return compact({
    '@context': dcatContext,
    '@id': `${trimSlash(base.baseUrl)}/open-data`,
    '@type': 'dcat:Catalog',
    'dct:title': ja(base.catalogTitle),
    'dct:description': base.catalogDescription ? ja(base.catalogDescription) : undefined,
    'foaf:homepage': iri(webUrl(base.homepage)),
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': ja(base.publisherName) },
    'dct:language': iri(japaneseLanguageUri),
    'dct:modified': modified.length > 0 ? typedDateTime(modified.sort().at(-1)!) : undefined,
    'dcat:dataset': published.map((dataset) => datasetNode(dataset, base)),
  });
}

function datasetNode(dataset: Dataset, base: DcatBase): JsonLd {
  const url = datasetUrl(base, dataset);
  const license = licenses[dataset.licenseId]?.url;
  const bounds = dataset.spatial ? placeBounds(dataset.spatial) : null;
  return compact({
    '@id': url,
    '@type': 'dcat:Dataset',
    'dct:identifier': dataset.id,
    'dct:title': ja(dataset.title),
    'dct:description': dataset.notes ? ja(dataset.notes) : undefined,
    'dcat:landingPage': iri(url),
    'dct:publisher': compact({
      '@id': `${trimSlash(base.baseUrl)}/open-data/organizations/${encodeURIComponent(dataset.organization.name)}`,
      '@type': 'foaf:Organization',
      'foaf:name': [
        ja(dataset.organization.title),
        dataset.organization.titleEn ? { '@value': dataset.organization.titleEn, '@language': 'en' } : undefined,
      ].filter(Boolean),
      'org:unitOf': { '@type': 'foaf:Organization', 'foaf:name': ja(base.publisherName) },
    }),
    'dcat:keyword': dataset.tags.map(ja),
    'dcat:theme': dataset.groups.map((group) =>
      compact({
        '@id': `${trimSlash(base.baseUrl)}/open-data/groups/${encodeURIComponent(group.name)}`,
        '@type': 'skos:Concept',
        'skos:prefLabel': ja(group.title),
        'skos:definition': group.description ? ja(group.description) : undefined,
      }),
    ),
    'dct:license': iri(license),
    'dct:accrualPeriodicity': iri(frequencyUri(dataset.frequency)),
    'dct:spatial': dataset.spatial
      ? compact({
          '@type': 'dct:Location',
          'skos:prefLabel': ja(dataset.spatial),
          'dcat:bbox': bounds ? { '@value': wktPolygon(bounds), '@type': 'gsp:wktLiteral' } : undefined,
        })
      : undefined,
    'dct:temporal':
      dataset.temporalStart || dataset.temporalEnd
        ? compact({
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': dateOrDateTime(dataset.temporalStart),
            'dcat:endDate': dateOrDateTime(dataset.temporalEnd),
          })
        : undefined,
    'dcat:contactPoint':
      dataset.contactName || dataset.contactEmail
        ? compact({
            '@type': 'vcard:Kind',
            'vcard:fn': dataset.contactName || dataset.organization.title,
            'vcard:hasEmail': dataset.contactEmail ? iri(`mailto:${dataset.contactEmail.trim()}`) : undefined,
          })
        : undefined,
    'dct:conformsTo': dataset.standard ? { '@type': 'dct:Standard', 'dct:title': ja(dataset.standard) } : undefined,
    'dct:language': iri(japaneseLanguageUri),
    'dcat:version': String(dataset.revision),
    'dct:issued': typedDateTime(dateTime(dataset.createdAt)),
    'dct:modified': typedDateTime(dateTime(dataset.modifiedAt)),
    'dcat:distribution': sortedResources(dataset).map((resource) => distributionNode(dataset, resource, base, license)),
  });
}

function distributionNode(dataset: Dataset, resource: Resource, base: DcatBase, license: string | undefined) {
  const mediaType = mediaTypeOf(resource);
  const fileType = fileTypeUri(resource.format);
  const access = resourceAccessUrl(base, dataset, resource);
  return compact({
    '@id': `${datasetUrl(base, dataset)}/resources/${encodeURIComponent(resource.id)}`,
    '@type': 'dcat:Distribution',
    'dct:identifier': resource.id,
    'dct:title': ja(resource.name || resource.fileName || resource.format),
    'dct:description': resource.description ? ja(resource.description) : undefined,
    'dcat:accessURL': iri(access),
    'dcat:downloadURL': resource.urlType === 'upload' ? iri(access) : undefined,
    'dcat:mediaType': mediaType ? iri(ianaMediaTypeUri(mediaType)) : undefined,
    'dct:format': fileType ? iri(fileType) : resource.format || undefined,
    'dcat:byteSize':
      resource.size !== null && Number.isSafeInteger(resource.size) && resource.size >= 0
        ? { '@value': String(resource.size), '@type': 'xsd:nonNegativeInteger' }
        : undefined,
    'spdx:checksum':
      resource.sha256 && /^[0-9a-f]{64}$/i.test(resource.sha256)
        ? {
            '@type': 'spdx:Checksum',
            'spdx:algorithm': iri('spdx:checksumAlgorithm_sha256'),
            'spdx:checksumValue': { '@value': resource.sha256.toLowerCase(), '@type': 'xsd:hexBinary' },
          }
        : undefined,
    'dct:license': iri(license),
    'dct:issued': typedDateTime(dateTime(resource.createdAt)),
    'dct:modified': typedDateTime(dateTime(resource.modifiedAt)),
  });
}

/**
 * schema.org Dataset JSON-LD with the fields dataset search engines read (name, description, url, keywords,
 * license, creator, distribution, temporalCoverage, spatialCoverage, dateModified). Embed with jsonLdScript.
 */
export function toSchemaOrgDataset(dataset: Dataset, base: DcatBase): JsonLd {
  const url = datasetUrl(base, dataset);
  const city = { '@type': 'GovernmentOrganization', name: base.publisherName };
  const bounds = dataset.spatial ? placeBounds(dataset.spatial) : null;
  const start = dateOrDateTime(dataset.temporalStart)?.['@value'];
  const end = dateOrDateTime(dataset.temporalEnd)?.['@value'];
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': url,
    name: dataset.title,
    // Search engines want a description; the title stands in for a dataset published without one.
    description: dataset.notes || dataset.title,
    url,
    identifier: dataset.id,
    keywords: dataset.tags,
    license: licenses[dataset.licenseId]?.url,
    isAccessibleForFree: true,
    inLanguage: 'ja',
    version: String(dataset.revision),
    creator: compact({
      '@type': 'GovernmentOrganization',
      name: dataset.organization.title,
      alternateName: dataset.organization.titleEn || undefined,
      parentOrganization: city,
      contactPoint: dataset.contactEmail
        ? compact({
            '@type': 'ContactPoint',
            name: dataset.contactName || undefined,
            email: dataset.contactEmail.trim(),
            contactType: 'データに関するお問い合わせ',
          })
        : undefined,
    }),
    publisher: city,
    distribution: sortedResources(dataset).flatMap((resource) => {
      const contentUrl = resourceAccessUrl(base, dataset, resource);
      if (!contentUrl) return [];
      return [
        compact({
          '@type': 'DataDownload',
          name: resource.name || resource.fileName || resource.format,
          encodingFormat: mediaTypeOf(resource) ?? (resource.format || undefined),
          contentUrl,
          dateModified: dateTime(resource.modifiedAt) ?? undefined,
        }),
      ];
    }),
    temporalCoverage: start || end ? `${start ?? '..'}/${end ?? '..'}` : undefined,
    spatialCoverage: dataset.spatial
      ? compact({
          '@type': 'Place',
          name: dataset.spatial,
          geo: bounds
            ? { '@type': 'GeoShape', box: `${bounds.minLat} ${bounds.minLon} ${bounds.maxLat} ${bounds.maxLon}` }
            : undefined,
        })
      : undefined,
    datePublished: dateTime(dataset.createdAt) ?? undefined,
    dateModified: dateTime(dataset.modifiedAt) ?? undefined,
  });
}

/**
 * A <script type="application/ld+json"> element for a page. Every <, > and & in the JSON is written as a
 * \u escape (still the same JSON), so text such as "</script>" or "<!--" inside the data cannot end the
 * element. The result is markup: wrap it with raw() when interpolating into html``.
 */
export function jsonLdScript(obj: unknown): string {
  const json = JSON.stringify(obj)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}

function isPublic(dataset: Dataset): boolean {
  return dataset.state === 'active' && !dataset.private;
}

function sortedResources(dataset: Dataset): Resource[] {
  return [...dataset.resources].sort((a, b) => a.position - b.position);
}

function ja(value: string) {
  return { '@value': value, '@language': 'ja' };
}

function iri(value: string | null | undefined) {
  return value ? { '@id': value } : undefined;
}

/** An ISO 8601 timestamp in UTC, or null when the stored value is not a date. */
function dateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function typedDateTime(value: string | null) {
  return value ? { '@value': value, '@type': 'xsd:dateTime' } : undefined;
}

/** A calendar day stays an xsd:date (a period of coverage is usually whole days); anything else a dateTime. */
function dateOrDateTime(value: string | null | undefined) {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { '@value': value, '@type': 'xsd:date' };
  const time = dateTime(value);
  return time ? { '@value': time, '@type': 'xsd:dateTime' } : undefined;
}

/** Drops undefined members and empty lists, so absent facts are absent rather than null. */
function compact(node: Record<string, unknown>): JsonLd {
  const out: JsonLd = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
