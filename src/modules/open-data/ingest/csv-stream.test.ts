import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CsvParser, type CsvRecord, isFormulaLike, type ParseEvent } from './csv-stream.ts';

interface Parsed {
  records: CsvRecord[];
  events: ParseEvent[];
  out: string;
}

function parse(chunks: string[], limits: Partial<{ cell: number; row: number; columns: number }> = {}): Parsed {
  const records: CsvRecord[] = [];
  const events: ParseEvent[] = [];
  const parser = new CsvParser({
    maxCellChars: limits.cell ?? 32 * 1024,
    maxRowChars: limits.row ?? 1024 * 1024,
    maxColumns: limits.columns ?? 500,
    guardFormulas: true,
    onRecord: (r) => records.push(r),
    onEvent: (e) => events.push(e),
  });
  let out = '';
  for (const chunk of chunks) out += parser.push(chunk);
  out += parser.end();
  return { records, events, out };
}

const rows = (p: Parsed) => p.records.map((r) => r.fields);

test('RFC 4180: quotes, doubled quotes, CRLF, LF, a lone CR, and line breaks inside quotes', () => {
  const text = 'a,b,c\r\n1,"x,y","say ""hi"""\r\n2,"two\r\nlines",\n3,,"last"\r4,end,x';
  const p = parse([text]);
  assert.deepEqual(rows(p), [
    ['a', 'b', 'c'],
    ['1', 'x,y', 'say "hi"'],
    ['2', 'two\r\nlines', ''],
    ['3', '', 'last'],
    ['4', 'end', 'x'],
  ]);
  assert.deepEqual(
    p.records.map((r) => r.row),
    [1, 2, 3, 4, 5],
    'rows are numbered as Excel numbers them: a line break inside quotes does not start a row',
  );
  assert.deepEqual(p.events, []);
  assert.equal(p.out, text, 'the text comes back exactly as it was');
});

test('the same records and text whatever the chunks: split at every position, and one character at a time', () => {
  const text = 'id,"名前","備考"\r\n1,"川崎,""市""","=1+1"\r\n2,-5,"改行\nあり"\r\n3,@x,\t\r\n';
  const whole = parse([text]);
  for (let cut = 0; cut <= text.length; cut++) {
    const split = parse([text.slice(0, cut), text.slice(cut)]);
    assert.deepEqual(rows(split), rows(whole), `cut at ${cut}`);
    assert.equal(split.out, whole.out, `cut at ${cut}`);
    assert.deepEqual(split.events, whole.events, `cut at ${cut}`);
  }
  const single = parse([...text]);
  assert.deepEqual(rows(single), rows(whole));
  assert.equal(single.out, whole.out);
});

test('cells Excel would run as formulas get an apostrophe in the output and are reported; numbers do not', () => {
  const text = 'a,b,c,d\n=SUM(A1),"+cmd|x",-5,"@user"\n-,+81-3-1234-5678,"-1,234.5",+3.5e2\n"\tTAB","\rCR",=,1e5\n';
  const p = parse([text]);
  assert.equal(
    p.out,
    'a,b,c,d\n\'=SUM(A1),"\'+cmd|x",-5,"\'@user"\n-,\'+81-3-1234-5678,"-1,234.5",+3.5e2\n"\'\tTAB","\'\rCR",\'=,1e5\n',
  );
  assert.deepEqual(
    p.events.map((e) => e.kind === 'formula_like' && [e.row, e.column, e.value]),
    [
      [2, 1, '=SUM(A1)'],
      [2, 2, '+cmd|x'],
      [2, 4, '@user'],
      [3, 2, '+81-3-1234-5678'],
      [4, 1, '\tTAB'],
      [4, 2, '\rCR'],
      [4, 3, '='],
    ],
  );
  assert.deepEqual(rows(p)[1], ['=SUM(A1)', '+cmd|x', '-5', '@user'], 'the values themselves are not changed');
  assert.equal(isFormulaLike('-'), false, 'a lone minus is text to Excel (often used for "none")');
  assert.equal(isFormulaLike('-12.5'), false);
  assert.equal(isFormulaLike('-12.5%'), false);
  assert.equal(isFormulaLike('-A1'), true);
  assert.equal(isFormulaLike('plain'), false);
});

