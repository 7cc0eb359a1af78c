// `npm run bench -- big-csv`: a 1 GiB upload (BIG_CSV_BYTES) of an AED list as Excel saves it on a Japanese
// PC (Shift_JIS, CRLF), checked against the standard and converted to UTF-8 with a BOM in one streaming
// pass from a file to a file: wall seconds and peak memory (RSS sampled every 50 ms, and the kernel's own
// high-water mark VmHWM, reset just before). Next to it, the machine's floor in the same run: a plain
// streaming copy of the same file, read and written, which any conversion must at least do.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { ingestCsv } from '../src/modules/open-data/ingest/index.ts';
import { getStandardSchema } from '../src/modules/open-data/ingest/schemas.ts';

const targetBytes = Number(process.env.BIG_CSV_BYTES ?? 1024 ** 3);
/** Both runs read the file in 1 MiB chunks (the default 64 KiB makes both pay more for the same bytes). */
const readChunk = 1024 * 1024;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Synthetic places in Kawasaki's seven wards (no real facility is meant).
const wards = [
  ['川崎区', 'カワサキク', '141321'],
  ['幸区', 'サイワイク', '141330'],
  ['中原区', 'ナカハラク', '141348'],
  ['高津区', 'タカツク', '141356'],
  ['宮前区', 'ミヤマエク', '141372'],
  ['多摩区', 'タマク', '141364'],
  ['麻生区', 'アサオク', '141381'],
] as const;
const kinds = [
  ['市民館', 'シミンカン'],
  ['図書館', 'トショカン'],
  ['小学校', 'ショウガッコウ'],
  ['中学校', 'チュウガッコウ'],
  ['こども文化センター', 'コドモブンカセンター'],
  ['スポーツセンター', 'スポーツセンター'],
  ['老人いこいの家', 'ロウジンイコイノイエ'],
  ['保育園', 'ホイクエン'],
  ['ｺﾐｭﾆﾃｨﾎｰﾙ', 'コミュニティホール'],
] as const;
const towns = ['小杉町', '宮本町', '新丸子町', '溝口', '宮崎', '登戸', '上麻生', '鹿島田', '日吉', '髙津'];
const places = [
  '1階正面玄関横',
  '2階事務室前',
  '体育館入口',
  '"玄関ホール,東側"',
  '受付カウンター内',
  '"職員室前（""AED""の表示あり）"',
];
const days = ['月火水木金', '月火水木金土', '毎日', '火水木金土日'];

/** Rows as templates: the part before the ID, the part between ID and coordinates, and the rest. */
function rowTemplates(count: number): { middle: Buffer; tail: Buffer }[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const columns = getStandardSchema('aed')!.columns.map((c) => c.name);
  // Columns after 経度, in the standard's order: filled as a city would fill them.
  const afterLongitude = columns.slice(columns.indexOf('経度') + 1);
  return Array.from({ length: count }, (_, i) => {
    const [ward, wardKana, wardCode] = pick(wards);
    const [kind, kindKana] = pick(kinds);
    const town = pick(towns);
    const chome = 1 + Math.floor(next() * 5);
    const name = `${ward.slice(0, -1)}${kind}${i % 97}`;
    const kana = `${wardKana.slice(0, -1)}${kindKana}${i % 97}`;
    const banchi = `${1 + Math.floor(next() * 30)}-${1 + Math.floor(next() * 20)}`;
    const address = `神奈川県川崎市${ward}${town}${chome}丁目${banchi}`;
    const middle = `,神奈川県川崎市,${name},${kana},,${wardCode},,${address},神奈川県,川崎市${ward},${town}${chome}丁目,${banchi},,`;
    const values: Record<string, string> = {
      設置位置: pick(places),
      高度の種別: '階数',
      高度の値: String(1 + Math.floor(next() * 3)),
      電話番号: `044-${200 + Math.floor(next() * 700)}-${String(Math.floor(next() * 10000)).padStart(4, '0')}`,
      郵便番号: `21${Math.floor(next() * 10)}-${String(Math.floor(next() * 10000)).padStart(4, '0')}`,
      利用可能曜日: pick(days),
      開始時間: pick(['08:30', '09:00', '10:00']),
      終了時間: pick(['17:15', '21:00', '22:00']),
      利用可能日時特記事項: next() < 0.2 ? '年末年始（12/29～1/3）は利用できません' : '',
      小児対応設備の有無: next() < 0.5 ? '有' : '無',
      備考: i % 500 === 0 ? '=別紙参照' : '',
    };
    const tail = `,${afterLongitude.map((c) => values[c] ?? '').join(',')}\r\n`;
    return { middle: iconv.encode(middle, 'cp932'), tail: iconv.encode(tail, 'cp932') };
  });
}

