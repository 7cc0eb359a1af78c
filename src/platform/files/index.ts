// The platform's file storage: the adapter FILE_STORAGE names (local directory or S3-compatible).
import type { Config } from '../config/config.ts';
import { createLocalFileStorage } from './local.ts';
import { createS3FileStorage } from './s3.ts';
import type { FileStorage } from './storage.ts';

export { allScanners, createBuiltinScanner, type FileScanner, type ScanResult } from './scanner.ts';
export { assertFileKey, type FileInfo, type FileStorage, type StoredFile } from './storage.ts';

export function createFileStorage(config: Config['files']): FileStorage {
  return config.kind === 's3' ? createS3FileStorage(config) : createLocalFileStorage(config.dir);
}
