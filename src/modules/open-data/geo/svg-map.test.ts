// The preview map reads back as well-formed SVG that a screen reader can summarise, puts every point in the
// right ward, escapes what uploaded files put in labels, and copes with bad and very many coordinates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  children,
  child as only,
  readXml,
  type XmlElement,
} from '../../public-comment/feed/xml-reader.test-support.ts';
import { labelPoint, mapColours, maxMapPoints, renderPointsMap } from './svg-map.ts';
import { pointInPolygon, wardOf, wardOutlines } from './wards.ts';

const stations = [
  { lon: 139.697, lat: 35.531, label: '川崎駅', ward: '川崎区' },
  { lon: 139.676, lat: 35.552, label: '鹿島田駅', ward: '幸区' },
  { lon: 139.657, lat: 35.576, label: '武蔵小杉駅', ward: '中原区' },
  { lon: 139.612, lat: 35.6, label: '溝の口駅', ward: '高津区' },
  { lon: 139.573, lat: 35.579, label: '鷺沼駅', ward: '宮前区' },
  { lon: 139.565, lat: 35.619, label: '登戸駅', ward: '多摩区' },
  { lon: 139.507, lat: 35.604, label: '新百合ヶ丘駅', ward: '麻生区' },
];

function read(svg: string) {
  const root = readXml(svg);
  const groups = children(root, 'g');
  const circles = groups.flatMap((g) => children(g, 'circle'));
  const paths = groups.flatMap((g) => children(g, 'path'));
  const viewBox = root.attrs.viewBox!.split(' ').map(Number);
  return { root, circles, paths, width: viewBox[2]!, height: viewBox[3]! };
}

test('an image with a title and a description saying how many points there are and in which wards', () => {
  const svg = renderPointsMap({ points: stations.slice(0, 3), title: 'AED設置箇所' });
  const { root, circles } = read(svg);
  assert.equal(root.name, 'svg');
  assert.equal(root.attrs.role, 'img');
  assert.equal(root.attrs['aria-labelledby'], 'od-points-map-title');
  assert.equal(only(root, 'title').attrs.id, 'od-points-map-title');
  assert.equal(only(root, 'title').text, 'AED設置箇所');
  assert.equal(root.attrs['aria-describedby'], 'od-points-map-desc');
  assert.equal(
    only(root, 'desc').text,
    '点は全部で3件です（川崎区 1件、幸区 1件、中原区 1件）。区の境界は目安の簡略図です。',
  );
  assert.deepEqual(
    circles.map((c) => only(c, 'title').text),
    ['川崎駅', '鹿島田駅', '武蔵小杉駅'],
  );
});

test('the seven wards are drawn and named, with a note that the outlines are simplified', () => {
  const { root, paths } = read(renderPointsMap({ points: [], title: '地図' }));
  assert.deepEqual(
    paths.map((p) => only(p, 'title').text),
    wardOutlines.map((w) => w.nameJa),
  );
  const texts = children(root, 'g').flatMap((g) => children(g, 'text'));
  assert.deepEqual(
    texts.map((t) => t.text),
    wardOutlines.map((w) => w.nameJa),
  );
  assert.match(children(root, 'text').at(-1)!.text, /正式な境界ではありません/);
  assert.equal(only(root, 'desc').text, '地図に表示できる点はありません。区の境界は目安の簡略図です。');
});

test('each point is drawn inside the outline of the ward it is in, and each ward name inside its ward', () => {
  const { circles, paths } = read(renderPointsMap({ points: stations, title: '駅' }));
  const outlines = paths.map((p) => ({ name: only(p, 'title').text, ring: ringOf(p) }));
  for (const [i, station] of stations.entries()) {
    const c = circles[i]!;
    const [x, y] = [Number(c.attrs.cx), Number(c.attrs.cy)];
    const holders = outlines.filter((o) => pointInPolygon(x, y, o.ring)).map((o) => o.name);
    assert.deepEqual(holders, [station.ward], station.label);
  }
  for (const ward of wardOutlines) {
    const [lon, lat] = labelPoint(ward.polygon);
    assert.equal(wardOf(lon, lat)?.nameJa, ward.nameJa);
  }
});

test('north is up and distances east–west are shortened by cos(latitude), as on the ground', () => {
  // Two points 0.01° apart each way: at 35.6°N a degree of longitude is about 0.81 of a degree of latitude.
  const points = [
    { lon: 139.6, lat: 35.59, label: 'A' },
    { lon: 139.61, lat: 35.59, label: 'B' },
    { lon: 139.6, lat: 35.6, label: 'C' },
  ];
  const { circles } = read(renderPointsMap({ points, title: '縮尺' }));
  const [a, b, c] = circles.map((e) => [Number(e.attrs.cx), Number(e.attrs.cy)] as const);
  const east = b![0] - a![0];
  const north = a![1] - c![1];
  assert.ok(north > 0, 'the northern point is higher up');
  assert.ok(Math.abs(east / north - Math.cos((35.595 * Math.PI) / 180)) < 0.02, `${east / north}`);
});

