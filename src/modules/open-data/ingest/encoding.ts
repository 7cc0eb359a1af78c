// Which encoding a CSV was saved in, read as it streams: UTF-8 with a BOM (Excel's "CSV UTF-8"), UTF-8
// without one, or Shift_JIS as Windows writes it (CP932, Excel's plain "CSV"). The choice is made on the
// first bytes that are not ASCII (ASCII reads the same in all three), from enough of them to be sure; a
// later part of the file that proves the choice wrong stops the reading rather than turn text into
// mojibake. Bytes the encoding cannot read are reported where they are, and so are CP932 characters that
// do not come back as the same bytes (NEC and IBM extensions Windows stores twice) and 外字 (private use).
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { SourceEncoding } from './report.ts';

/** Something found at a place in the decoded text (an offset into that chunk's text). */
export interface TextMark {
  offset: number;
  kind: 'invalid_bytes' | 'not_round_trip' | 'private_use_char';
  /** The bytes as hex, when known (e.g. 'ED 40'). */
  bytes?: string;
  /** The character as read (U+FFFD for bytes that could not be read). */
  char?: string;
}

export interface DecodedChunk {
  text: string;
  marks: TextMark[];
}

export type DecoderStop =
  | { code: 'binary_file' | 'not_csv' | 'utf16'; detail: string }
  /** The file changed encoding part-way: `text` is what could be read before the change. */
  | { code: 'encoding_changed'; from: SourceEncoding; to: SourceEncoding; text: string; marks: TextMark[] };

const empty: DecodedChunk = { text: '', marks: [] };
// Enough non-ASCII bytes to tell UTF-8 from Shift_JIS with certainty: a few Japanese characters in
// Shift_JIS can happen to be valid UTF-8, dozens cannot.
const evidenceBytes = 48;
const maxEvidenceHeld = 64 * 1024;

/**
 * Streams bytes in, text out. `write` and `end` return the text decoded so far, or a stop when the bytes
 * are not text (a binary file, a ZIP, UTF-16) or change encoding part-way.
 */
export class CsvDecoder {
  encoding: SourceEncoding | null = null;
  bytes = 0;
  stopped: DecoderStop | null = null;
  private state: 'head' | 'ascii' | 'utf-8' | 'shift_jis' = 'head';
  private pending: Uint8Array = new Uint8Array(0);
  private bom = false;
  private readonly utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  /** The encoding as the report names it; a file that is all ASCII reads as UTF-8. */
  get reported(): SourceEncoding {
    if (this.bom) return 'utf-8-bom';
    return this.state === 'shift_jis' ? 'shift_jis' : 'utf-8';
  }

  write(chunk: Uint8Array): DecodedChunk | DecoderStop {
    if (this.stopped) return this.stopped;
    this.bytes += chunk.length;
    const data = this.pending.length > 0 ? concat(this.pending, chunk) : chunk;
    this.pending = new Uint8Array(0);
    return this.decode(data, false);
  }

  end(): DecodedChunk | DecoderStop {
    if (this.stopped) return this.stopped;
    const data = this.pending;
    this.pending = new Uint8Array(0);
    return this.decode(data, true);
  }

  private stop(stop: DecoderStop): DecoderStop {
    this.stopped = stop;
    return stop;
  }

