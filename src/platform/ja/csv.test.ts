import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { encodeShiftJis, encodeUtf8WithBom, toCsv, UnencodableError } from './csv.ts';

test('RFC 4180 quoting with CRLF line ends', () => {
  assert.equal(
    toCsv([
      ['氏名', '備考'],
      ['川崎 花子', 'カンマ,あり'],
      ['"引用"', '改行\nあり'],
      [null, 42],
    ]),
    '氏名,備考\r\n川崎 花子,"カンマ,あり"\r\n"""引用""","改行\nあり"\r\n,42\r\n',
  );
});

test('cells Excel would run as formulas are neutralised, numbers are not', () => {
  assert.equal(
    toCsv([['=HYPERLINK("x")', '-5', '+81-44', '@SUM(A1)']]),
    `"'=HYPERLINK(""x"")",-5,'+81-44,'@SUM(A1)\r\n`,
  );
  assert.equal(toCsv([['=1+1']], { guardFormulas: false }), '=1+1\r\n');
});

test('UTF-8 starts with the BOM Excel needs', () => {
  const bytes = encodeUtf8WithBom('a,あ\r\n');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.subarray(3).toString('utf8'), 'a,あ\r\n');
});

test('Shift_JIS keeps what CP932 can hold, including 髙 ① ㈱ and half-width kana', () => {
  const text = '髙橋,①,㈱,ｱ,～\r\n';
  const { buffer, unencodable } = encodeShiftJis(text);
  assert.deepEqual(unencodable, []);
  assert.equal(iconv.decode(buffer, 'cp932'), text);
});

test('JIS forms Windows shows differently are converted, never turned into ?', () => {
  const { buffer, unencodable } = encodeShiftJis('10〜20 −5');
  assert.deepEqual(unencodable, []);
  assert.equal(iconv.decode(buffer, 'cp932'), '10～20 －5');
  assert.ok(!buffer.includes(0x3f));
});

test('characters CP932 cannot hold are reported with their place and written as 〓', () => {
  const csv = toCsv([['氏名'], ['𠮷田 太郎'], ['😀']]);
  const { buffer, unencodable } = encodeShiftJis(csv);
  assert.deepEqual(unencodable, [
    { line: 2, column: 1, char: '𠮷', codePoint: 'U+20BB7' },
    { line: 3, column: 1, char: '😀', codePoint: 'U+1F600' },
  ]);
  assert.equal(iconv.decode(buffer, 'cp932'), '氏名\r\n〓田 太郎\r\n〓\r\n');
  assert.ok(!buffer.includes(0x3f), 'no silent ?');
  assert.throws(
    () => encodeShiftJis(csv, { onUnencodable: 'throw' }),
    (e: unknown) => {
      assert.ok(e instanceof UnencodableError);
      assert.match(e.message, /2 行 1 文字目の「𠮷」U\+20BB7/);
      return true;
    },
  );
});
