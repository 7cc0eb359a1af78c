import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { inspectZip } from './zip.ts';

interface EntrySpec {
  name: string;
  data?: Buffer;
  deflate?: boolean;
  /** What the central directory claims, whatever the data is. */
  claimUncompressed?: number;
  flags?: number;
  /** Point the central directory entry at another entry's local header. */
  sameLocalAs?: number;
}

/** Builds a ZIP the way the format lays it out; the central directory says what the spec tells it to. */
function buildZip(specs: EntrySpec[], options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  specs.forEach((spec, i) => {
    const data = spec.data ?? Buffer.alloc(0);
    const stored = spec.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(spec.name, 'utf8');
    const method = spec.deflate ? 8 : 0;
    const flags = (spec.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(local, name, stored);
    offset += local.length + name.length + stored.length;

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(spec.claimUncompressed ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(spec.sameLocalAs !== undefined ? offsets[spec.sameLocalAs]! : offsets[i]!, 42);
    centrals.push(central, name);
  });
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(specs.length), 24);
    record.writeBigUInt64LE(BigInt(specs.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
    eocd.writeUInt16LE(0xffff, 8);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(0xffffffff, 12);
    eocd.writeUInt32LE(0xffffffff, 16);
  } else {
    eocd.writeUInt16LE(specs.length, 8);
    eocd.writeUInt16LE(specs.length, 10);
    eocd.writeUInt32LE(directory.length, 12);
    eocd.writeUInt32LE(offset, 16);
  }
  return Buffer.concat([...locals, directory, ...tail, eocd]);
}

const sheet = Buffer.from(`<worksheet>${'<row><c><v>1</v></c></row>'.repeat(200)}</worksheet>`);
const xlsxLike = (): EntrySpec[] => [
  { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), deflate: true },
  { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), deflate: true },
  { name: 'xl/worksheets/sheet1.xml', data: sheet, deflate: true },
];

test('an ordinary XLSX is read from its central directory: entries and declared size', () => {
  assert.deepEqual(inspectZip(buildZip(xlsxLike())), {
    ok: true,
    entries: 3,
    uncompressedBytes: 8 + 11 + sheet.length,
  });
  assert.deepEqual(inspectZip(buildZip(xlsxLike(), { zip64: true })), {
    ok: true,
    entries: 3,
    uncompressedBytes: 8 + 11 + sheet.length,
  });
});

test('a zip bomb whose central directory claims gigabytes is refused without decompressing anything', () => {
  const bomb = buildZip([
    ...xlsxLike(),
    { name: 'xl/sharedStrings.xml', data: Buffer.alloc(1000), deflate: true, claimUncompressed: 4_000_000_000 },
  ]);
  assert.ok(bomb.length < 2000, 'the file itself is tiny');
  const result = inspectZip(bomb);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.code, 'too_large');
  assert.equal(
    !result.ok && result.message,
    'ファイルを展開すると大きくなりすぎます（3.7GB。200MBまで）。データを分けるか、CSV形式で登録してください。',
  );
});

test('an entry compressed beyond any honest ratio is refused even when the total is small', () => {
  const result = inspectZip(
    buildZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(2000, 0x20),
        deflate: true,
        claimUncompressed: 50_000_000,
      },
    ]),
  );
  assert.equal(!result.ok && result.code, 'compression_ratio');
  assert.match(!result.ok ? result.message : '', /展開すると元の[\d,]+倍の大きさになります（100倍まで）/);
  const small = inspectZip(buildZip([{ name: 'a.xml', data: Buffer.alloc(100_000, 0x20), deflate: true }]));
  assert.equal(small.ok, true, 'a small file of spaces compresses well and is no bomb');
});

test('too many entries, overlapping entries, archives inside, paths that climb out, encryption', () => {
  const many = inspectZip(buildZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml` }))));
  assert.equal(!many.ok && many.code, 'too_many_entries');

  const overlapping = inspectZip(buildZip([...xlsxLike(), { name: 'xl/again.xml', sameLocalAs: 2 }]));
  assert.equal(!overlapping.ok && overlapping.code, 'overlapping_entries');

  const nested = inspectZip(buildZip([...xlsxLike(), { name: 'xl/embeddings/other.xlsx', data: Buffer.from('PK') }]));
  assert.equal(!nested.ok && nested.code, 'nested_archive');
  assert.match(!nested.ok ? nested.message : '', /xl\/embeddings\/other\.xlsx/);

  for (const name of ['../../etc/passwd', 'xl/../../evil.xml', '/etc/passwd', 'C:\\evil.xml']) {
    const unsafe = inspectZip(buildZip([...xlsxLike(), { name, data: Buffer.from('x') }]));
    assert.equal(!unsafe.ok && unsafe.code, 'unsafe_path', name);
  }
  assert.equal(
    inspectZip(buildZip([{ name: 'xl/..hidden.xml', data: Buffer.from('x') }])).ok,
    true,
    '.. inside a name is fine',
  );

  const encrypted = inspectZip(buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('x'), flags: 0x1 }]));
  assert.equal(!encrypted.ok && encrypted.code, 'encrypted');
});

test('not a ZIP, or a broken one: a clear refusal, never a throw', () => {
  const notZip = inspectZip(Buffer.from('名称,住所\n川崎市役所,川崎区宮本町1\n'));
  assert.equal(!notZip.ok && notZip.code, 'not_zip');
  assert.match(!notZip.ok ? notZip.message : '', /Excel（XLSX）ファイルとして読めません/);
  const whole = buildZip(xlsxLike());
  const cut = Buffer.concat([whole.subarray(0, 40), whole.subarray(whole.length - 200)]);
  const broken = inspectZip(cut);
  assert.equal(broken.ok, false);
  assert.ok(!broken.ok && ['broken_zip', 'not_zip'].includes(broken.code));
  for (let i = 0; i < 2000; i++) {
    const junk = Buffer.from(whole);
    junk[Math.floor(Math.random() * junk.length)] = Math.floor(Math.random() * 256);
    const result = inspectZip(junk.subarray(0, Math.floor(Math.random() * junk.length)));
    assert.equal(typeof result.ok, 'boolean');
  }
});