  private decode(data: Uint8Array, atEnd: boolean): DecodedChunk | DecoderStop {
    let start = 0;
    if (this.state !== 'head' && data.indexOf(0) !== -1) return this.stop({ code: 'binary_file', detail: 'nul' });
    if (this.state === 'head') {
      if (data.length < 4 && !atEnd) {
        this.pending = data;
        return empty;
      }
      const signature = fileSignature(data);
      if (signature) return this.stop(signature);
      if (data.indexOf(0) !== -1) return this.stop({ code: 'binary_file', detail: 'nul' });
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
        this.bom = true;
        this.state = 'utf-8';
        this.encoding = 'utf-8-bom';
        start = 3;
      } else {
        this.state = 'ascii';
      }
    }
    if (this.state === 'ascii') return this.decodeUndecided(data.subarray(start), atEnd);
    if (this.state === 'utf-8') return this.decodeUtf8(data.subarray(start), atEnd);
    return this.decodeShiftJis(data.subarray(start), atEnd);
  }

  // Nothing but ASCII so far: pass it through, and decide at the first bytes that are not ASCII.
  private decodeUndecided(data: Uint8Array, atEnd: boolean): DecodedChunk | DecoderStop {
    if (isAscii(data)) return { text: latin1(data), marks: [] };
    let first = 0;
    while (data[first]! < 0x80) first++;
    const prefix = latin1(data.subarray(0, first));
    const rest = data.subarray(first);
    if (!atEnd && countNonAscii(rest) < evidenceBytes && rest.length < maxEvidenceHeld) {
      this.pending = rest;
      return { text: prefix, marks: [] };
    }
    const choice = chooseEncoding(rest, atEnd);
    this.state = choice;
    this.encoding = choice;
    const decoded = choice === 'utf-8' ? this.decodeUtf8(rest, atEnd) : this.decodeShiftJis(rest, atEnd);
    if ('code' in decoded) return decoded;
    return { text: prefix + decoded.text, marks: shift(decoded.marks, prefix.length) };
  }

  private decodeUtf8(data: Uint8Array, atEnd: boolean): DecodedChunk | DecoderStop {
    const tail = atEnd ? 0 : utf8TailLength(data);
    const body = data.subarray(0, data.length - tail);
    if (tail > 0) this.pending = data.slice(data.length - tail);
    if (isUtf8(body)) {
      const text = Buffer.from(body.buffer, body.byteOffset, body.length).toString('utf8');
      return { text, marks: privateUse(text) };
    }
    const text = this.utf8Decoder.decode(body);
    const marks: TextMark[] = [];
    for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) {
      marks.push({ offset: i, kind: 'invalid_bytes' });
    }
    // Not UTF-8 from some line on, but flawless CP932 from there: the file changed encoding at that line.
    // (Not the earliest line that reads as CP932: Japanese in UTF-8 often happens to be valid CP932.)
    const from = body.lastIndexOf(0x0a, firstInvalidUtf8(body)) + 1;
    const rest = body.subarray(from);
    if (hasNonAsciiRun(rest) && shiftJisInvalidCount(rest, false) === 0) {
      const before = this.utf8Decoder.decode(body.subarray(0, from));
      return this.stop({
        code: 'encoding_changed',
        from: 'utf-8',
        to: 'shift_jis',
        text: before,
        marks: privateUse(before),
      });
    }
    return { text, marks: [...marks, ...privateUse(text)].sort((a, b) => a.offset - b.offset) };
  }

  private decodeShiftJis(data: Uint8Array, atEnd: boolean): DecodedChunk | DecoderStop {
    const result = decodeCp932(data, atEnd);
    if (result.carry !== null) this.pending = Uint8Array.of(result.carry);
    // UTF-8 read as CP932 is often valid CP932 (mojibake, not errors), so look for it too: bytes CP932
    // cannot read, or a last line that is clean UTF-8 with Japanese in it.
    const body = result.carry !== null ? data.subarray(0, data.length - 1) : data;
    if (result.invalid > 0 || lastLineIsUtf8(body)) {
      const limit = result.invalid > 0 ? result.firstInvalidByte : body.length;
      const from = switchPoint(body, limit, (rest) => isUtf8(rest.subarray(0, rest.length - utf8TailLength(rest))));
      if (from >= 0) {
        const before = decodeCp932(data.subarray(0, from), true);
        return this.stop({
          code: 'encoding_changed',
          from: 'shift_jis',
          to: 'utf-8',
          text: before.text,
          marks: before.marks,
        });
      }
    }
    return { text: result.text, marks: result.marks };
  }
}

/** The encoding of a whole buffer (for a preview or a file already in memory). */
export function detectEncoding(bytes: Uint8Array): SourceEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (isAscii(bytes)) return 'utf-8';
  return chooseEncoding(bytes, true);
}

function chooseEncoding(bytes: Uint8Array, atEnd: boolean): 'utf-8' | 'shift_jis' {
  const tail = atEnd ? 0 : utf8TailLength(bytes);
  if (isUtf8(bytes.subarray(0, bytes.length - tail))) return 'utf-8';
  const sjisInvalid = shiftJisInvalidCount(bytes, atEnd);
  if (sjisInvalid === 0) return 'shift_jis';
  const utf8Invalid = countReplacement(new TextDecoder('utf-8').decode(bytes.subarray(0, bytes.length - tail)));
  return utf8Invalid <= sjisInvalid ? 'utf-8' : 'shift_jis';
}

