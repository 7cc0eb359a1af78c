// JSON and GeoJSON uploads, read whole (they are limited in size): UTF-8 as the JSON standard requires,
// valid JSON (with the line and character of the first mistake), nesting within bounds, and for GeoJSON a
// FeatureCollection of Features whose geometries have the right shape and coordinates in range, with a
// hint when coordinates look like [latitude, longitude] (GeoJSON's order is [longitude, latitude]).
// The result is the same IngestReport a CSV gets.
import { isUtf8 } from 'node:buffer';
import { decodeShiftJis } from './encoding.ts';
import { TypeInference } from './infer.ts';
import { fatalReasons, formatBytes, messages } from './messages.ts';
import {
  type IngestReport,
  IssueCollector,
  type Limits,
  limitsWith,
  type SourceEncoding,
  summarise,
} from './report.ts';
import { inJapan, isLatitude, isLongitude, looksLikeJapaneseLatitude, looksLikeJapaneseLongitude } from './values.ts';

interface Parsed {
  data: unknown;
  encoding: SourceEncoding;
}

class Fatal extends Error {
  readonly code: string;
  readonly row: number | null;
  constructor(code: string, message: string, row: number | null = null) {
    super(message);
    this.code = code;
    this.row = row;
  }
}

/** Columns shown for a JSON array: the keys of its first objects. */
const objectsForColumns = 1000;

export function checkJson(bytes: Uint8Array, limits?: Partial<Limits>): IngestReport {
  return check(bytes, limits, 'JSON', (data, _issues, l) => {
    if (!Array.isArray(data)) return { rows: 1, columns: [], lat: null, lon: null };
    return { rows: data.length, ...tableOf(data.filter(isObject), l.maxColumns) };
  });
}

export function checkGeoJson(bytes: Uint8Array, limits?: Partial<Limits>): IngestReport {
  return check(bytes, limits, 'GeoJSON', (data, issues, l) => {
    if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
      const type = isObject(data) && typeof data.type === 'string' ? data.type : null;
      throw new Fatal('geojson_type', geoJsonTypeMessage(type));
    }
    const features = data.features as unknown[];
    let swapped = 0;
    const properties: Record<string, unknown>[] = [];
    features.forEach((feature, index) => {
      const no = index + 1;
      if (!isObject(feature) || feature.type !== 'Feature') {
        issues.error(
          'geojson_feature',
          no,
          null,
          `${no}番目の地物が「"type": "Feature"」の形になっていません。features の中には Feature だけを並べてください。`,
        );
        return;
      }
      if (isObject(feature.properties)) properties.push(feature.properties);
      else if (feature.properties !== null && feature.properties !== undefined) {
        issues.error(
          'geojson_feature',
          no,
          null,
          `${no}番目の地物の properties がオブジェクト（{ }）になっていません。`,
        );
      }
      if (feature.geometry === null) return;
      const result = checkGeometry(feature.geometry, 0);
      if (typeof result === 'string') {
        issues.error('geojson_geometry', no, null, `${no}番目の地物の図形（geometry）が正しくありません。${result}`);
        return;
      }
      if (result.outOfRange) {
        const [lon, lat] = result.outOfRange;
        const looksSwapped = looksLikeJapaneseLatitude(lon) && looksLikeJapaneseLongitude(lat);
        if (looksSwapped) swapped++;
        issues.error(
          'coordinate_out_of_range',
          no,
          null,
          `${no}番目の地物の座標 [${lon}, ${lat}] が経度（-180〜180）・緯度（-90〜90）の範囲を超えています。${looksSwapped ? 'GeoJSONでは [経度, 緯度] の順に書きます。順番が逆になっていないか確認してください。' : ''}`,
        );
      } else if (result.outsideJapan) {
        const [lon, lat] = result.outsideJapan;
        issues.warning(
          'outside_japan',
          no,
          null,
          `${no}番目の地物の位置（経度 ${lon}、緯度 ${lat}）は日本の外になります。値や [経度, 緯度] の順番が正しいか確認してください。`,
        );
      }
    });
    if (swapped > 0) {
      issues.warning(
        'swapped_coordinates',
        null,
        null,
        `${swapped.toLocaleString('ja-JP')}件の地物で、座標が [緯度, 経度] の順になっているようです。GeoJSONでは [経度, 緯度]（例: [139.7025, 35.5308]）の順に書きます。`,
      );
    }
    const table = tableOf(properties, l.maxColumns);
    return { rows: features.length, columns: table.columns, lat: null, lon: null };
  });
}

