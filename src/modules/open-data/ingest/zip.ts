// A look inside a ZIP (an XLSX is one) without decompressing anything: only the central directory and the
// local headers are read. Refused, with a message a non-programmer can act on: more declared content than
// the limit, an entry compressed beyond any honest ratio, too many entries, entries that overlap (how the
// smallest "zip bombs" are built), archives inside the archive, paths that climb out with "..", and
// encrypted or unreadable archives.
import { formatBytes } from './messages.ts';

export interface ZipLimits {
  /** Total uncompressed size the entries may declare (200 MB). */
  maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size any entry may have (100). */
  maxRatio: number;
  /** The ratio is checked for entries bigger than this (1 MiB): a tiny file of spaces is not a bomb. */
  ratioCheckFromBytes: number;
  maxEntries: number;
}

export const defaultZipLimits: ZipLimits = {
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
  maxEntries: 10_000,
};

export type ZipInspection =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; code: string; message: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const nestedArchive = /\.(zip|xlsx|xlsm|xlsb|docx|pptx|ods|odt|jar|gz|tgz|bz2|xz|7z|rar|tar|zst)$/i;

class ZipRefusal extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const refuse = (code: string, message: string): never => {
  throw new ZipRefusal(code, message);
};

const broken = () =>
  refuse(
    'broken_zip',
    'ファイルが壊れているか、途中までしかありません。元のファイルをExcelで開けるか確かめてから、保存し直してください。',
  );

export function inspectZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipInspection {
  const l = { ...defaultZipLimits, ...limits };
  try {
    return inspect(bytes, l);
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, code: error.code, message: error.message };
    if (error instanceof RangeError) {
      return {
        ok: false,
        code: 'broken_zip',
        message:
          'ファイルが壊れているか、途中までしかありません。元のファイルをExcelで開けるか確かめてから、保存し直してください。',
      };
    }
    throw error;
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function inspect(bytes: Uint8Array, l: ZipLimits): ZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const value = view.getBigUint64(at, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  };

  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment may be that long).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    refuse(
      'not_zip',
      'Excel（XLSX）ファイルとして読めません。Excelで開いて「Excel ブック（*.xlsx）」形式で保存し直してください。',
    );
  }
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) {
    refuse(
      'unsupported',
      '複数のファイルに分割されたZIPには対応していません。1つのファイルとして保存し直してください。',
    );
  }
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) broken();
    const record = u64(locator + 8);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) broken();
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (count > l.maxEntries) {
    refuse(
      'too_many_entries',
      `ファイルの中の部品が多すぎます（${count.toLocaleString('ja-JP')}個。${l.maxEntries.toLocaleString('ja-JP')}個まで）。内容を確かめて、必要なシートだけのファイルにしてください。`,
    );
  }
  if (offset + size > eocd || offset > bytes.length) broken();

  const entries: Entry[] = [];
  let at = offset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || u32(at) !== CENTRAL) broken();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    let compressed = u32(at + 20);
    let uncompressed = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder((flags & 0x800) !== 0 ? 'utf-8' : 'latin1').decode(nameBytes);
    // ZIP64: the sizes and offset that did not fit are in the extra field 0x0001, in this order.
    if (compressed === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(extra);
        const length = u16(extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressed === 0xffffffff) {
            uncompressed = u64(field);
            field += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = u64(field);
            field += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(field);
          break;
        }
        extra += 4 + length;
      }
    }
    entries.push({ name, method, flags, compressed, uncompressed, localOffset });
    total += uncompressed;
    at += 46 + nameLength + extraLength + commentLength;
  }

  if (total > l.maxUncompressedBytes) {
    refuse(
      'too_large',
      `ファイルを展開すると大きくなりすぎます（${formatBytes(total)}。${formatBytes(l.maxUncompressedBytes)}まで）。データを分けるか、CSV形式で登録してください。`,
    );
  }
  for (const e of entries) {
    if (e.name.includes('..') && e.name.split(/[\\/]/).includes('..')) {
      refuse(
        'unsafe_path',
        `ファイルの中に、置き場所として不正な名前（${clipName(e.name)}）があります。このファイルは受け付けられません。Excelで保存し直したファイルを使ってください。`,
      );
    }
    if (/^([\\/]|[A-Za-z]:)/.test(e.name)) {
      refuse(
        'unsafe_path',
        `ファイルの中に、置き場所として不正な名前（${clipName(e.name)}）があります。このファイルは受け付けられません。Excelで保存し直したファイルを使ってください。`,
      );
    }
    if ((e.flags & 0x1) !== 0) {
      refuse('encrypted', 'パスワードで保護されたファイルは公開できません。保護を解除してから保存し直してください。');
    }
    if (e.method !== 0 && e.method !== 8) {
      refuse(
        'unsupported',
        'このファイルは対応していない方法で圧縮されています。Excelで開いて「Excel ブック（*.xlsx）」形式で保存し直してください。',
      );
    }
    if (nestedArchive.test(e.name)) {
      refuse(
        'nested_archive',
        `ファイルの中に、さらに別の圧縮ファイルやExcelファイル（${clipName(e.name)}）が埋め込まれています。埋め込んだファイルを取り除いてから保存し直してください。`,
      );
    }
    const ratio =
      e.compressed === 0 ? (e.uncompressed === 0 ? 0 : Number.POSITIVE_INFINITY) : e.uncompressed / e.compressed;
    if (e.uncompressed > l.ratioCheckFromBytes && ratio > l.maxRatio) {
      refuse(
        'compression_ratio',
        `ファイルの中の「${clipName(e.name)}」が、展開すると元の${Number.isFinite(ratio) ? Math.round(ratio).toLocaleString('ja-JP') : '無限'}倍の大きさになります（${l.maxRatio}倍まで）。不正なファイルのおそれがあるため受け付けられません。`,
      );
    }
  }

  // Each entry's data lies between its local header and the next entry, all before the central directory.
  const spans = entries
    .map((e) => {
      const start = e.localOffset;
      if (start + 30 > bytes.length || u32(start) !== LOCAL) broken();
      const end = start + 30 + u16(start + 26) + u16(start + 28) + e.compressed;
      return { start, end, name: e.name };
    })
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    if (span.end > offset) broken();
    const next = spans[i + 1];
    if (next && next.start < span.end) {
      refuse(
        'overlapping_entries',
        'ファイルの中の部品どうしが重なり合っていて、不正なファイルのおそれがあります。このファイルは受け付けられません。Excelで保存し直したファイルを使ってください。',
      );
    }
  }
  return { ok: true, entries: entries.length, uncompressedBytes: total };
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}
