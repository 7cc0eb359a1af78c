import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { checkGeoJson, checkJson } from './check-json.ts';

const json = (value: unknown, space?: number) => Buffer.from(JSON.stringify(value, null, space));

test('a JSON array of records: rows, columns with types, and coordinates by name', () => {
  const report = checkJson(
    json([
      { 名称: '中原図書館', 定員: 120, 緯度: 35.5763, 経度: 139.6595, 開館日: '2013-04-01' },
      { 名称: '幸図書館', 定員: 80, 緯度: 35.5456, 経度: 139.6977, 開館日: '2001-10-01' },
    ]),
  );
  assert.equal(report.ok, true);
  assert.equal(report.rows, 2);
  assert.deepEqual(report.columns, [
    { name: '名称', type: 'text' },
    { name: '定員', type: 'integer' },
    { name: '緯度', type: 'latitude' },
    { name: '経度', type: 'longitude' },
    { name: '開館日', type: 'date' },
  ]);
  assert.equal(report.latColumn, '緯度');
  assert.equal(report.summary, 'UTF-8のJSON（2行・5列）を確認し、問題は見つかりませんでした。');
});

test('broken JSON says on which line; Shift_JIS, BOM and deep nesting are named', () => {
  const broken = checkJson(Buffer.from('[\n  {"名称": "中原図書館"},\n  {"名称": "幸図書館",}\n]'));
  assert.equal(broken.ok, false);
  assert.equal(broken.issues[0]!.code, 'invalid_json');
  assert.equal(broken.issues[0]!.row, 3);
  assert.match(broken.issues[0]!.message, /^JSONの書き方に誤りがあります（3行目、\d+文字目あたり）。/);

  const sjis = checkJson(iconv.encode('[{"名称": "中原図書館"}]', 'cp932'));
  assert.equal(sjis.issues[0]!.code, 'invalid_bytes');
  assert.match(sjis.issues[0]!.message, /Shift_JISで保存されているようです。JSONはUTF-8で保存する決まりです/);

  const bom = checkJson(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json([{ a: 1 }])]));
  assert.equal(bom.ok, true);
  assert.equal(bom.encoding, 'utf-8-bom');
  assert.deepEqual(bom.issueCounts, { bom: 1 });

  const deep = checkJson(Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
  assert.deepEqual(deep.issueCounts, { json_too_deep: 1 });
  assert.equal(checkJson(Buffer.alloc(0)).issues[0]!.code, 'empty_file');
});

const point = (lon: number, lat: number, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});

test('a GeoJSON FeatureCollection: features counted, properties as columns', () => {
  const report = checkGeoJson(
    json({
      type: 'FeatureCollection',
      features: [
        point(139.6595, 35.5763, { 名称: '中原区役所', 定員: 3 }),
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [139.6, 35.5],
                [139.7, 35.5],
                [139.7, 35.6],
                [139.6, 35.5],
              ],
            ],
          },
          properties: { 名称: '区域' },
        },
        { type: 'Feature', geometry: null, properties: null },
      ],
    }),
  );
  assert.equal(report.ok, true, JSON.stringify(report.issues));
  assert.equal(report.rows, 3);
  assert.deepEqual(report.columns, [
    { name: '名称', type: 'text' },
    { name: '定員', type: 'integer' },
  ]);
  assert.equal(report.summary, 'UTF-8のGeoJSON（3行・2列）を確認し、問題は見つかりませんでした。');
});

test('GeoJSON problems by feature: [latitude, longitude] order, outside Japan, broken shapes, wrong top level', () => {
  const report = checkGeoJson(
    json({
      type: 'FeatureCollection',
      features: [
        point(35.5763, 139.6595),
        point(2.35, 48.85),
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [139.6, 35.5],
                [139.7, 35.5],
                [139.7, 35.6],
              ],
            ],
          },
          properties: {},
        },
        { type: 'Feature', geometry: { type: 'Circle', coordinates: [139.6, 35.5] }, properties: {} },
        { type: 'Featur' },
      ],
    }),
  );
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.issues.map((i) => [i.severity, i.code, i.row]),
    [
      ['error', 'coordinate_out_of_range', 1],
      ['error', 'geojson_geometry', 3],
      ['error', 'geojson_geometry', 4],
      ['error', 'geojson_feature', 5],
      ['warning', 'outside_japan', 2],
      ['warning', 'swapped_coordinates', null],
    ],
  );
  assert.match(report.issues[0]!.message, /GeoJSONでは \[経度, 緯度\] の順に書きます/);

  const single = checkGeoJson(json(point(139.6, 35.5)));
  assert.deepEqual(single.issueCounts, { geojson_type: 1 });
  assert.match(single.issues[0]!.message, /FeatureCollection/);
  assert.match(single.summary, /^このファイルはGeoJSONとして読み込めませんでした（GeoJSONの形になっていません）。$/);
});

test('random bytes as JSON or GeoJSON never throw', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pieces = [
    '{',
    '}',
    '[',
    ']',
    '"type"',
    ':',
    ',',
    '"FeatureCollection"',
    '"features"',
    '"Feature"',
    '"geometry"',
    '"Point"',
    '"coordinates"',
    '1',
    '-200',
    'null',
    '"a"',
  ];
  for (let round = 0; round < 2000; round++) {
    const text = Array.from(
      { length: Math.floor(random() * 40) },
      () => pieces[Math.floor(random() * pieces.length)],
    ).join('');
    for (const check of [checkJson, checkGeoJson]) {
      const report = check(Buffer.from(text));
      assert.equal(
        report.ok,
        report.issues.every((i) => i.severity === 'warning'),
      );
    }
  }
});
