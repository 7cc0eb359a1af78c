// Helpers for the ingest tests: sources that deliver bytes in chosen pieces, and a sink that keeps them.
import { Writable } from 'node:stream';

/** An async source yielding `bytes` in pieces of `size` bytes (or at the given cut points). */
export async function* pieces(bytes: Uint8Array, size = bytes.length || 1): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function* cutAt(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

/** A sink that keeps what is written, optionally slow to drain (a tiny buffer and a delay per write). */
export function collectingSink(options: { slow?: boolean } = {}): Writable & { bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: options.slow ? 16 : 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (options.slow) setImmediate(done);
      else done();
    },
  }) as Writable & { bytes: () => Buffer };
  sink.bytes = () => Buffer.concat(chunks);
  return sink;
}

/** CSV text from rows of cells, quoting as Excel does, lines ended with CRLF. */
export function csvText(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}
