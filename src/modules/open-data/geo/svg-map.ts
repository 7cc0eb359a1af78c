// A preview map of a resource's points as inline SVG: ward outlines, their names and one circle per point.
// Works with no tile server and no JavaScript, and with the page's CSP (presentation attributes only, no style).
// Labels come from uploaded files, so every text is escaped and stripped of characters XML cannot carry.
import { escapeHtml } from '../../../platform/pages/html.ts';
import { type WardOutline, wardOf, wardOutlines } from './wards.ts';

export interface MapPoint {
  lon: number;
  lat: number;
  label: string;
}

export interface PointsMapInput {
  points: readonly MapPoint[];
  title: string;
  outlines?: readonly WardOutline[];
  /** Size of the drawing in SVG units; the element itself scales to the width of its container. */
  width?: number;
  /** Without it, the height follows the shape of the area drawn. */
  height?: number;
  /** Prefix for the title and desc ids, unique on the page when it shows more than one map. */
  id?: string;
}

/** More circles than this make a page heavy and unreadable; the rest are counted, not drawn. */
export const maxMapPoints = 5000;

/** Colours chosen for WCAG AA on white: lines and points ≥ 3:1, text ≥ 4.5:1 (checked in the tests). */
export const mapColours = {
  background: '#ffffff',
  wardFill: '#f3f6fa',
  wardStroke: '#5c6670',
  label: '#1a1a1a',
  point: '#c8102e',
  pointStroke: '#ffffff',
  note: '#4d4d4d',
} as const;

const margin = 16;
const noteHeight = 18;
const maxLabelLength = 200;

