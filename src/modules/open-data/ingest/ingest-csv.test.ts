import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { ingestCsv } from './ingest-csv.ts';
import type { IngestReport } from './report.ts';
import { getStandardSchema } from './schemas.ts';
import { collectingSink, csvText, pieces } from './test-support.ts';

const aedColumns = getStandardSchema('aed')!.columns.map((c) => c.name);

function aedRow(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    全国地方公共団体コード: '141305',
    ID: String(n),
    地方公共団体名: '神奈川県川崎市',
    名称: `川崎市立テスト会館${n}`,
    名称_カナ: `カワサキシリツテストカイカン${n}`,
    所在地_連結表記: `神奈川県川崎市中原区小杉町${n}丁目`,
    緯度: '35.5763',
    経度: '139.6595',
    設置位置: '1階正面玄関横',
    電話番号: '044-200-2111',
    利用可能曜日: '月火水木金',
    開始時間: '08:30',
    終了時間: '17:15',
    小児対応設備の有無: '有',
    ...overrides,
  };
}

function aedCsv(rows: Record<string, string>[], columns = aedColumns): string {
  return csvText([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
}

const onlyCodes = (report: IngestReport) => report.issues.map((i) => [i.severity, i.code, i.row, i.column]);

test('a standard AED list in Shift_JIS with one bad row: exactly that row and column, in plain Japanese', async () => {
  const text = aedCsv([aedRow(1), aedRow(2, { 緯度: '北緯35度' }), aedRow(3)]);
  const sink = collectingSink();
  const report = await ingestCsv(pieces(iconv.encode(text, 'cp932'), 7), { standard: 'aed', sink });

  assert.equal(report.ok, false);
  assert.equal(report.encoding, 'shift_jis');
  assert.equal(report.standard, 'aed');
  assert.equal(report.rows, 3);
  assert.deepEqual(onlyCodes(report), [['error', 'invalid_coordinate', 3, '緯度']]);
  assert.equal(
    report.issues[0]!.message,
    '3行目の『緯度』が数値ではありません（入力値: 北緯35度）。半角数字で 35.5308 のように入力してください。',
  );
  assert.equal(report.issues[0]!.value, '北緯35度');
  assert.deepEqual(report.issueCounts, { invalid_coordinate: 1 });
  assert.equal(report.latColumn, '緯度');
  assert.equal(report.lonColumn, '経度');
  assert.equal(report.columns.find((c) => c.name === '緯度')?.type, 'latitude');
  assert.equal(report.columns.find((c) => c.name === '開始時間')?.type, 'time');
  assert.equal(report.summary, 'Shift_JISのCSV（3行・36列）を確認し、直す必要のある誤りが1件見つかりました。');

  const written = sink.bytes();
  assert.deepEqual([...written.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM, for Excel');
  assert.equal(written.subarray(3).toString('utf8'), text, 'the same text, now in UTF-8');
});

test('the fixed file passes and its rows arrive in batches of consecutive rows keyed by heading', async () => {
  const rows = Array.from({ length: 2500 }, (_, i) => aedRow(i + 1));
  const batches: [number, number, Record<string, string>][] = [];
  const report = await ingestCsv(pieces(Buffer.from(aedCsv(rows)), 4096), {
    standard: 'aed',
    onRows: async (batch, firstRowNo) => {
      await new Promise((resolve) => setImmediate(resolve));
      batches.push([firstRowNo, batch.length, batch[0]!]);
    },
  });
  assert.equal(report.ok, true, JSON.stringify(report.issues.slice(0, 3)));
  assert.equal(report.rows, 2500);
  assert.equal(report.summary, 'UTF-8のCSV（2,500行・36列）を確認し、問題は見つかりませんでした。');
  assert.deepEqual(
    batches.map(([first, count]) => [first, count]),
    [
      [2, 1000],
      [1002, 1000],
      [2002, 500],
    ],
  );
  assert.equal(batches[0]![2].名称, '川崎市立テスト会館1');
  assert.equal(batches[2]![2].ID, '2001');
});

test('older 推奨データセット headings are understood, missing and unknown columns are named', async () => {
  const report = await ingestCsv(
    pieces(
      Buffer.from(
        csvText([
          ['全国地方公共団体コード', '名称', '住所', '緯度', '経度', 'メモ'],
          ['141305', '会館', '川崎市', '35.5', '139.6', ''],
        ]),
      ),
    ),
    { standard: 'aed' },
  );
  assert.deepEqual(onlyCodes(report), [
    ['error', 'missing_column', 1, '設置位置'],
    ['warning', 'legacy_column', 1, '住所'],
    ['warning', 'unknown_column', 1, 'メモ'],
  ]);
  assert.match(report.issues[0]!.message, /『AED設置箇所一覧』に必要な項目『設置位置』の列がありません/);
  assert.match(report.issues[1]!.message, /現在の項目名『所在地_連結表記』として確認しました/);
});

test('each kind of value problem is reported at its cell with what to type instead', async () => {
  const text = aedCsv([
    aedRow(1, { 全国地方公共団体コード: '11002', 開始時間: '8時半', 小児対応設備の有無: 'あり', 名称: '' }),
    aedRow(2, { 緯度: '139.6595', 経度: '35.5763' }),
    aedRow(3, { 緯度: '-33.86', 経度: '151.2' }),
    aedRow(4, { 電話番号: '044(200)2111', 設置位置: '=HYPERLINK("http://example.com","AED")' }),
  ]);
  const report = await ingestCsv(pieces(Buffer.from(text)), { standard: 'aed' });
  assert.deepEqual(onlyCodes(report), [
    ['error', 'invalid_local_government_code', 2, '全国地方公共団体コード'],
    ['error', 'required_value', 2, '名称'],
    ['error', 'not_time', 2, '開始時間'],
    ['error', 'not_code', 2, '小児対応設備の有無'],
    ['error', 'coordinate_out_of_range', 3, '緯度'],
    ['warning', 'outside_japan', 4, '緯度'],
    ['warning', 'formula_like', 5, '設置位置'],
    ['warning', 'phone_format', 5, '電話番号'],
  ]);
  const message = (code: string) => report.issues.find((i) => i.code === code)!.message;
  assert.match(message('invalid_local_government_code'), /5桁です（入力値: 11002）。.*011002 ではありませんか/);
  assert.equal(message('required_value'), '2行目の『名称』が空欄です。この項目は必ず入力してください。');
  assert.match(message('not_code'), /「有」「無」のどれかを入力してください/);
  assert.match(message('coordinate_out_of_range'), /緯度と経度が入れ替わっていないか確認してください/);
});

test('without a standard, types are inferred; codes with leading zeros stay text; coordinates found by name', async () => {
  const text = csvText([
    ['施設名', '郵便番号', '定員', '面積', '開設日', '開館', 'Latitude', 'Longitude', '備考'],
    ['中原図書館', '2110004', '120', '1523.5', '2013-04-01', '09:30', '35.5763', '139.6595', ''],
    ['幸図書館', '2120016', '80', '800', '2001-10-01', '10:00', '35.5456', '139.6977', 'なし'],
  ]);
  const report = await ingestCsv(pieces(Buffer.from(text)));
  assert.equal(report.ok, true);
  assert.deepEqual(
    report.columns.map((c) => c.type),
    ['text', 'integer', 'integer', 'number', 'date', 'time', 'latitude', 'longitude', 'text'],
  );
  assert.equal(report.latColumn, 'Latitude');
  assert.equal(report.lonColumn, 'Longitude');

  const leadingZero = await ingestCsv(pieces(Buffer.from('code,name\n011002,札幌市\n131016,千代田区\n')));
  assert.equal(leadingZero.columns[0]!.type, 'text');

  const unreadable = await ingestCsv(pieces(Buffer.from('名称,緯度,経度\nA,35.5,139.6\nB,不明,139.6\n')));
  assert.equal(unreadable.ok, true, 'without a standard, a bad coordinate is a warning');
  assert.deepEqual(onlyCodes(unreadable), [['warning', 'unreadable_coordinate', 3, '緯度']]);
  assert.equal(unreadable.latColumn, null, 'no map from a column that is not all coordinates');
});

test('broken CSVs: wrong cell counts, unterminated quotes, empty and repeated headings, blank rows', async () => {
  const rows: Record<string, string>[] = [];
  const report = await ingestCsv(pieces(Buffer.from('id,name,,name\n1,a,b,c\n2,a,b\n\n3,"a,b\n4,x,y,z\n\n\n')), {
    onRows: async (batch) => void rows.push(...batch),
  });
  assert.deepEqual(onlyCodes(report), [
    ['error', 'empty_header', 1, null],
    ['error', 'duplicate_header', 1, 'name'],
    ['error', 'column_count', 3, null],
    ['error', 'unterminated_quote', 5, 'name'],
    ['warning', 'empty_row', 4, null],
  ]);
  assert.match(report.issues[2]!.message, /3行目の項目の数（3個）が、1行目（見出し）の項目の数（4個）と合いません/);
  assert.equal(report.ok, false);
  assert.deepEqual(
    rows.map((r) => r.id),
    ['1'],
    'rows broken in form are not handed over; the unterminated quote swallowed the rest',
  );
  assert.deepEqual(Object.keys(rows[0]!), ['id', 'name', '3列目', 'name（4列目）']);

  const trailing = await ingestCsv(pieces(Buffer.from('a,b\n1,2\n\n,\n\n')));
  assert.deepEqual(trailing.issues, [], 'blank rows at the end are not worth a warning');
  assert.equal(trailing.rows, 1);
});

test('a huge cell is refused in bounded memory, the rest of the file still checked', async () => {
  const huge = 'あ'.repeat(200_000);
  const text = `id,text\n1,"${huge}"\n2,"${'=1+1'}"\n3,ok\n`;
  const rows: string[] = [];
  const sink = collectingSink();
  const report = await ingestCsv(pieces(Buffer.from(text), 1000), {
    sink,
    onRows: async (batch) => void rows.push(...batch.map((r) => r.id!)),
  });
  assert.deepEqual(onlyCodes(report), [
    ['error', 'cell_too_large', 2, 'text'],
    ['warning', 'formula_like', 3, 'text'],
  ]);
  assert.match(report.issues[0]!.message, /2行目の『text』が長すぎます（1つの欄に32,768文字まで）/);
  assert.deepEqual(rows, ['2', '3']);
  assert.equal(sink.bytes().subarray(3).toString('utf8'), text.replace('"=1+1"', '"\'=1+1"'));
});

test('formula-like cells: an apostrophe in the file for Excel, the value unchanged for the datastore', async () => {
  const text = csvText([
    ['名称', '備考', '電話'],
    ['=cmd|"/c calc"!A1', '@SUM(1)', '+81-44-200-2111'],
    ['-', '-12.5', '普通の値'],
  ]);
  const sink = collectingSink();
  const rows: Record<string, string>[] = [];
  const report = await ingestCsv(pieces(Buffer.from(text), 5), { sink, onRows: async (b) => void rows.push(...b) });
  assert.equal(report.ok, true, 'a warning, not an error');
  assert.deepEqual(
    report.issues.map((i) => [i.code, i.row, i.column, i.value]),
    [
      ['formula_like', 2, '名称', '=cmd|"/c calc"!A1'],
      ['formula_like', 2, '備考', '@SUM(1)'],
      ['formula_like', 2, '電話', '+81-44-200-2111'],
    ],
  );
  assert.match(report.issues[0]!.message, /「=」で始まっているため、Excelで開くと数式として動くおそれがあります/);
  assert.equal(
    sink.bytes().subarray(3).toString('utf8'),
    '名称,備考,電話\r\n"\'=cmd|""/c calc""!A1",\'@SUM(1),\'+81-44-200-2111\r\n-,-12.5,普通の値\r\n',
  );
  assert.equal(rows[0]!.名称, '=cmd|"/c calc"!A1');
});

test('files that are not CSVs give a report with ok=false, never a throw', async () => {
  const cases: [Uint8Array, string][] = [
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]), 'not_csv'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'not_csv'],
    [Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'utf16'],
    [Buffer.from('a,b\n1,\u0000\n'), 'binary_file'],
    [Buffer.alloc(0), 'empty_file'],
    [Buffer.from([0xef, 0xbb, 0xbf]), 'empty_file'],
  ];
  for (const [bytes, code] of cases) {
    const report = await ingestCsv(pieces(bytes));
    assert.equal(report.ok, false, code);
    assert.deepEqual(onlyCodes(report), [['error', code, null, null]]);
    assert.match(report.summary, /^このファイルはCSVとして読み込めませんでした（.+）。$/);
  }
  const zip = await ingestCsv(pieces(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])));
  assert.match(
    zip.issues[0]!.message,
    /Excel（XLSX）などのZIP形式のファイルで、CSVではありません。Excelで「CSV UTF-8（コンマ区切り）」形式を選んで保存し直してください。/,
  );
});

