// Where uploaded files live: a small interface (put, get, head, delete by opaque key) with a local
// directory and an S3-compatible adapter behind it, chosen by FILE_STORAGE. Callers make the keys
// (`<tenant>/<area>/<uuid>`); the database keeps the key, the size and the SHA-256 the store reported.
import type { Readable } from 'node:stream';
import { AppError } from '../http/errors.ts';

export interface StoredFile {
  key: string;
  bytes: number;
  /** Hex SHA-256 of the content, computed while it was written. */
  sha256: string;
}

export interface FileInfo extends StoredFile {
  contentType: string;
}

export interface FileStorage {
  /** Writes the whole object or nothing: a reader never sees half a file. Replaces an existing key. */
  put(key: string, data: Buffer | Readable, options: { contentType: string }): Promise<StoredFile>;
  /** The content as a stream; AppError not_found when there is no such key. */
  get(key: string): Promise<Readable>;
  /** Size, type and checksum, or undefined when there is no such key. */
  head(key: string): Promise<FileInfo | undefined>;
  /** Removes the object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

// Segments of letters, digits, '.', '_' and '-', never '.' or '..' alone: no way out of the store's root.
const segment = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,128}$/;

/** Throws unless `key` is a safe relative key of two to eight segments (`kawasaki/attachments/<uuid>`). */
export function assertFileKey(key: string): void {
  const parts = typeof key === 'string' ? key.split('/') : [];
  if (key.length > 512 || parts.length < 2 || parts.length > 8 || !parts.every((p) => segment.test(p))) {
    throw new AppError('bad_request', `ファイルのキー「${String(key).slice(0, 80)}」は使えません。`);
  }
}

export function fileNotFound(key: string): AppError {
  return new AppError('not_found', `ファイル ${key} が見つかりません。`);
}

const contentTypePattern = /^[a-z]+\/[a-z0-9.+-]+$/i;

export function assertContentType(contentType: string): void {
  if (!contentTypePattern.test(contentType)) {
    throw new AppError('bad_request', `ファイルの種類「${contentType.slice(0, 80)}」が不正です。`);
  }
}