// What the first bytes say the file is, when it is not text at all.
function fileSignature(b: Uint8Array): DecoderStop | null {
  const starts = (...bytes: number[]) => bytes.every((x, i) => b[i] === x);
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return { code: 'utf16', detail: 'utf-16' };
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return { code: 'not_csv', detail: 'zip' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { code: 'not_csv', detail: 'xls' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { code: 'not_csv', detail: 'pdf' };
  if (starts(0x1f, 0x8b)) return { code: 'not_csv', detail: 'gzip' };
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) {
    return { code: 'not_csv', detail: 'image' };
  }
  return null;
}

// ---- UTF-8 ----

/** Bytes at the end that start a character the chunk does not finish (kept for the next chunk). */
export function utf8TailLength(b: Uint8Array): number {
  const end = b.length;
  for (let k = 1; k <= Math.min(3, end); k++) {
    const x = b[end - k]!;
    if ((x & 0xc0) === 0x80) continue;
    if (x < 0xc0) return 0;
    const need = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2;
    return need > k ? k : 0;
  }
  return 0;
}

/**
 * Where a Shift_JIS chunk switches to UTF-8: the first line start (at or before `limit`) from which the rest
 * reads cleanly as UTF-8 and has non-ASCII text, or -1. (Shift_JIS Japanese is never valid UTF-8, so the
 * earliest such line is where the change is.)
 * A line feed is never part of a character in either encoding, so a line start is a character start, and
 * a rest that reads cleanly from one line start also does from every later one: a binary search suffices.
 */
function switchPoint(data: Uint8Array, limit: number, readsCleanly: (rest: Uint8Array) => boolean): number {
  const starts = [0];
  for (let i = data.indexOf(0x0a); i !== -1 && i < limit; i = data.indexOf(0x0a, i + 1)) starts.push(i + 1);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (readsCleanly(data.subarray(starts[mid]!))) hi = mid;
    else lo = mid + 1;
  }
  if (lo === starts.length) return -1;
  const from = starts[lo]!;
  return hasNonAsciiRun(data.subarray(from)) ? from : -1;
}

/** The last complete line of a chunk has Japanese in it and is valid UTF-8 (Shift_JIS text never is). */
function lastLineIsUtf8(b: Uint8Array): boolean {
  const end = b.lastIndexOf(0x0a);
  if (end <= 0) return false;
  const start = b.lastIndexOf(0x0a, end - 1) + 1;
  const line = b.subarray(start, end);
  return hasNonAsciiRun(line) && isUtf8(line);
}

/** The offset of the first byte that does not begin a valid UTF-8 character (the length when all do). */
function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  for (let i = 0; i < n; ) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    const need = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    if (need === 0 || i + need > n || !isUtf8(b.subarray(i, i + need))) return i;
    i += need;
  }
  return n;
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

const privateUsePattern = /[\ue000-\uf8ff]/g;

function privateUse(text: string): TextMark[] {
  const marks: TextMark[] = [];
  privateUsePattern.lastIndex = 0;
  for (let m = privateUsePattern.exec(text); m; m = privateUsePattern.exec(text)) {
    marks.push({ offset: m.index, kind: 'private_use_char', char: m[0] });
  }
  return marks;
}

// ---- CP932 ----
//
// A table-driven decoder (iconv-lite's mapping, read once into typed arrays) rather than iconv-lite's
// stream: it is several times faster on big files and knows the byte offset of each character, which the
// report needs. Node's own TextDecoder('shift_jis') is not used: its ICU table swaps some control codes.

interface Cp932Tables {
  /** For bytes 0x80–0xFF: the character, 0 for a lead byte, 0xFFFD for a byte CP932 does not use. */
  single: Uint16Array;
  /** For lead << 8 | trail: the character, 0 when the pair is not a character. */
  double: Uint16Array;
  /** 1 when the character encodes back to other bytes (NEC/IBM duplicates). */
  notRoundTrip: Uint8Array;
}

let tables: Cp932Tables | null = null;

function isLeadByte(b: number): boolean {
  return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
}

function cp932Tables(): Cp932Tables {
  if (tables) return tables;
  const single = new Uint16Array(256);
  for (let b = 0x80; b < 0x100; b++) {
    if (isLeadByte(b)) continue;
    const s = iconv.decode(Buffer.of(b), 'cp932');
    single[b] = s.length === 1 ? s.charCodeAt(0) : 0xfffd;
  }
  const double = new Uint16Array(65536);
  const notRoundTrip = new Uint8Array(65536);
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isLeadByte(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (trail !== 0x7f) pairs.push((lead << 8) | trail);
  }
  // One decode of all pairs, each followed by a line feed, then split: a pair that is a character gives
  // exactly one character between two line feeds.
  const all = Buffer.alloc(pairs.length * 3);
  pairs.forEach((p, i) => {
    all[i * 3] = p >> 8;
    all[i * 3 + 1] = p & 0xff;
    all[i * 3 + 2] = 0x0a;
  });
  const decoded = iconv.decode(all, 'cp932').split('\n');
  pairs.forEach((p, i) => {
    const s = decoded[i]!;
    if (s.length !== 1 || s === '\ufffd') return;
    double[p] = s.charCodeAt(0);
    const back = iconv.encode(s, 'cp932');
    const isPrivateUse = s >= '\ue000' && s <= '\uf8ff';
    if (!isPrivateUse && (back.length !== 2 || back[0] !== p >> 8 || back[1] !== (p & 0xff))) notRoundTrip[p] = 1;
  });
  tables = { single, double, notRoundTrip };
  return tables;
}