test('a file larger than the limit, a source that fails, and a file that changes encoding stop with a report', async () => {
  const big = await ingestCsv(pieces(Buffer.from(`a,b\n${'1,2\n'.repeat(1000)}`), 100), { limits: { maxBytes: 1000 } });
  assert.deepEqual(onlyCodes(big), [['error', 'file_too_large', null, null]]);
  assert.ok(big.bytes > 1000 && big.bytes < 4004, 'reading stops soon after the limit');

  async function* failing() {
    yield Buffer.from('a,b\n1,2\n');
    throw new Error('connection reset');
  }
  const failed = await ingestCsv(failing());
  assert.deepEqual(onlyCodes(failed), [['error', 'read_failed', null, null]]);

  const head = `名称,住所\r\n${'川崎市役所,神奈川県川崎市川崎区宮本町1\r\n'.repeat(300)}`;
  const mixed = await ingestCsv(
    pieces(
      Buffer.concat([
        iconv.encode(head, 'cp932'),
        Buffer.from('中原区役所,神奈川県川崎市中原区小杉町3-245\r\n'.repeat(5)),
      ]),
      8192,
    ),
  );
  assert.deepEqual(onlyCodes(mixed), [['error', 'encoding_changed', null, null]]);
  assert.match(
    mixed.issues[0]!.message,
    /ファイルの途中（302行目あたり）から、文字コードがShift_JISからUTF-8に変わっています/,
  );
});