test('labels from uploaded files are escaped: markup and quotes stay text, characters XML refuses are dropped', () => {
  const nasty = '<script>alert("x")</script> O\'Brien & "Co" \u0001\u0008';
  const svg = renderPointsMap({
    points: [{ lon: 139.7, lat: 35.53, label: nasty }],
    title: '<b>タイトル</b> "引用"',
    id: 'map"><script>',
  });
  assert.ok(!svg.includes('<script'), svg);
  assert.ok(!svg.includes('<b>'));
  assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  const { root, circles } = read(svg);
  assert.equal(only(circles[0]!, 'title').text, '<script>alert("x")</script> O\'Brien & "Co" ');
  assert.equal(only(root, 'title').text, '<b>タイトル</b> "引用"');
  assert.equal(root.attrs['aria-labelledby'], 'mapscript-title');
});

test('a very long label is cut short rather than making the page huge', () => {
  const { circles } = read(
    renderPointsMap({ points: [{ lon: 139.7, lat: 35.53, label: 'あ'.repeat(10_000) }], title: 't' }),
  );
  const label = only(circles[0]!, 'title').text;
  assert.equal(label, `${'あ'.repeat(200)}…`);
});

test('points with invalid coordinates are skipped and counted in the description', () => {
  const points = [
    stations[0]!,
    { lon: Number.NaN, lat: 35.5, label: '数値でない' },
    { lon: 139.7, lat: 95, label: '緯度が範囲外' },
    { lon: Number.POSITIVE_INFINITY, lat: 35.5, label: '無限大' },
    { lon: '139.7' as unknown as number, lat: 35.5, label: '文字列' },
  ];
  const { root, circles } = read(renderPointsMap({ points, title: 't' }));
  assert.equal(circles.length, 1);
  assert.equal(
    only(root, 'desc').text,
    '点は全部で1件です（川崎区 1件）。緯度・経度が正しくない4件は表示していません。区の境界は目安の簡略図です。',
  );
});

test('points outside the city are still drawn: the frame grows to hold them, and they are counted as outside', () => {
  const tokyoStation = { lon: 139.767, lat: 35.681, label: '東京駅' };
  const { root, circles, width, height } = read(renderPointsMap({ points: [stations[0]!, tokyoStation], title: 't' }));
  assert.equal(circles.length, 2);
  for (const c of circles) {
    const [x, y] = [Number(c.attrs.cx), Number(c.attrs.cy)];
    assert.ok(x > 0 && x < width && y > 0 && y < height, `${x},${y} in ${width}×${height}`);
  }
  assert.match(only(root, 'desc').text, /川崎区 1件、区域外 1件/);
});

test(`at most ${maxMapPoints.toLocaleString()} points are drawn; the description says the rest were not`, () => {
  const points = Array.from({ length: maxMapPoints + 250 }, (_, i) => ({
    lon: 139.6 + (i % 100) * 0.0005,
    lat: 35.58 + Math.floor(i / 100) * 0.0002,
    label: `地点${i}`,
  }));
  const { root, circles } = read(renderPointsMap({ points, title: 't' }));
  assert.equal(circles.length, maxMapPoints);
  assert.match(
    only(root, 'desc').text,
    /^点は全部で5,250件です（.*）。点が多いため、最初の5,000件だけを地図に描いています。/,
  );
});

test('a given size is kept; without a height the drawing takes the shape of the area', () => {
  const fixed = read(renderPointsMap({ points: stations, title: 't', width: 400, height: 400 }));
  assert.deepEqual([fixed.width, fixed.height], [400, 400]);
  const free = read(renderPointsMap({ points: stations, title: 't' }));
  assert.equal(free.width, 640);
  assert.ok(free.height > 250 && free.height < 640, `${free.height}`);
  const bare = read(renderPointsMap({ points: [stations[0]!], title: 't', outlines: [] }));
  assert.equal(bare.paths.length, 0);
  assert.equal(bare.circles.length, 1);
});

test('nothing the page CSP would block, and nothing fetched: no style, script, link or foreign content', () => {
  const svg = renderPointsMap({ points: stations, title: 't' });
  assert.doesNotMatch(svg, /style|<script|href|<image|<foreignObject|url\(/i);
});

test('colours meet WCAG AA on the white map and on the ward fill: lines and points 3:1, text 4.5:1', () => {
  const c = mapColours;
  for (const background of [c.background, c.wardFill]) {
    assert.ok(contrast(c.wardStroke, background) >= 3, `outline on ${background}`);
    assert.ok(contrast(c.point, background) >= 3, `point on ${background}`);
    assert.ok(contrast(c.label, background) >= 4.5, `label on ${background}`);
  }
  assert.ok(contrast(c.note, c.background) >= 4.5, 'note');
  const svg = renderPointsMap({ points: stations, title: 't' });
  for (const colour of [c.wardStroke, c.point, c.label, c.note]) assert.ok(svg.includes(`"${colour}"`), colour);
});

/** The ring of an SVG path of straight segments, "M x y L x y … Z". */
function ringOf(path: XmlElement): [number, number][] {
  return [...path.attrs.d!.matchAll(/[ML]([-\d.]+) ([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
