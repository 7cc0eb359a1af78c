import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import {
  CsvDecoder,
  type DecodedChunk,
  type DecoderStop,
  decodeShiftJis,
  detectEncoding,
  type TextMark,
} from './encoding.ts';

const japanese = '名称,所在地_連結表記,緯度\r\n川崎市役所,神奈川県川崎市川崎区宮本町1,35.5308\r\n';

/** Decodes bytes fed in the given piece size; returns the text, the marks (offsets into the whole text) and any stop. */
function decodeAll(bytes: Uint8Array, size = bytes.length || 1) {
  const decoder = new CsvDecoder();
  let text = '';
  const marks: TextMark[] = [];
  let stop: DecoderStop | null = null;
  const take = (r: DecodedChunk | DecoderStop) => {
    if ('code' in r) {
      stop = r;
      return;
    }
    for (const m of r.marks) marks.push({ ...m, offset: m.offset + text.length });
    text += r.text;
  };
  for (let i = 0; i < bytes.length && !stop; i += size) take(decoder.write(bytes.subarray(i, i + size)));
  if (!stop) take(decoder.end());
  return { text, marks, stop: stop as DecoderStop | null, encoding: decoder.reported };
}

test('UTF-8 with a BOM, UTF-8 without, and Shift_JIS (CP932) are told apart and read back exactly', () => {
  const bom = decodeAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(japanese)]));
  assert.equal(bom.encoding, 'utf-8-bom');
  assert.equal(bom.text, japanese, 'the BOM is not part of the text');

  const utf8 = decodeAll(Buffer.from(japanese));
  assert.equal(utf8.encoding, 'utf-8');
  assert.equal(utf8.text, japanese);

  const sjis = decodeAll(iconv.encode(japanese, 'cp932'));
  assert.equal(sjis.encoding, 'shift_jis');
  assert.equal(sjis.text, japanese);
  assert.deepEqual(sjis.marks, []);

  assert.equal(detectEncoding(iconv.encode(japanese, 'cp932')), 'shift_jis');
  assert.equal(detectEncoding(Buffer.from(japanese)), 'utf-8');
  assert.equal(detectEncoding(Buffer.from('id,name\n1,a\n')), 'utf-8', 'ASCII alone reads as UTF-8');
});

test('a file read a byte at a time decodes the same as read whole (characters split across chunks)', () => {
  const text = `${'番号,名前\r\n'}${'1,ｶﾞｰﾃﾞﾝ㈱髙橋①～\r\n'.repeat(20)}`;
  for (const bytes of [iconv.encode(text, 'cp932'), Buffer.from(text)]) {
    for (const size of [1, 2, 3, 7, 64]) {
      const r = decodeAll(bytes, size);
      assert.equal(r.text, text, `piece size ${size}`);
      assert.equal(r.stop, null);
    }
  }
});

test('the choice waits for the first non-ASCII bytes, however far into the file they are', () => {
  const ascii = `id,name\r\n${'1,abc\r\n'.repeat(50_000)}`;
  const text = `${ascii}2,川崎市中原区小杉町三丁目\r\n`;
  const r = decodeAll(iconv.encode(text, 'cp932'), 64 * 1024);
  assert.equal(r.encoding, 'shift_jis');
  assert.equal(r.text, text);
});

test('CP932 as Windows maps it: 0x8160 is ～ (FULLWIDTH TILDE), which goes back to the same bytes', () => {
  const r = decodeAll(
    Buffer.from([0x31, 0x30, 0x81, 0x60, 0x32, 0x30, 0x0d, 0x0a].concat([...iconv.encode('時間', 'cp932')])),
  );
  assert.equal(r.text, '10～20\r\n時間');
  assert.deepEqual(r.marks, [], 'no warning: the character round-trips');
});

