// A tabular resource as GeoJSON and as JSON: the text parses to what a map or a program expects, rows without
// usable coordinates are left out and counted, and the rows are read as the text is consumed, not all at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinate, type Row, rowsToGeoJson, rowsToJson } from './geojson.ts';

const aeds: Row[] = [
  { 名称: '川崎市役所本庁舎', 緯度: '35.5308', 経度: '139.7029', 設置位置: '1階 "総合案内" 横' },
  { 名称: '中原区役所', 緯度: '３５．５７６２', 経度: '１３９．６５９５', 設置位置: '' },
  { 名称: '座標なし', 緯度: '', 経度: '', 設置位置: '' },
  { 名称: '文字', 緯度: '北緯35度', 経度: '139.7', 設置位置: '' },
  { 名称: '範囲外', 緯度: '135.5', 経度: '39.7', 設置位置: '' },
];

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

test('rows become Point features [longitude, latitude] with every other column as a property', async () => {
  const collection = JSON.parse(await text(rowsToGeoJson(aeds, { latColumn: '緯度', lonColumn: '経度' })));
  assert.equal(collection.type, 'FeatureCollection');
  assert.deepEqual(collection.features, [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [139.7029, 35.5308] },
      properties: { 名称: '川崎市役所本庁舎', 設置位置: '1階 "総合案内" 横' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [139.6595, 35.5762] },
      properties: { 名称: '中原区役所', 設置位置: '' },
    },
  ]);
});

test('rows without usable coordinates are skipped, and the generator says how many', async () => {
  const generator = rowsToGeoJson(aeds, { latColumn: '緯度', lonColumn: '経度' });
  let result = await generator.next();
  while (!result.done) result = await generator.next();
  assert.deepEqual(result.value, { features: 2, skipped: 3 });
});

test('coordinates: full-width digits and minus signs are read; words, blanks and out-of-range values are not', () => {
  assert.equal(coordinate(' 35.53 ', 90), 35.53);
  assert.equal(coordinate('－３３．８６', 90), -33.86);
  assert.equal(coordinate('\u2212122.4', 180), -122.4);
  assert.equal(coordinate('180', 180), 180);
  for (const bad of ['', '  ', '北緯35度', '35.5.1', '1e2', '0x10', 'Infinity', '90.0001', undefined]) {
    assert.equal(coordinate(bad, 90), null, String(bad));
  }
});

test('a resource with no usable coordinates is an empty FeatureCollection, still valid GeoJSON', async () => {
  const collection = JSON.parse(await text(rowsToGeoJson([aeds[2]!], { latColumn: '緯度', lonColumn: '経度' })));
  assert.deepEqual(collection, { type: 'FeatureCollection', features: [] });
});

test('rows become a JSON array of objects; cells with quotes, newlines, emoji and a "__proto__" column survive', async () => {
  const odd = JSON.parse('{"__proto__":"値","備考":"改行\\nと\\"引用\\"と😀","constructor":"c"}') as Row;
  const rows = [aeds[0]!, odd];
  const parsed = JSON.parse(await text(rowsToJson(rows)));
  assert.equal(parsed.length, 2);
  assert.deepEqual(parsed[0], aeds[0]);
  assert.equal(Object.getOwnPropertyDescriptor(parsed[1], '__proto__')?.value, '値');
  assert.equal(parsed[1].備考, '改行\nと"引用"と😀');
  assert.equal(JSON.parse(await text(rowsToJson([]))).length, 0);

  const located = { ...odd, lat: '35.53', lon: '139.70' };
  Object.defineProperty(located, '__proto__', { value: '値', enumerable: true });
  const collection = JSON.parse(await text(rowsToGeoJson([located], { latColumn: 'lat', lonColumn: 'lon' })));
  const properties = collection.features[0].properties;
  assert.deepEqual(Object.keys(properties).sort(), ['__proto__', 'constructor', '備考'].sort());
  assert.equal(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value, '値');
});

test('a big resource goes out in bounded chunks, reading rows only as the text is taken', async () => {
  const total = 20_000;
  let read = 0;
  async function* source(): AsyncGenerator<Row> {
    for (let i = 0; i < total; i++) {
      read++;
      yield { id: String(i), 名称: `施設${i}`, lat: String(35.5 + (i % 1000) / 10_000), lon: '139.65' };
    }
  }
  const chunks = rowsToGeoJson(source(), { latColumn: 'lat', lonColumn: 'lon' });
  const first = await chunks.next();
  assert.equal(first.done, false);
  assert.ok(read < total, `only the rows for the first chunk have been read (${read})`);

  let body = first.value as string;
  let largest = body.length;
  let count = 1;
  for await (const chunk of chunks) {
    body += chunk;
    largest = Math.max(largest, chunk.length);
    count++;
  }
  assert.ok(count > 10, `${count} chunks`);
  assert.ok(largest < 70 * 1024, `largest chunk ${largest} characters`);
  const collection = JSON.parse(body);
  assert.equal(collection.features.length, total);
  assert.deepEqual(collection.features[total - 1].properties, { id: String(total - 1), 名称: `施設${total - 1}` });

  read = 0;
  const json = rowsToJson(source());
  await json.next();
  assert.ok(read < total);
  let rest = '';
  for await (const chunk of json) rest += chunk;
  assert.ok(rest.endsWith(']'));
});
