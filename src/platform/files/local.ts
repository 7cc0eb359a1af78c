// Files in a local directory (the default: <CITYHALL_DATA_DIR>/files). Each object is written to a temp
// file in the same directory, fsynced, then renamed over the final name, so a crash leaves either the old
// object or the new one, never half a file. A small JSON sidecar keeps the type and checksum.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertContentType,
  assertFileKey,
  type FileInfo,
  type FileStorage,
  fileNotFound,
  type StoredFile,
} from './storage.ts';

interface Sidecar {
  contentType: string;
  bytes: number;
  sha256: string;
}

export function createLocalFileStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const pathOf = (key: string) => {
    assertFileKey(key);
    const file = path.resolve(base, ...key.split('/'));
    // assertFileKey already forbids '..'; this is the second lock on the same door.
    if (!file.startsWith(base + path.sep)) throw new Error(`key escapes the store: ${key}`);
    return file;
  };
  const metaOf = (file: string) => `${file}.meta.json`;

  async function readSidecar(file: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(metaOf(file), 'utf8')) as Sidecar;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async function writeAtomically(file: string, source: Readable, through?: Transform): Promise<void> {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
    try {
      const sink = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
      await (through ? pipeline(source, through, sink) : pipeline(source, sink));
      const handle = await open(temp, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  return {
    async put(key, data, { contentType }): Promise<StoredFile> {
      assertContentType(contentType);
      const file = pathOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const hash = createHash('sha256');
      let bytes = 0;
      const counting = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          bytes += chunk.length;
          callback(null, chunk);
        },
      });
      const source = Buffer.isBuffer(data) ? Readable.from([data]) : data;
      await writeAtomically(file, source, counting);
      const stored = { key, bytes, sha256: hash.digest('hex') };
      // Data first, then its sidecar: head() of a half-finished put reports the previous metadata at worst.
      await writeAtomically(
        metaOf(file),
        Readable.from([JSON.stringify({ contentType, bytes, sha256: stored.sha256 } satisfies Sidecar)]),
      );
      return stored;
    },

    async get(key) {
      const file = pathOf(key);
      const stream = createReadStream(file);
      // Opening is asynchronous: wait for it so a missing key fails here, not in the reader's pipeline.
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'ENOENT' || error.code === 'EISDIR' ? fileNotFound(key) : error),
        );
      });
      return stream;
    },

    async head(key): Promise<FileInfo | undefined> {
      const file = pathOf(key);
      const meta = await readSidecar(file);
      if (!meta) return undefined;
      try {
        const handle = await open(file, 'r');
        await handle.close();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      return { key, bytes: meta.bytes, sha256: meta.sha256, contentType: meta.contentType };
    },

    async delete(key) {
      const file = pathOf(key);
      await rm(file, { force: true });
      await rm(metaOf(file), { force: true });
    },
  };
}
