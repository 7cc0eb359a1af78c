// A tabular resource served as JSON or GeoJSON, written as a stream of text chunks so a resource of any size
// goes out in constant memory: rows are read one at a time and at most one chunk is held.
// Properties are written key by key (never assigned to a new object), so a column named "__proto__" stays data.

export type Row = Record<string, string>;
export type Rows = AsyncIterable<Row> | Iterable<Row>;

export interface GeoJsonSummary {
  /** Rows written as features. */
  features: number;
  /** Rows left out because their latitude or longitude is missing, not a number or out of range. */
  skipped: number;
}

/** About how much text is gathered before a chunk is handed on: small enough for memory, large enough to be cheap. */
const chunkSize = 64 * 1024;

/**
 * A GeoJSON FeatureCollection (RFC 7946) of Point features [lon, lat], every other column a property.
 * Returns (as the generator's result) how many rows were written and skipped.
 */
export async function* rowsToGeoJson(
  rows: Rows,
  columns: { latColumn: string; lonColumn: string },
): AsyncGenerator<string, GeoJsonSummary, undefined> {
  const summary: GeoJsonSummary = { features: 0, skipped: 0 };
  let buffer = '{"type":"FeatureCollection","features":[';
  for await (const row of rows) {
    const lat = coordinate(row[columns.latColumn], 90);
    const lon = coordinate(row[columns.lonColumn], 180);
    if (lat === null || lon === null) {
      summary.skipped++;
      continue;
    }
    buffer += summary.features === 0 ? '' : ',';
    buffer += `{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},${lat}]},"properties":`;
    buffer += propertiesJson(row, columns);
    buffer += '}';
    summary.features++;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]}`;
  return summary;
}

/** A JSON array of the rows as objects, column name → cell text. Returns how many rows were written. */
export async function* rowsToJson(rows: Rows): AsyncGenerator<string, number, undefined> {
  let written = 0;
  let buffer = '[';
  for await (const row of rows) {
    buffer += written === 0 ? '' : ',';
    buffer += JSON.stringify(row); // own keys only, so "__proto__" is written as the column it is
    written++;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}]`;
  return written;
}

/**
 * A latitude or longitude from a cell: full-width digits and signs (３５．５３) are accepted, as Japanese
 * spreadsheets often have them; empty, non-numeric and out-of-range values are not.
 */
export function coordinate(cell: string | undefined, limit: 90 | 180): number | null {
  if (cell === undefined || cell === null) return null;
  const normalised = String(cell)
    .normalize('NFKC')
    .replace(/[\u2010\u2012-\u2015\u2212]/g, '-')
    .trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/** The row without its coordinate columns, as a JSON object. */
function propertiesJson(row: Row, columns: { latColumn: string; lonColumn: string }): string {
  let out = '{';
  let first = true;
  for (const key of Object.keys(row)) {
    if (key === columns.latColumn || key === columns.lonColumn) continue;
    const value = row[key];
    out += `${first ? '' : ','}${JSON.stringify(key)}:${value === undefined || value === null ? 'null' : JSON.stringify(String(value))}`;
    first = false;
  }
  return `${out}}`;
}