/** Writes the CSV in Shift_JIS to `file` as a stream, stopping before `bytes`; returns bytes and data rows. */
async function generate(file: string, bytes: number): Promise<{ bytes: number; rows: number }> {
  const templates = rowTemplates(1000);
  const next = random(7);
  const out = createWriteStream(file);
  const header = iconv.encode(
    `${getStandardSchema('aed')!
      .columns.map((c) => c.name)
      .join(',')}\r\n`,
    'cp932',
  );
  const code = Buffer.from('141305,');
  let written = 0;
  let rows = 0;
  let batch = Buffer.allocUnsafe(4 * 1024 * 1024);
  let used = 0;
  const flush = async (stream: WriteStream) => {
    if (used === 0) return;
    if (!stream.write(batch.subarray(0, used)))
      await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    batch = Buffer.allocUnsafe(batch.length);
    used = 0;
  };
  const put = (b: Buffer) => {
    b.copy(batch, used);
    used += b.length;
  };
  put(header);
  written += header.length;
  while (true) {
    const t = templates[rows % templates.length]!;
    const coordinates = `${(35.52 + next() * 0.12).toFixed(6)},${(139.46 + next() * 0.25).toFixed(6)}`;
    const id = String(rows + 1);
    const size = code.length + id.length + t.middle.length + coordinates.length + t.tail.length;
    if (written + size > bytes) break;
    if (used + size > batch.length) await flush(out);
    put(code);
    used += batch.write(id, used, 'latin1');
    put(t.middle);
    used += batch.write(coordinates, used, 'latin1');
    put(t.tail);
    written += size;
    rows++;
  }
  await flush(out);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { bytes: written, rows };
}

async function highWaterMarkKb(): Promise<number | null> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Resets the kernel's peak-RSS counter (Linux: writing 5 to clear_refs), so VmHWM covers what follows. */
async function resetHighWaterMark(): Promise<boolean> {
  try {
    await writeFile('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  globalThis.gc?.();
  const reset = await resetHighWaterMark();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    const hwm = reset ? await highWaterMarkKb() : null;
    const peakRssMb = Math.max(peak / 1024 ** 2, hwm !== null ? hwm / 1024 : 0);
    return { value, seconds, peakRssMb };
  } finally {
    clearInterval(sampler);
  }
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

export async function run() {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-big-csv-'));
  const source = path.join(dir, 'aed-sjis.csv');
  try {
    process.stderr.write(`${targetBytes.toLocaleString()} バイトの Shift_JIS CSV を作っています…\n`);
    const generated = await generate(source, targetBytes);

    // The floor: the same bytes read and written, nothing else.
    const copy = path.join(dir, 'copy.csv');
    const copied = await timed(() =>
      pipeline(createReadStream(source, { highWaterMark: readChunk }), createWriteStream(copy)),
    );
    await rm(copy);

    const converted = path.join(dir, 'aed-utf8.csv');
    const ingested = await timed(async () => {
      const sink = createWriteStream(converted);
      const report = await ingestCsv(createReadStream(source, { highWaterMark: readChunk }), { standard: 'aed', sink });
      await finished(sink);
      return report;
    });
    const report = ingested.value;
    if (!report.ok || report.rows !== generated.rows || report.encoding !== 'shift_jis') {
      throw new Error(
        `the check did not pass as expected: ${JSON.stringify({ ...report, issues: report.issues.slice(0, 5) })}`,
      );
    }
    const outputBytes = (await stat(converted)).size;
    process.stderr.write(
      `変換後 ${outputBytes.toLocaleString()} バイト（UTF-8）、注意 ${report.issues.length} 件（数式のような値）。` +
        `${round(generated.bytes / 1024 ** 2 / ingested.seconds, 1)} MB/秒、コピーは ${round(generated.bytes / 1024 ** 2 / copied.seconds, 1)} MB/秒。\n`,
    );
    return {
      bytes: generated.bytes,
      seconds: round(ingested.seconds, 2),
      peak_rss_mb: round(ingested.peakRssMb, 1),
      copy_seconds: round(copied.seconds, 2),
      rows: report.rows,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
