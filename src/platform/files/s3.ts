// Files in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, …) over the S3 REST protocol itself:
// path-style URLs (`<endpoint>/<bucket>/<key>`), AWS Signature V4 on every request, node:http(s), no SDK.
// A stream is first spooled to a temp file while hashing, so the PUT carries a signed payload hash and a
// length; S3 stores an object only when the whole PUT arrived, so there is never half a file.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { amzDate, encodeKeyPath, sha256Hex, signRequest } from './sigv4.ts';
import {
  assertContentType,
  assertFileKey,
  type FileInfo,
  type FileStorage,
  fileNotFound,
  type StoredFile,
} from './storage.ts';

export interface S3Settings {
  /** e.g. `https://s3.ap-northeast-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Per-request time limit (default 30 s). */
  timeoutMs?: number;
}

export class S3Error extends Error {
  override name = 'S3Error';
  readonly status: number;
  readonly s3Code: string | undefined;
  constructor(status: number, s3Code: string | undefined, message: string) {
    super(message);
    this.status = status;
    this.s3Code = s3Code;
  }
}

const checksumHeader = 'x-amz-meta-sha256';

async function readBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function createS3FileStorage(settings: S3Settings): FileStorage {
  const endpoint = new URL(settings.endpoint);
  const client = endpoint.protocol === 'https:' ? https : http;
  const timeoutMs = settings.timeoutMs ?? 30_000;

  function send(
    method: 'PUT' | 'GET' | 'HEAD' | 'DELETE',
    key: string,
    options: {
      body?: Buffer | (() => Readable);
      length?: number;
      payloadHash?: string;
      headers?: Record<string, string>;
    },
  ): Promise<IncomingMessage> {
    const basePath = endpoint.pathname.replace(/\/$/, '');
    const requestPath = `${basePath}${encodeKeyPath(settings.bucket, key)}`;
    const payloadHash = options.payloadHash ?? sha256Hex('');
    const date = amzDate(new Date());
    const headers: Record<string, string> = {
      host: endpoint.host,
      'x-amz-date': date,
      'x-amz-content-sha256': payloadHash,
      ...(options.headers ?? {}),
    };
    if (options.length !== undefined) headers['content-length'] = String(options.length);
    const { authorization } = signRequest({
      method,
      path: requestPath,
      headers,
      payloadHash,
      region: settings.region,
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      amzDate: date,
    });
    return new Promise((resolve, reject) => {
      const request = client.request(
        {
          method,
          hostname: endpoint.hostname,
          port: endpoint.port || undefined,
          path: requestPath,
          headers: { ...headers, authorization },
          timeout: timeoutMs,
        },
        resolve,
      );
      request.on('timeout', () => request.destroy(new S3Error(0, 'Timeout', 'オブジェクトストレージが応答しません。')));
      request.on('error', reject);
      if (options.body === undefined) request.end();
      else if (Buffer.isBuffer(options.body)) request.end(options.body);
      else pipeline(options.body(), request).catch(reject);
    });
  }

  async function fail(response: IncomingMessage, key: string): Promise<never> {
    const body = response.statusCode === 404 ? '' : await readBody(response).catch(() => '');
    if (response.statusCode === 404) {
      response.resume();
      throw fileNotFound(key);
    }
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
    throw new S3Error(
      response.statusCode ?? 0,
      code,
      `オブジェクトストレージが ${response.statusCode}${code ? ` (${code})` : ''} を返しました。`,
    );
  }

  return {
    async put(key, data, { contentType }): Promise<StoredFile> {
      assertFileKey(key);
      assertContentType(contentType);
      let spool: string | undefined;
      try {
        let body: Buffer | (() => Readable);
        let bytes: number;
        let sha256: string;
        if (Buffer.isBuffer(data)) {
          body = data;
          bytes = data.length;
          sha256 = sha256Hex(data);
        } else {
          const file = path.join(os.tmpdir(), `cityhall-s3-${randomUUID()}.tmp`);
          spool = file;
          const hash = createHash('sha256');
          await pipeline(
            data,
            new Transform({
              transform(chunk: Buffer, _e, callback) {
                hash.update(chunk);
                callback(null, chunk);
              },
            }),
            createWriteStream(file, { mode: 0o600 }),
          );
          sha256 = hash.digest('hex');
          bytes = (await stat(file)).size;
          body = () => createReadStream(file);
        }
        const response = await send('PUT', key, {
          body,
          length: bytes,
          payloadHash: sha256,
          headers: { 'content-type': contentType, [checksumHeader]: sha256 },
        });
        if (response.statusCode !== 200) await fail(response, key);
        response.resume();
        return { key, bytes, sha256 };
      } finally {
        if (spool) await rm(spool, { force: true });
      }
    },

    async get(key) {
      assertFileKey(key);
      const response = await send('GET', key, {});
      if (response.statusCode !== 200) await fail(response, key);
      return response as Readable;
    },

    async head(key): Promise<FileInfo | undefined> {
      assertFileKey(key);
      const response = await send('HEAD', key, {});
      response.resume();
      if (response.statusCode === 404) return undefined;
      if (response.statusCode !== 200) await fail(response, key);
      return {
        key,
        bytes: Number(response.headers['content-length'] ?? 0),
        sha256: String(response.headers[checksumHeader] ?? ''),
        contentType: String(response.headers['content-type'] ?? 'application/octet-stream'),
      };
    },

    async delete(key) {
      assertFileKey(key);
      const response = await send('DELETE', key, {});
      if (response.statusCode !== 204 && response.statusCode !== 200 && response.statusCode !== 404) {
        await fail(response, key);
      }
      response.resume();
    },
  };
}
