// Checks an upload before it is stored. The built-in scanner refuses a file whose first bytes do not
// match its declared type (a renamed .exe is not a PDF) and the EICAR anti-virus test string. A real
// anti-virus engine plugs in behind the same FileScanner interface, e.g. an adapter that sends the bytes
// to clamd (INSTREAM) or to the city's ICAP server and maps "infected" to { ok: false, reason: 'malware' };
// chain it after the built-in one with `allScanners`.

export type ScanRefusal = 'empty' | 'unsupported_type' | 'type_mismatch' | 'malware' | 'scanner_unavailable';

export type ScanResult = { ok: true } | { ok: false; reason: ScanRefusal; message: string };

export interface FileScanner {
  /** `declaredType` is the MIME type the uploader claimed; `name` the original file name (for messages). */
  scan(bytes: Buffer, file: { declaredType: string; name: string }): Promise<ScanResult>;
}

interface Signature {
  label: string;
  matches: (bytes: Buffer) => boolean;
}

const startsWith = (magic: number[]) => (bytes: Buffer) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

// HEIF/HEIC: an ISO-BMFF `ftyp` box whose major brand is one of the HEIF image brands.
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);
const isHeif = (bytes: Buffer) =>
  bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp' && heifBrands.has(bytes.toString('latin1', 8, 12));

export const signatures: Record<string, Signature> = {
  'application/pdf': { label: 'PDF', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  'image/jpeg': { label: 'JPEG', matches: startsWith([0xff, 0xd8, 0xff]) },
  'image/png': { label: 'PNG', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  'image/heic': { label: 'HEIC', matches: isHeif },
  'image/heif': { label: 'HEIF', matches: isHeif },
};

// The EICAR test file: every anti-virus product reports it, so tests and drills can prove the path works.
const eicar = Buffer.from('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*', 'latin1');

export function createBuiltinScanner(allowed: string[] = Object.keys(signatures)): FileScanner {
  return {
    async scan(bytes, { declaredType, name }) {
      if (bytes.length === 0) return { ok: false, reason: 'empty', message: `「${name}」は空のファイルです。` };
      if (bytes.includes(eicar)) {
        return {
          ok: false,
          reason: 'malware',
          message: `「${name}」からウイルス（EICAR テスト文字列）が見つかったため、受け付けられません。`,
        };
      }
      const type = declaredType.toLowerCase().split(';')[0]!.trim();
      const signature = allowed.includes(type) ? signatures[type] : undefined;
      if (!signature) {
        const labels = allowed.map((t) => signatures[t]?.label ?? t).join('、');
        return {
          ok: false,
          reason: 'unsupported_type',
          message: `「${name}」の形式（${type}）は受け付けていません。${labels} のファイルを選んでください。`,
        };
      }
      if (!signature.matches(bytes)) {
        return {
          ok: false,
          reason: 'type_mismatch',
          message: `「${name}」は ${signature.label} ファイルではありません（中身が拡張子・形式と一致しません）。`,
        };
      }
      return { ok: true };
    },
  };
}

/** Runs scanners in order; the first refusal wins. */
export function allScanners(...scanners: FileScanner[]): FileScanner {
  return {
    async scan(bytes, file) {
      for (const scanner of scanners) {
        const result = await scanner.scan(bytes, file);
        if (!result.ok) return result;
      }
      return { ok: true };
    },
  };
}
