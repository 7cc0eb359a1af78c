import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { encodeCsvUtf8Bom, encodeShiftJis, toCsv, UnencodableError } from './csv.ts';

test('RFC 4180 quoting with CRLF line ends', () => {
  assert.equal(
    toCsv([
      ['氏名', '備考'],
      ['川崎 花子', 'カンマ,あり'],
      ['"引用"', '改行\nあり'],
      ['CR\rだけ', ' 前後に空白 '],
      [null, 42],
      [undefined, true],
    ]),
    '氏名,備考\r\n' +
      '川崎 花子,"カンマ,あり"\r\n' +
      '"""引用""","改行\nあり"\r\n' +
      '"CR\rだけ"," 前後に空白 "\r\n' +
      ',42\r\n' +
      ',true\r\n',
  );
  assert.equal(toCsv([]), '');
});

test('records with columns: header row first, keys or functions per column', () => {
  const residents = [
    { id: 1, name: '川崎 花子', kana: 'カワサキ\u3000ハナコ', ward: '中原区' },
    { id: 2, name: '幸 太郎', kana: 'サイワイ\u3000タロウ', ward: '幸区' },
  ];
  const csv = toCsv(residents, {
    columns: [
      { header: '番号', value: 'id' },
      { header: '氏名', value: 'name' },
      { header: '住所', value: (r) => `川崎市${r.ward}` },
    ],
  });
  assert.equal(csv, '番号,氏名,住所\r\n1,川崎 花子,川崎市中原区\r\n2,幸 太郎,川崎市幸区\r\n');
  assert.equal(toCsv([], { columns: [{ header: '番号', value: 'id' }] }), '番号\r\n');
});

test('cells Excel would run as formulas are neutralised; numbers are not', () => {
  assert.equal(
    toCsv([['=HYPERLINK("x")', '-5', '+81-44', '@SUM(A1)', '3.14', '-']]),
    `"'=HYPERLINK(""x"")",-5,'+81-44,'@SUM(A1),3.14,'-\r\n`,
  );
  assert.equal(toCsv([['=1+1']], { guardFormulas: false }), '=1+1\r\n');
});

test('UTF-8 starts with the BOM Excel needs', () => {
  const bytes = encodeCsvUtf8Bom('a,あ\r\n');
  assert.deepEqual([...bytes], [0xef, 0xbb, 0xbf, 0x61, 0x2c, 0xe3, 0x81, 0x82, 0x0d, 0x0a]);
  assert.equal(bytes.subarray(3).toString('utf8'), 'a,あ\r\n');
});

test('Shift_JIS keeps what CP932 can hold: 髙 﨑 ① ㈱ Ⅲ ～ － half-width kana', () => {
  const text = '髙橋,神﨑,①,㈱,Ⅲ,～,－,ｱｲｳ,?\r\n';
  const { buffer, unencodable } = encodeShiftJis(text);
  assert.deepEqual(unencodable, []);
  assert.equal(iconv.decode(buffer, 'cp932'), text);
  assert.deepEqual([...encodeShiftJis('髙①').buffer], [0xfb, 0xfc, 0x87, 0x40]);
});

test('JIS look-alikes take their CP932 form, never ?', () => {
  // iconv-lite alone writes '?' for these; encodeShiftJis maps them the way Windows users expect.
  assert.deepEqual([...iconv.encode('〜−', 'cp932')], [0x3f, 0x3f]);
  const { buffer, unencodable } = encodeShiftJis('10〜20,−5,‖,—,¢,£,¬');
  assert.deepEqual(unencodable, []);
  assert.equal(iconv.decode(buffer, 'cp932'), '10～20,－5,∥,―,￠,￡,￢');
  assert.ok(!buffer.includes(0x3f));
  assert.deepEqual([...encodeShiftJis('〜').buffer], [0x81, 0x60]);
  assert.deepEqual([...encodeShiftJis('−').buffer], [0x81, 0x7c]);
  // ¥ is CP932's 0x5C, which Japanese Windows shows as ¥ (it decodes back as a backslash).
  assert.deepEqual([...encodeShiftJis('¥').buffer], [0x5c]);
});

test('characters CP932 cannot hold are reported at their CSV row and column and written as 〓', () => {
  const csv = toCsv([
    ['番号', '氏名', '備考'],
    ['1', '𠮷田 太郎', ''],
    ['2', '川崎 花子', '改行\nのあと😀'],
  ]);
  const { buffer, unencodable } = encodeShiftJis(csv);
  assert.deepEqual(unencodable, [
    { row: 2, column: 2, char: '𠮷', codePoint: 'U+20BB7', writtenAs: '〓' },
    { row: 3, column: 3, char: '😀', codePoint: 'U+1F600', writtenAs: '〓' },
  ]);
  assert.equal(iconv.decode(buffer, 'cp932'), '番号,氏名,備考\r\n1,〓田 太郎,\r\n2,川崎 花子,"改行\nのあと〓"\r\n');
  assert.ok(!buffer.includes(0x3f), 'no silent ?');
});

test('a real ? in the text is kept and not reported, next to one that is', () => {
  const { buffer, unencodable } = encodeShiftJis('本当?,𠮷?');
  assert.deepEqual(unencodable, [{ row: 1, column: 2, char: '𠮷', codePoint: 'U+20BB7', writtenAs: '〓' }]);
  assert.equal(iconv.decode(buffer, 'cp932'), '本当?,〓?');
});

test('a quoted comma does not move the column', () => {
  const { unencodable } = encodeShiftJis(toCsv([['a,b', 'ゔ', '"x",𠮷']]));
  assert.deepEqual(
    unencodable.map((u) => [u.row, u.column, u.char]),
    [
      [1, 2, 'ゔ'],
      [1, 3, '𠮷'],
    ],
  );
});

test('an ideographic variation sequence keeps its base character and is reported', () => {
  const { buffer, unencodable } = encodeShiftJis('葛\u{e0100}飾');
  assert.deepEqual(unencodable, [
    { row: 1, column: 1, char: '葛\u{e0100}', codePoint: 'U+845B U+E0100', writtenAs: '葛' },
  ]);
  assert.equal(iconv.decode(buffer, 'cp932'), '葛飾');
});

test('the replacement is an option and must itself be encodable', () => {
  const { buffer } = encodeShiftJis('𠮷田', { replacement: '■' });
  assert.equal(iconv.decode(buffer, 'cp932'), '■田');
  assert.throws(() => encodeShiftJis('𠮷田', { replacement: '😀' }), /代替文字「😀」も Shift_JIS で表せません/);
});

test("onUnencodable: 'throw' raises an error naming the first cell", () => {
  const csv = toCsv([['氏名'], ['𠮷田 太郎'], ['😀']]);
  assert.throws(
    () => encodeShiftJis(csv, { onUnencodable: 'throw' }),
    (e: unknown) => {
      assert.ok(e instanceof UnencodableError);
      assert.equal(
        e.message,
        'Shift_JIS（CP932）で表せない文字が2個あります（最初は2行目1列目の「𠮷」U+20BB7）。UTF-8で出力してください。',
      );
      assert.equal(e.unencodable.length, 2);
      return true;
    },
  );
  assert.deepEqual(encodeShiftJis('川崎', { onUnencodable: 'throw' }).unencodable, []);
});