test('an error thrown by onRows is the caller’s and is passed on', async () => {
  await assert.rejects(
    ingestCsv(pieces(Buffer.from('a\n1\n')), {
      onRows: async () => {
        throw new Error('database is down');
      },
    }),
    /database is down/,
  );
});

test('a slow sink is waited for, and a file stream works as the source', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ingest-test-'));
  try {
    const text = aedCsv(Array.from({ length: 3000 }, (_, i) => aedRow(i + 1)));
    const file = path.join(dir, 'aed.csv');
    await writeFile(file, iconv.encode(text, 'cp932'));
    const sink = collectingSink({ slow: true });
    const report = await ingestCsv(createReadStream(file, { highWaterMark: 16 * 1024 }), { standard: 'aed', sink });
    assert.equal(report.ok, true);
    assert.equal(report.rows, 3000);
    assert.equal(sink.bytes().subarray(3).toString('utf8'), text);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('only the first 500 issues are listed, errors before warnings, all of them counted', async () => {
  const rows = Array.from({ length: 800 }, (_, i) => aedRow(i + 1, { 備考: `=${i}`, 緯度: i >= 400 ? 'x' : '35.5' }));
  const report = await ingestCsv(pieces(Buffer.from(aedCsv(rows))), { standard: 'aed' });
  assert.equal(report.issues.length, 500);
  assert.equal(report.truncated, true);
  assert.deepEqual(report.issueCounts, { formula_like: 800, invalid_coordinate: 400 });
  assert.deepEqual(
    report.issues.slice(398, 402).map((i) => i.code),
    ['invalid_coordinate', 'invalid_coordinate', 'formula_like', 'formula_like'],
  );
});

test('fuzz: thousands of random and half-CSV inputs never throw and always give a sound report', async () => {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const alphabet = [...'ab1,,,"""\r\n\n=-+@\t']
    .map((c) => c.charCodeAt(0))
    .concat([0x82, 0xa0, 0xe3, 0x81, 0xef, 0xbb, 0xbf, 0x00, 0xff, 0x8e]);
  for (let round = 0; round < 3000; round++) {
    const length = Math.floor(random() * 300);
    const structured = round % 2 === 0;
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
      bytes[i] = structured ? alphabet[Math.floor(random() * alphabet.length)]! : Math.floor(random() * 256);
    }
    const size = 1 + Math.floor(random() * 40);
    const report = await ingestCsv(pieces(bytes, size), {
      standard: round % 3 === 0 ? 'aed' : null,
      sink: collectingSink(),
      onRows: async () => undefined,
      limits: { maxCellChars: 50, maxRowChars: 120, maxColumns: 20 },
    });
    assert.equal(typeof report.ok, 'boolean');
    assert.equal(
      report.ok,
      report.issues.every((i) => i.severity === 'warning'),
    );
    assert.ok(report.issues.length <= 500);
    assert.equal(report.bytes, length);
    assert.equal(typeof report.summary, 'string');
    for (const issue of report.issues) assert.ok(issue.message.length > 0 && (issue.value ?? '').length <= 100);
  }
});
