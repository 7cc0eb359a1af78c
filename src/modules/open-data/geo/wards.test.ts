// The simplified ward outlines: well-known stations fall in their ward, places outside the city in none, and the
// seven outlines tile the city (neighbours share their edges, nothing overlaps, no hole inside).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundsOf, pointInPolygon, wardOf, wardOutlines } from './wards.ts';

const stations: [string, number, number, string][] = [
  ['川崎駅', 139.697, 35.531, '川崎区'],
  ['川崎大師', 139.7286, 35.535, '川崎区'],
  ['鹿島田', 139.676, 35.552, '幸区'],
  ['武蔵小杉', 139.657, 35.576, '中原区'],
  ['武蔵新城', 139.6315, 35.5873, '中原区'],
  ['溝の口', 139.612, 35.6, '高津区'],
  ['梶が谷', 139.6054, 35.5924, '高津区'],
  ['鷺沼', 139.573, 35.579, '宮前区'],
  ['宮崎台', 139.591, 35.5876, '宮前区'],
  ['登戸', 139.565, 35.619, '多摩区'],
  ['稲田堤', 139.532, 35.634, '多摩区'],
  ['新百合ヶ丘', 139.507, 35.604, '麻生区'],
  ['柿生', 139.4975, 35.5954, '麻生区'],
];

test('well-known stations fall in their ward', () => {
  for (const [station, lon, lat, ward] of stations) {
    assert.equal(wardOf(lon, lat)?.nameJa, ward, station);
  }
  assert.deepEqual(wardOf(139.697, 35.531), { code: '141313', nameJa: '川崎区' });
});

test('places outside the city, and coordinates that are not numbers, are in no ward', () => {
  for (const [place, lon, lat] of [
    ['羽田空港', 139.781, 35.549],
    ['田園調布', 139.667, 35.597],
    ['横浜駅', 139.622, 35.466],
    ['たまプラーザ', 139.559, 35.577],
    ['町田駅', 139.445, 35.542],
  ] as const) {
    assert.equal(wardOf(lon, lat), null, place);
  }
  assert.equal(wardOf(Number.NaN, 35.55), null);
  assert.equal(wardOf(139.7, Number.POSITIVE_INFINITY), null);
});

test('seven wards with their codes, each drawn with 10 to 25 vertices and no crossing edges', () => {
  assert.deepEqual(
    wardOutlines.map((w) => `${w.code} ${w.nameJa}`),
    [
      '141313 川崎区',
      '141321 幸区',
      '141330 中原区',
      '141348 高津区',
      '141364 宮前区',
      '141356 多摩区',
      '141372 麻生区',
    ],
  );
  for (const ward of wardOutlines) {
    assert.ok(ward.polygon.length >= 10 && ward.polygon.length <= 25, `${ward.nameJa}: ${ward.polygon.length}`);
    const edges = edgesOf(ward.polygon);
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 2; j < edges.length; j++) {
        if (i === 0 && j === edges.length - 1) continue; // these two meet at the first vertex
        assert.ok(!crosses(edges[i]!, edges[j]!), `${ward.nameJa}: edges ${i} and ${j} cross`);
      }
    }
  }
});

test('neighbouring wards share their boundary exactly and the outer edges form one ring around the city', () => {
  const owners = new Map<string, string[]>();
  for (const ward of wardOutlines) {
    for (const [a, b] of edgesOf(ward.polygon)) {
      const key = [a.join(','), b.join(',')].sort().join(' ');
      owners.set(key, [...(owners.get(key) ?? []), ward.nameJa]);
    }
  }
  const pairs = new Set<string>();
  const outer: string[] = [];
  for (const [edge, wards] of owners) {
    assert.ok(wards.length <= 2, `${edge} is drawn by ${wards.join(', ')}`);
    if (wards.length === 2) pairs.add(wards.sort().join('|'));
    else outer.push(edge);
  }
  const expected = ['川崎区|幸区', '中原区|幸区', '中原区|高津区', '多摩区|高津区', '宮前区|高津区', '多摩区|宮前区'];
  expected.push('宮前区|麻生区', '多摩区|麻生区');
  assert.deepEqual([...pairs].sort(), expected.map((p) => p.split('|').sort().join('|')).sort());

  // Every vertex of the outer edges joins exactly two of them, and walking them visits all: a single ring.
  const next = new Map<string, string[]>();
  for (const edge of outer) {
    const [a, b] = edge.split(' ') as [string, string];
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  }
  for (const [vertex, ends] of next) assert.equal(ends.length, 2, vertex);
  const start = outer[0]!.split(' ')[0]!;
  let [previous, current] = [start, next.get(start)![0]!];
  let steps = 1;
  while (current !== start) {
    const [a, b] = next.get(current)!;
    [previous, current] = [current, a === previous ? b! : a!];
    steps++;
  }
  assert.equal(steps, outer.length);
});

test('no two wards overlap: a fine grid over the city lands in at most one ward', () => {
  const all = boundsOf(wardOutlines.flatMap((w) => w.polygon));
  let inSome = 0;
  // Steps that are not round numbers, so no sample lands exactly on a drawn vertex or edge.
  for (let lon = all.minLon + 0.00037; lon < all.maxLon; lon += 0.00171) {
    for (let lat = all.minLat + 0.00029; lat < all.maxLat; lat += 0.00113) {
      const holders = wardOutlines.filter((w) => pointInPolygon(lon, lat, w.polygon));
      assert.ok(holders.length <= 1, `${lon},${lat}: ${holders.map((w) => w.nameJa).join(', ')}`);
      inSome += holders.length;
    }
  }
  assert.ok(inSome > 1000);
});

type Edge = [[number, number], [number, number]];

function edgesOf(polygon: [number, number][]): Edge[] {
  return polygon.map((point, i) => [point, polygon[(i + 1) % polygon.length]!]);
}

function crosses([p1, p2]: Edge, [q1, q2]: Edge): boolean {
  const side = (a: [number, number], b: [number, number], c: [number, number]) =>
    Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  return side(p1, p2, q1) * side(p1, p2, q2) < 0 && side(q1, q2, p1) * side(q1, q2, p2) < 0;
}
