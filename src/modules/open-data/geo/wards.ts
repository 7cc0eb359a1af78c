// Kawasaki's seven wards as simplified outlines (longitude, latitude; WGS84), so a preview map can show where
// points fall without a tile server. These are rough drawings for orientation only, NOT the official ward
// boundaries: never use them to decide which ward an address legally belongs to.
//
// Each boundary between two wards (or between a ward and the outside) is drawn once as an arc and every ward
// is assembled from its arcs, so neighbouring wards share exactly the same vertices: no gaps, no overlaps.

type Point = [number, number];

/** One ward: its local government code (全国地方公共団体コード), its name and its outline as an open ring. */
export interface WardOutline {
  code: string;
  nameJa: string;
  /** Open ring (the first vertex is not repeated at the end), [longitude, latitude]. */
  polygon: [number, number][];
}

// Where three or more boundaries meet.
const mouth: Point = [139.79, 35.533]; // 多摩川河口
const rokugo: Point = [139.701, 35.546]; // 川崎区・幸区・多摩川
const yako: Point = [139.688, 35.525]; // 川崎区・幸区・横浜市鶴見区
const saiwaiNorth: Point = [139.684, 35.56]; // 幸区・中原区・多摩川
const yagami: Point = [139.65, 35.551]; // 幸区・中原区・横浜市港北区
const futakoEast: Point = [139.642, 35.601]; // 中原区・高津区・多摩川
const hisasue: Point = [139.622, 35.566]; // 中原区・高津区・横浜市
const kuji: Point = [139.592, 35.623]; // 高津区・多摩区・多摩川
const nagao: Point = [139.596, 35.601]; // 高津区・多摩区・宮前区
const nogawaSouth: Point = [139.604, 35.565]; // 高津区・宮前区・横浜市
const sugao: Point = [139.556, 35.601]; // 宮前区・多摩区・麻生区
const aobaCorner: Point = [139.55, 35.588]; // 宮前区・麻生区・横浜市青葉区
const suge: Point = [139.527, 35.642]; // 多摩区・稲城市・多摩川
const hosoyama: Point = [139.521, 35.619]; // 多摩区・麻生区・稲城市

// The Tama river (多摩川), the city's north-east edge, downstream to upstream.
const riverKawasaki: Point[] = [mouth, [139.77, 35.538], [139.75, 35.543], [139.725, 35.545], rokugo];
const riverSaiwai: Point[] = [rokugo, [139.69, 35.552], saiwaiNorth];
const riverNakahara: Point[] = [saiwaiNorth, [139.678, 35.57], [139.668, 35.58], [139.655, 35.59], futakoEast];
const riverTakatsu: Point[] = [futakoEast, [139.63, 35.61], [139.615, 35.616], [139.6, 35.62], kuji];
const riverTama: Point[] = [kuji, [139.575, 35.628], [139.56, 35.632], [139.545, 35.637], suge];

// Boundaries between wards.
const kawasakiSaiwai: Point[] = [rokugo, [139.697, 35.538], [139.694, 35.531], yako];
const saiwaiNakahara: Point[] = [saiwaiNorth, [139.672, 35.559], [139.66, 35.556], yagami];
const nakaharaTakatsu: Point[] = [futakoEast, [139.628, 35.593], [139.624, 35.58], hisasue];
const takatsuTama: Point[] = [kuji, [139.591, 35.61], nagao];
const takatsuMiyamae: Point[] = [nagao, [139.598, 35.59], [139.602, 35.578], nogawaSouth];
const miyamaeTama: Point[] = [nagao, [139.58, 35.6], [139.568, 35.602], sugao];
const miyamaeAsao: Point[] = [sugao, [139.552, 35.596], aobaCorner];
const tamaAsao: Point[] = [sugao, [139.545, 35.602], [139.533, 35.605], [139.524, 35.61], hosoyama];