let scratch = new Uint16Array(64 * 1024);

interface Cp932Result extends DecodedChunk {
  /** A lead byte at the end, waiting for its trail byte in the next chunk. */
  carry: number | null;
  invalid: number;
  firstInvalidByte: number;
}

const hex = (...bytes: number[]) => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

function decodeCp932(input: Uint8Array, atEnd: boolean): Cp932Result {
  const { single, double, notRoundTrip } = cp932Tables();
  // A plain Uint8Array view whatever came in (Buffer or not), so the loop below sees one kind of array.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.length);
  if (scratch.length < bytes.length) scratch = new Uint16Array(bytes.length * 2);
  const out = scratch;
  const marks: TextMark[] = [];
  let o = 0;
  let carry: number | null = null;
  let invalid = 0;
  let firstInvalidByte = -1;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out[o++] = b;
      continue;
    }
    const s = single[b]!;
    if (s !== 0) {
      if (s === 0xfffd) {
        marks.push({ offset: o, kind: 'invalid_bytes', bytes: hex(b) });
        invalid++;
        if (firstInvalidByte < 0) firstInvalidByte = i;
      } else if (s >= 0xe000 && s <= 0xf8ff) {
        marks.push({ offset: o, kind: 'private_use_char', bytes: hex(b), char: String.fromCharCode(s) });
      }
      out[o++] = s;
      continue;
    }
    if (i + 1 >= n) {
      if (atEnd) {
        marks.push({ offset: o, kind: 'invalid_bytes', bytes: hex(b) });
        invalid++;
        if (firstInvalidByte < 0) firstInvalidByte = i;
        out[o++] = 0xfffd;
      } else {
        carry = b;
      }
      break;
    }
    const t = bytes[i + 1]!;
    const code = (b << 8) | t;
    const c = double[code]!;
    if (c === 0) {
      marks.push({ offset: o, kind: 'invalid_bytes', bytes: t < 0x80 ? hex(b) : hex(b, t) });
      invalid++;
      if (firstInvalidByte < 0) firstInvalidByte = i;
      out[o++] = 0xfffd;
      if (t >= 0x80) i++; // an ASCII byte after a lone lead byte is read again as itself
      continue;
    }
    if (notRoundTrip[code])
      marks.push({ offset: o, kind: 'not_round_trip', bytes: hex(b, t), char: String.fromCharCode(c) });
    else if (c >= 0xe000 && c <= 0xf8ff) {
      marks.push({ offset: o, kind: 'private_use_char', bytes: hex(b, t), char: String.fromCharCode(c) });
    }
    out[o++] = c;
    i++;
  }
  const text = Buffer.from(out.buffer, out.byteOffset, o * 2).toString('utf16le');
  return { text, marks, carry, invalid, firstInvalidByte: firstInvalidByte < 0 ? n : firstInvalidByte };
}

function shiftJisInvalidCount(bytes: Uint8Array, atEnd: boolean): number {
  return decodeCp932(bytes, atEnd).invalid;
}

/** Decodes a whole CP932 buffer with the same table as the streaming decoder. */
export function decodeShiftJis(bytes: Uint8Array): DecodedChunk {
  const { text, marks } = decodeCp932(bytes, true);
  return { text, marks };
}

// ---- helpers ----

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function countNonAscii(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) n++;
  return n;
}

// At least a few non-ASCII bytes close together: enough to say which encoding a stretch is in.
function hasNonAsciiRun(b: Uint8Array): boolean {
  let n = 0;
  for (let i = 0; i < b.length && i < 4096; i++) if (b[i]! >= 0x80 && ++n >= 8) return true;
  return false;
}

function shift(marks: TextMark[], by: number): TextMark[] {
  return by === 0 ? marks : marks.map((m) => ({ ...m, offset: m.offset + by }));
}