test('NEC and IBM duplicate codes that come back as other bytes, and 外字, are marked where they are', () => {
  // ED40 is 纊 from NEC's selection of IBM extensions (Windows writes FA5C); 8790 is ≒ from NEC row 13
  // (Windows writes 81E0); EEEF is ⅰ from NEC's selection (FA40); F040 is the first user-defined 外字.
  const bytes = Buffer.concat([
    iconv.encode('名前\r\n', 'cp932'),
    Buffer.from([0xed, 0x40, 0x2c, 0x87, 0x90, 0x2c, 0xee, 0xef, 0x2c, 0xfa, 0x40, 0x2c, 0xf0, 0x40]),
    iconv.encode('あいうえおかきくけこさしすせそたちつてと', 'cp932'),
  ]);
  const r = decodeAll(bytes);
  assert.equal(r.encoding, 'shift_jis');
  assert.deepEqual(
    r.marks.map((m) => [m.kind, m.bytes, m.char]),
    [
      ['not_round_trip', 'ED 40', '纊'],
      ['not_round_trip', '87 90', '≒'],
      ['not_round_trip', 'EE EF', 'ⅰ'],
      ['private_use_char', 'F0 40', '\ue000'],
    ],
    'FA40 (ⅰ as Windows writes it) round-trips and is not marked',
  );
  assert.equal(r.text.slice(r.marks[0]!.offset, r.marks[0]!.offset + 1), '纊', 'offsets point at the characters');
});

test('bytes CP932 cannot read are marked, and an ASCII byte after a lone lead byte is kept', () => {
  const bytes = Buffer.concat([
    iconv.encode('名称,備考\r\nあいうえおかきくけこさしすせそたちつてと,', 'cp932'),
    Buffer.from([0x81, 0x20, 0xff, 0x41]),
  ]);
  const r = decodeAll(bytes);
  assert.equal(r.encoding, 'shift_jis');
  assert.ok(r.text.endsWith('\ufffd \ufffdA'));
  assert.deepEqual(
    r.marks.map((m) => [m.kind, m.bytes]),
    [
      ['invalid_bytes', '81'],
      ['invalid_bytes', 'FF'],
    ],
  );
  const shiftJis = decodeShiftJis(Buffer.from([0x82, 0xa0, 0x82]));
  assert.equal(shiftJis.text, 'あ\ufffd', 'a lead byte at the very end is not a character');
});

test('bytes UTF-8 cannot read, in a file that is UTF-8, are marked where they are', () => {
  const bytes = Buffer.concat([Buffer.from('名称,備考\n川崎,'), Buffer.from([0xe3, 0x81]), Buffer.from(',ok\n')]);
  const r = decodeAll(bytes);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.stop, null);
  assert.deepEqual(
    r.marks.map((m) => m.kind),
    ['invalid_bytes'],
  );
  assert.equal(r.text.slice(r.marks[0]!.offset, r.marks[0]!.offset + 1), '\ufffd');
});

test('a file that changes encoding part-way stops there instead of turning the rest into mojibake', () => {
  const head = `名称,住所\r\n${'川崎市役所,神奈川県川崎市川崎区宮本町1\r\n'.repeat(200)}`;
  const tail = '中原区役所,神奈川県川崎市中原区小杉町3-245\r\n'.repeat(10);
  const sjisThenUtf8 = decodeAll(Buffer.concat([iconv.encode(head, 'cp932'), Buffer.from(tail)]), 4096);
  assert.equal(sjisThenUtf8.stop?.code, 'encoding_changed');
  assert.equal(
    sjisThenUtf8.text + (sjisThenUtf8.stop as { text: string }).text,
    head,
    'everything before the change is read',
  );
  assert.ok(!(sjisThenUtf8.stop as { text: string }).text.includes('\ufffd'));

  const utf8ThenSjis = decodeAll(Buffer.concat([Buffer.from(head), iconv.encode(tail, 'cp932')]), 4096);
  assert.equal(utf8ThenSjis.stop?.code, 'encoding_changed');
  assert.equal(utf8ThenSjis.text + (utf8ThenSjis.stop as { text: string }).text, head);
});

test('files that are not text are stopped at once: binary, ZIP (XLSX), old Excel, PDF, UTF-16, images', () => {
  const cases: [number[], string, string][] = [
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'not_csv', 'zip'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], 'not_csv', 'xls'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'not_csv', 'pdf'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'not_csv', 'image'],
    [[0xff, 0xfe, 0x41, 0x00, 0x42, 0x00], 'utf16', 'utf-16'],
    [[0x61, 0x2c, 0x62, 0x00, 0x63], 'binary_file', 'nul'],
  ];
  for (const [bytes, code, detail] of cases) {
    const r = decodeAll(Buffer.from(bytes));
    assert.equal(r.stop?.code, code, detail);
    assert.equal((r.stop as { detail: string }).detail, detail);
  }
});