type Shape = (
  data: unknown,
  issues: IssueCollector,
  limits: Limits,
) => {
  rows: number;
  columns: { name: string; type: string }[];
  lat: string | null;
  lon: string | null;
};

function check(bytes: Uint8Array, partial: Partial<Limits> | undefined, kind: string, shape: Shape): IngestReport {
  const limits = limitsWith(partial);
  const issues = new IssueCollector(limits.maxIssues);
  let encoding: SourceEncoding = 'utf-8';
  let result: ReturnType<Shape> = { rows: 0, columns: [], lat: null, lon: null };
  let fatal: Fatal | null = null;
  try {
    const parsed = parse(bytes, issues, limits);
    encoding = parsed.encoding;
    result = shape(parsed.data, issues, limits);
  } catch (error) {
    if (!(error instanceof Fatal)) throw error;
    fatal = error;
    issues.error(error.code, error.row, null, error.message);
  }
  const list = issues.list();
  return {
    ok: issues.errorCount === 0,
    encoding,
    bytes: bytes.length,
    rows: result.rows,
    columns: result.columns,
    latColumn: result.lat,
    lonColumn: result.lon,
    standard: null,
    issues: list,
    issueCounts: { ...issues.counts },
    truncated: issues.total > list.length,
    summary: summarise({
      kind,
      encoding,
      rows: result.rows,
      columns: result.columns.length,
      errors: issues.errorCount,
      warnings: issues.warningCount,
      fatal: fatal ? (fatalReasons[fatal.code] ?? fatal.message) : null,
    }),
  };
}

function parse(bytes: Uint8Array, issues: IssueCollector, limits: Limits): Parsed {
  if (bytes.length === 0) throw new Fatal('empty_file', messages.emptyFile());
  if (bytes.length > limits.maxJsonBytes) {
    throw new Fatal(
      'file_too_large',
      `ファイルが大きすぎます（${formatBytes(limits.maxJsonBytes)}まで）。データを分けるか、CSV形式で登録してください。`,
    );
  }
  let body = bytes;
  let encoding: SourceEncoding = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    body = bytes.subarray(3);
    issues.warning(
      'bom',
      null,
      null,
      'ファイルの先頭にBOMが付いています。JSONはBOMを付けずに保存する決まりです。多くのプログラムは読めますが、付けずに保存し直すことをおすすめします。',
    );
  }
  if (body.indexOf(0) !== -1)
    throw new Fatal(
      'binary_file',
      'このファイルには文字以外のデータが含まれていて、JSONとして読めません。UTF-8のテキストとして保存し直してください。',
    );
  if (!isUtf8(body)) {
    const sjis = decodeShiftJis(body).marks.every((m) => m.kind !== 'invalid_bytes');
    throw new Fatal(
      'invalid_bytes',
      sjis
        ? 'このファイルはShift_JISで保存されているようです。JSONはUTF-8で保存する決まりです。文字コードをUTF-8にして保存し直してください。'
        : 'このファイルには、UTF-8の文字として読めないデータがあります。JSONはUTF-8で保存する決まりです。文字コードをUTF-8にして保存し直してください。',
    );
  }
  const depth = nesting(body);
  if (depth > limits.maxJsonDepth) {
    throw new Fatal(
      'json_too_deep',
      `配列やオブジェクトの入れ子が深すぎます（${limits.maxJsonDepth}段まで）。データの形を見直してください。`,
    );
  }
  const text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
  try {
    return { data: JSON.parse(text), encoding };
  } catch (error) {
    const { line, column } = errorPlace(text, error instanceof Error ? error.message : '');
    throw new Fatal(
      'invalid_json',
      line === null
        ? 'JSONの書き方に誤りがあります。「,」や「"」、かっこの閉じ忘れがないか確認してください。'
        : `JSONの書き方に誤りがあります（${line}行目、${column}文字目あたり）。「,」や「"」、かっこの閉じ忘れがないか確認してください。`,
      line,
    );
  }
}

/** The deepest nesting of arrays and objects, counted over the bytes (strings skipped). */
function nesting(b: Uint8Array): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