export function renderPointsMap(input: PointsMapInput): string {
  const outlines = input.outlines ?? wardOutlines;
  const width = Math.max(120, positive(input.width) ?? 640);
  const idPrefix = (input.id ?? 'od-points-map').replace(/[^A-Za-z0-9_-]/g, '') || 'od-points-map';

  const drawn: MapPoint[] = [];
  const byWard = new Map<string, number>();
  let valid = 0;
  let invalid = 0;
  let outside = 0;
  for (const point of input.points) {
    if (!isCoordinate(point.lon, point.lat)) {
      invalid++;
      continue;
    }
    valid++;
    if (drawn.length < maxMapPoints) drawn.push(point);
    const ward = wardOf(point.lon, point.lat, outlines);
    if (ward) byWard.set(ward.code, (byWard.get(ward.code) ?? 0) + 1);
    else outside++;
  }

  const frame = frameOf(outlines, drawn);
  const kx = Math.cos((((frame.minLat + frame.maxLat) / 2) * Math.PI) / 180);
  const spanX = (frame.maxLon - frame.minLon) * kx;
  const spanY = frame.maxLat - frame.minLat;
  const bottom = margin + (outlines.length > 0 ? noteHeight : 0);
  const requestedHeight = positive(input.height);
  const givenHeight = requestedHeight === undefined ? undefined : Math.max(120, requestedHeight);
  const maxHeight = givenHeight ?? width * 1.5;
  const scale = Math.min((width - 2 * margin) / spanX, (maxHeight - margin - bottom) / spanY);
  const height = givenHeight ?? Math.ceil(spanY * scale + margin + bottom);
  // Centre the drawing in whatever room the fit leaves over.
  const offsetX = margin + (width - 2 * margin - spanX * scale) / 2;
  const offsetY = margin + (height - margin - bottom - spanY * scale) / 2;
  const x = (lon: number) => round(offsetX + (lon - frame.minLon) * kx * scale);
  const y = (lat: number) => round(offsetY + (frame.maxLat - lat) * scale);

  const wardPaths = outlines
    .map((ward) => {
      const d = ward.polygon.map(([lon, lat], i) => `${i === 0 ? 'M' : 'L'}${x(lon)} ${y(lat)}`).join('');
      return `<path d="${d}Z"><title>${text(ward.nameJa)}</title></path>`;
    })
    .join('');
  const wardLabels = outlines
    .map((ward) => {
      const [lon, lat] = labelPoint(ward.polygon);
      return `<text x="${x(lon)}" y="${y(lat)}" dy="0.35em">${text(ward.nameJa)}</text>`;
    })
    .join('');
  const circles = drawn
    .map((p) => `<circle cx="${x(p.lon)}" cy="${y(p.lat)}" r="4"><title>${text(label(p.label))}</title></circle>`)
    .join('');

  const c = mapColours;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="od-points-map" viewBox="0 0 ${width} ${height}" width="100%"`,
    ` role="img" aria-labelledby="${idPrefix}-title" aria-describedby="${idPrefix}-desc" font-family="sans-serif">`,
    `<title id="${idPrefix}-title">${text(input.title)}</title>`,
    `<desc id="${idPrefix}-desc">${text(describe({ valid, invalid, outside, drawn: drawn.length, byWard, outlines }))}</desc>`,
    `<rect width="${width}" height="${height}" fill="${c.background}"/>`,
    outlines.length > 0
      ? `<g fill="${c.wardFill}" stroke="${c.wardStroke}" stroke-width="1.5" stroke-linejoin="round">${wardPaths}</g>` +
        `<g font-size="13" font-weight="bold" text-anchor="middle" fill="${c.label}" stroke="${c.background}"` +
        ` stroke-width="3" stroke-linejoin="round" paint-order="stroke">${wardLabels}</g>`
      : '',
    drawn.length > 0 ? `<g fill="${c.point}" stroke="${c.pointStroke}" stroke-width="1">${circles}</g>` : '',
    outlines.length > 0
      ? `<text x="${margin}" y="${height - 6}" font-size="11" fill="${c.note}">区の境界は目安の簡略図です（正式な境界ではありません）</text>`
      : '',
    '</svg>',
  ].join('');
}

function describe(counts: {
  valid: number;
  invalid: number;
  outside: number;
  drawn: number;
  byWard: Map<string, number>;
  outlines: readonly WardOutline[];
}): string {
  const parts: string[] = [];
  if (counts.valid === 0) parts.push('地図に表示できる点はありません。');
  else {
    const inWards = counts.outlines
      .filter((ward) => (counts.byWard.get(ward.code) ?? 0) > 0)
      .map((ward) => `${ward.nameJa} ${count(counts.byWard.get(ward.code)!)}件`);
    if (counts.outside > 0) inWards.push(`区域外 ${count(counts.outside)}件`);
    parts.push(`点は全部で${count(counts.valid)}件です（${inWards.join('、')}）。`);
  }
  if (counts.drawn < counts.valid) {
    parts.push(`点が多いため、最初の${count(counts.drawn)}件だけを地図に描いています。`);
  }
  if (counts.invalid > 0) parts.push(`緯度・経度が正しくない${count(counts.invalid)}件は表示していません。`);
  if (counts.outlines.length > 0) parts.push('区の境界は目安の簡略図です。');
  return parts.join('');
}

function frameOf(outlines: readonly WardOutline[], points: readonly MapPoint[]) {
  const frame = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  const add = (lon: number, lat: number) => {
    frame.minLon = Math.min(frame.minLon, lon);
    frame.maxLon = Math.max(frame.maxLon, lon);
    frame.minLat = Math.min(frame.minLat, lat);
    frame.maxLat = Math.max(frame.maxLat, lat);
  };
  for (const ward of outlines) for (const [lon, lat] of ward.polygon) add(lon, lat);
  for (const p of points) add(p.lon, p.lat);
  if (frame.minLon === Infinity) for (const ward of wardOutlines) for (const [lon, lat] of ward.polygon) add(lon, lat);
  // A single point (or a straight line of them) still needs an area to draw in: about 1 km around.
  const pad = 0.005;
  if (frame.maxLon - frame.minLon < pad) {
    frame.minLon -= pad;
    frame.maxLon += pad;
  }
  if (frame.maxLat - frame.minLat < pad) {
    frame.minLat -= pad;
    frame.maxLat += pad;
  }
  return frame;
}

/** Where a ward's name goes: the centroid of its area (the simplified wards are close to convex). */
export function labelPoint(polygon: readonly (readonly [number, number])[]): [number, number] {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [x0, y0] = polygon[j]!;
    const [x1, y1] = polygon[i]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return [cx / (3 * area), cy / (3 * area)];
}

export function isCoordinate(lon: unknown, lat: unknown): lon is number {
  return (
    typeof lon === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    Math.abs(lon) <= 180 &&
    Math.abs(lat) <= 90
  );
}

// Control characters, lone surrogates and U+FFFE/U+FFFF cannot appear in XML, even escaped (the same rule as
// public-comment's feed text; a candidate for platform/ when a third module needs it).
const notXml =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is dropped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(value: string): string {
  return escapeHtml(String(value).replace(notXml, ''));
}

function label(value: string): string {
  const chars = Array.from(String(value ?? ''));
  return chars.length > maxLabelLength ? `${chars.slice(0, maxLabelLength).join('')}…` : chars.join('');
}

function count(n: number): string {
  return n.toLocaleString('ja-JP');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
