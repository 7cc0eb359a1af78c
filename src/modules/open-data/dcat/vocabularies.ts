// The controlled vocabularies DCAT-AP asks for, mapped from the catalogue's own values: EU frequency and file
// type authority tables, IANA media types, and places the city can name (its wards) as bounding boxes.
import { type Bounds, boundsOf, wardOutlines } from '../geo/wards.ts';
import type { Frequency, Resource } from '../model.ts';

const euAuthority = 'http://publications.europa.eu/resource/authority';

export const japaneseLanguageUri = `${euAuthority}/language/JPN`;

const frequencyCodes: Record<Frequency, string> = {
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  annual: 'ANNUAL',
  irregular: 'IRREG',
};

export function frequencyUri(frequency: Frequency): string {
  return `${euAuthority}/frequency/${frequencyCodes[frequency] ?? 'UNKNOWN'}`;
}

// Format name as staff type it (upper-cased) → EU file type code and IANA media type.
const formats: Record<string, { fileType: string; mediaType: string }> = {
  CSV: { fileType: 'CSV', mediaType: 'text/csv' },
  JSON: { fileType: 'JSON', mediaType: 'application/json' },
  GEOJSON: { fileType: 'GEOJSON', mediaType: 'application/geo+json' },
  XLSX: { fileType: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  XLS: { fileType: 'XLS', mediaType: 'application/vnd.ms-excel' },
  PDF: { fileType: 'PDF', mediaType: 'application/pdf' },
  XML: { fileType: 'XML', mediaType: 'application/xml' },
  HTML: { fileType: 'HTML', mediaType: 'text/html' },
  ZIP: { fileType: 'ZIP', mediaType: 'application/zip' },
  TXT: { fileType: 'TXT', mediaType: 'text/plain' },
};

/** The EU file type URI for a known format, else null (the format is then given as plain text). */
export function fileTypeUri(format: string): string | null {
  const known = formats[format.trim().toUpperCase()];
  return known ? `${euAuthority}/file-type/${known.fileType}` : null;
}

/** The resource's media type without parameters: as stored, else from its format; null when neither says. */
export function mediaTypeOf(resource: Pick<Resource, 'mimetype' | 'format'>): string | null {
  const stored = resource.mimetype?.split(';')[0]?.trim().toLowerCase();
  if (stored && /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(stored)) return stored;
  return formats[resource.format.trim().toUpperCase()]?.mediaType ?? null;
}

export function ianaMediaTypeUri(mediaType: string): string {
  return `https://www.iana.org/assignments/media-types/${mediaType}`;
}

/** Only web addresses become links in the metadata: anything else (javascript:, file:) is left out. */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * A bounding box for a dataset's spatial coverage when it names the city's wards (from the simplified
 * outlines, so approximate) or the whole city; null for anything else.
 */
export function placeBounds(spatial: string): Bounds | null {
  const named = wardOutlines.filter((ward) => spatial.includes(ward.nameJa));
  const wards = named.length > 0 ? named : spatial.includes('川崎市') ? wardOutlines : [];
  if (wards.length === 0) return null;
  return boundsOf(wards.flatMap((ward) => ward.polygon));
}

/** GeoSPARQL WKT (longitude latitude order, the default CRS84) of a bounding box. */
export function wktPolygon(b: Bounds): string {
  const corners = [
    [b.minLon, b.minLat],
    [b.maxLon, b.minLat],
    [b.maxLon, b.maxLat],
    [b.minLon, b.maxLat],
    [b.minLon, b.minLat],
  ];
  return `POLYGON((${corners.map(([lon, lat]) => `${lon} ${lat}`).join(', ')}))`;
}