// Boundaries with Tokyo Bay, Yokohama, Machida, Inagi and Tama city.
const kawasakiOuter: Point[] = [
  yako,
  [139.692, 35.518],
  [139.705, 35.507],
  [139.718, 35.497],
  [139.735, 35.478],
  [139.765, 35.48],
  [139.78, 35.495],
  [139.792, 35.515],
  mouth,
];
const saiwaiOuter: Point[] = [yagami, [139.652, 35.544], [139.662, 35.537], [139.675, 35.53], yako];
const nakaharaOuter: Point[] = [hisasue, [139.635, 35.558], yagami];
const takatsuOuter: Point[] = [nogawaSouth, [139.612, 35.562], hisasue];
const miyamaeOuter: Point[] = [
  aobaCorner,
  [139.556, 35.583],
  [139.565, 35.577],
  [139.575, 35.57],
  [139.59, 35.564],
  nogawaSouth,
];
const tamaOuter: Point[] = [hosoyama, [139.523, 35.63], suge];
const asaoOuter: Point[] = [
  aobaCorner,
  [139.54, 35.578],
  [139.528, 35.568],
  [139.515, 35.56],
  [139.503, 35.563],
  [139.495, 35.575],
  [139.487, 35.586],
  [139.475, 35.592],
  [139.463, 35.6],
  [139.458, 35.61],
  [139.465, 35.619],
  [139.48, 35.624],
  [139.497, 35.622],
  [139.51, 35.624],
  hosoyama,
];

const reversed = (arc: Point[]): Point[] => [...arc].reverse();

/** Joins arcs that meet end to start into an open ring. */
function ring(...arcs: Point[][]): [number, number][] {
  const out: Point[] = [];
  for (const arc of arcs) {
    const last = out.at(-1);
    if (last && last !== arc[0]) throw new Error('区の境界線がつながっていません');
    for (const point of last ? arc.slice(1) : arc) out.push(point);
  }
  if (out.at(-1) !== out[0]) throw new Error('区の境界線が閉じていません');
  out.pop(); // the last arc ends where the first began
  return out.map(([lon, lat]) => [lon, lat]);
}

export const wardOutlines: WardOutline[] = [
  { code: '141313', nameJa: '川崎区', polygon: ring(riverKawasaki, kawasakiSaiwai, kawasakiOuter) },
  {
    code: '141321',
    nameJa: '幸区',
    polygon: ring(riverSaiwai, saiwaiNakahara, saiwaiOuter, reversed(kawasakiSaiwai)),
  },
  {
    code: '141330',
    nameJa: '中原区',
    polygon: ring(riverNakahara, nakaharaTakatsu, nakaharaOuter, reversed(saiwaiNakahara)),
  },
  {
    code: '141348',
    nameJa: '高津区',
    polygon: ring(riverTakatsu, takatsuTama, takatsuMiyamae, takatsuOuter, reversed(nakaharaTakatsu)),
  },
  {
    code: '141364',
    nameJa: '宮前区',
    polygon: ring(miyamaeTama, miyamaeAsao, miyamaeOuter, reversed(takatsuMiyamae)),
  },
  {
    code: '141356',
    nameJa: '多摩区',
    polygon: ring(riverTama, reversed(tamaOuter), reversed(tamaAsao), reversed(miyamaeTama), reversed(takatsuTama)),
  },
  { code: '141372', nameJa: '麻生区', polygon: ring(reversed(miyamaeAsao), tamaAsao, reversed(asaoOuter)) },
];

/** Even-odd ray casting; a point exactly on an edge may fall on either side. */
export function pointInPolygon(lon: number, lat: number, polygon: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface Bounds {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function boundsOf(polygon: readonly (readonly [number, number])[]): Bounds {
  const bounds = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon, lat] of polygon) {
    bounds.minLon = Math.min(bounds.minLon, lon);
    bounds.maxLon = Math.max(bounds.maxLon, lon);
    bounds.minLat = Math.min(bounds.minLat, lat);
    bounds.maxLat = Math.max(bounds.maxLat, lat);
  }
  return bounds;
}

const wardBounds = new Map(wardOutlines.map((ward) => [ward, boundsOf(ward.polygon)]));

/** The ward (by the simplified outlines) a point falls in, or null outside the city. */
export function wardOf(
  lon: number,
  lat: number,
  outlines: readonly WardOutline[] = wardOutlines,
): { code: string; nameJa: string } | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  for (const ward of outlines) {
    const b = wardBounds.get(ward) ?? boundsOf(ward.polygon);
    if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) continue;
    if (pointInPolygon(lon, lat, ward.polygon)) return { code: ward.code, nameJa: ward.nameJa };
  }
  return null;
}