function errorPlace(text: string, message: string): { line: number | null; column: number | null } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  let at: number;
  if (position) at = Number(position[1]);
  else if (/end of JSON input/i.test(message)) at = text.length;
  else return { line: null, column: null };
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tableOf(
  objects: Record<string, unknown>[],
  maxColumns: number,
): { columns: { name: string; type: string }[]; lat: string | null; lon: string | null } {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const object of objects.slice(0, objectsForColumns)) {
    for (const key of Object.keys(object)) {
      if (seen.has(key) || names.length >= maxColumns) continue;
      seen.add(key);
      names.push(key);
    }
  }
  const inference = new TypeInference(names);
  const nested = new Set<number>();
  for (const object of objects) {
    names.forEach((name, i) => {
      const value = object[name];
      if (value === null || value === undefined || value === '') return;
      if (typeof value === 'object') nested.add(i);
      else inference.observe(i, String(value));
    });
  }
  const columns = names.map((name, i) => ({ name, type: nested.has(i) ? 'text' : inference.type(i) }));
  const lat = columns.find((c) => c.type === 'latitude')?.name ?? null;
  const lon = columns.find((c) => c.type === 'longitude')?.name ?? null;
  return lat && lon ? { columns, lat, lon } : { columns, lat: null, lon: null };
}

function geoJsonTypeMessage(type: string | null): string {
  if (type === 'Feature') {
    return '地物（Feature）が1つだけ書かれています。{"type": "FeatureCollection", "features": [ … ]} の形で、features の中に並べてください。';
  }
  if (type && geometryTypes.has(type)) {
    return `図形（${type}）だけが書かれています。{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": …, "properties": { … }}]} の形にしてください。`;
  }
  return 'GeoJSONの形になっていません。{"type": "FeatureCollection", "features": [ … ]} の形で保存してください。';
}

const geometryTypes = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

interface GeometryResult {
  /** The first position out of range, as written. */
  outOfRange: [number, number] | null;
  /** The first position in range but outside Japan. */
  outsideJapan: [number, number] | null;
}

/** Checks a geometry's shape and positions; a string says what is wrong with its shape. */
function checkGeometry(geometry: unknown, depth: number): GeometryResult | string {
  if (!isObject(geometry)) return 'geometry がオブジェクト（{ }）になっていません。';
  const type = geometry.type;
  if (typeof type !== 'string' || !geometryTypes.has(type)) {
    return `図形の種類「${String(type)}」はGeoJSONにありません（Point、LineString、Polygon などを使います）。`;
  }
  const result: GeometryResult = { outOfRange: null, outsideJapan: null };
  if (type === 'GeometryCollection') {
    if (depth > 4 || !Array.isArray(geometry.geometries))
      return 'GeometryCollection の geometries が正しくありません。';
    for (const inner of geometry.geometries) {
      const r = checkGeometry(inner, depth + 1);
      if (typeof r === 'string') return r;
      result.outOfRange ??= r.outOfRange;
      result.outsideJapan ??= r.outsideJapan;
    }
    return result;
  }
  const levels: Record<string, number> = {
    Point: 0,
    MultiPoint: 1,
    LineString: 1,
    MultiLineString: 2,
    Polygon: 2,
    MultiPolygon: 3,
  };
  const problem = walk(geometry.coordinates, levels[type]!, type, result);
  return problem ?? result;
}

// Walks coordinates nested `level` arrays deep down to positions, checking each.
function walk(value: unknown, level: number, type: string, result: GeometryResult): string | null {
  if (level === 0) {
    if (
      !Array.isArray(value) ||
      value.length < 2 ||
      value.length > 3 ||
      !value.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      return '座標は [経度, 緯度] のように数値2つ（高さを含めて3つまで）の配列で書きます。';
    }
    const [lon, lat] = value as number[];
    if (!isLongitude(lon!) || !isLatitude(lat!)) result.outOfRange ??= [lon!, lat!];
    else if (!inJapan(lat!, lon!)) result.outsideJapan ??= [lon!, lat!];
    return null;
  }
  if (!Array.isArray(value)) return `${type} の coordinates の形が正しくありません。`;
  if (type === 'LineString' && level === 1 && value.length < 2) return '線（LineString）には2つ以上の座標が必要です。';
  const ringLevel = type === 'Polygon' || type === 'MultiPolygon' ? 1 : -1;
  if (level === ringLevel) {
    if (value.length < 4) return '面（Polygon）の外周には4つ以上の座標が必要です（最初と最後は同じ座標）。';
    const first = value[0];
    const last = value[value.length - 1];
    if (!Array.isArray(first) || !Array.isArray(last) || first[0] !== last[0] || first[1] !== last[1]) {
      return '面（Polygon）の外周は、最初と最後に同じ座標を書いて閉じてください。';
    }
  }
  for (const item of value) {
    const problem = walk(item, level - 1, type, result);
    if (problem) return problem;
  }
  return null;
}
