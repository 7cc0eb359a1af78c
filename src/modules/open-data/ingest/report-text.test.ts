import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestCsv } from './ingest-csv.ts';
import { summariseIssues, truncationNote } from './report-text.ts';
import { pieces } from './test-support.ts';

test('issues grouped by column and kind with their rows, errors first', async () => {
  const header = '全国地方公共団体コード,名称,所在地_連結表記,設置位置,緯度,経度,備考';
  const row = (n: number) => {
    const lat = n === 3 ? '北緯35度' : n === 8 ? '?' : n === 12 ? '三十五' : '35.5';
    return `141305,会館${n},川崎市,玄関,${lat},139.6,${n === 2 ? '=1' : ''}`;
  };
  const csv = [header, ...Array.from({ length: 11 }, (_, i) => row(i + 2))].join('\n');
  const report = await ingestCsv(pieces(Buffer.from(csv)), { standard: 'aed' });
  assert.deepEqual(
    summariseIssues(report).map((g) => g.text),
    [
      '『緯度』列: 3件 数値ではありません（3行目, 8行目, 12行目）',
      '『備考』列: 1件 Excelで数式として動くおそれがあります（2行目）',
    ],
  );
  assert.deepEqual(summariseIssues(report)[0]!.rows, [3, 8, 12]);
  assert.equal(truncationNote(report), null);
});

test('a long list of rows is shortened, and a truncated report says how many there are in all', async () => {
  const lines = ['名称,緯度,経度', ...Array.from({ length: 30 }, (_, i) => `X${i},x,139.6`)];
  const report = await ingestCsv(pieces(Buffer.from(lines.join('\n'))), { limits: { maxIssues: 12 } });
  const [group] = summariseIssues(report);
  assert.equal(group!.count, 12);
  assert.equal(
    group!.text,
    '『緯度』列: 12件 位置として読めません（2行目, 3行目, 4行目, 5行目, 6行目, 7行目, 8行目, 9行目, 10行目, 11行目、ほか）',
  );
  assert.equal(truncationNote(report), '問題は全部で30件あり、この一覧には最初の12件を載せています。');
});