test('broken input is reported by row and column, not thrown: stray quotes and an unterminated quote', () => {
  const p = parse(['name,note\nab"c,ok\n"x"y,ok\nlast,"never closed\nmore lines\n']);
  assert.deepEqual(
    p.events.map((e) => [e.kind, e.row, 'column' in e ? e.column : null]),
    [
      ['stray_quote', 2, 1],
      ['stray_quote', 3, 1],
      ['unterminated_quote', 4, 2],
    ],
  );
  assert.deepEqual(rows(p)[1], ['ab"c', 'ok'], 'a stray quote is kept as a character');
  assert.deepEqual(rows(p)[2], ['x"y', 'ok']);
  assert.equal(p.records[1]!.broken, true);
  assert.equal(p.records[3]!.broken, true);
  assert.equal(p.records.length, 4);
});

test('a huge cell is refused without being kept whole, and the reading goes on at the next row', () => {
  const huge = 'x'.repeat(100_000);
  const chunks = ['id,text\n1,"', ...huge.match(/.{1,1000}/g)!, '"\n2,small\n'];
  const p = parse(chunks, { cell: 32 * 1024 });
  assert.deepEqual(
    p.events.map((e) => [e.kind, e.row]),
    [['cell_too_large', 2]],
  );
  assert.deepEqual(p.records[1]!.fields, ['1', ''], 'the huge value is dropped');
  assert.equal(p.records[1]!.broken, true);
  assert.deepEqual(p.records[2]!.fields, ['2', 'small']);
  assert.equal(p.out.length, chunks.join('').length, 'the text is still written out');
});

test('rows too long and rows with too many cells are refused', () => {
  const long = parse([`a,b\n${'x'.repeat(60)},${'y'.repeat(60)}\n1,2\n`], { cell: 100, row: 100 });
  assert.deepEqual(
    long.events.map((e) => [e.kind, e.row]),
    [['row_too_large', 2]],
  );
  assert.deepEqual(long.records[1]!.fields, []);
  assert.deepEqual(long.records[2]!.fields, ['1', '2']);

  const wide = parse(['a,b,c\n1,2,3,4,5,6,7\n'], { columns: 4 });
  assert.deepEqual(
    wide.events.map((e) => [e.kind, e.row]),
    [['too_many_columns', 2]],
  );
  assert.equal(wide.records[1]!.fieldCount, 7, 'the cells are counted even when not kept');
  assert.equal(wide.records[1]!.fields.length, 4);
});

test('control characters are reported; empty lines are records marked blank', () => {
  const p = parse(['a,b\n1,x\u0007y\n\n2,\u0085\n']);
  assert.deepEqual(
    p.events.map((e) => e.kind === 'control_char' && [e.row, e.column, e.char]),
    [
      [2, 2, 7],
      [4, 2, 0x85],
    ],
  );
  assert.equal(p.records[2]!.blank, true);
  assert.equal(p.records[2]!.row, 3);
  assert.equal(parse(['a\n""\n']).records[1]!.blank, false, 'a quoted empty cell is not an empty line');
});

test('the end of input ends the last row, with or without a final line break or a trailing comma', () => {
  assert.deepEqual(rows(parse(['a,b\n1,2'])), [
    ['a', 'b'],
    ['1', '2'],
  ]);
  assert.deepEqual(rows(parse(['a,b\n1,'])), [
    ['a', 'b'],
    ['1', ''],
  ]);
  assert.deepEqual(rows(parse(['a,b\r\n'])), [['a', 'b']]);
  assert.deepEqual(rows(parse([''])), []);
  const formulaAtEnd = parse(['a\n=1', '+2']);
  assert.equal(formulaAtEnd.out, "a\n'=1+2");
});
