// An S3-compatible server standing in for the object store in tests: real HTTP, path-style URLs
// (`/<bucket>/<key>`), PUT/GET/HEAD/DELETE of objects kept in memory. Every request must carry a valid
// AWS Signature V4 made with the configured key pair, a payload hash that matches the body and a date
// within 15 minutes; otherwise it answers 403 with S3's XML error, as S3 does.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAuthorization, sha256Hex, signRequest } from '../../src/platform/files/sigv4.ts';

export interface S3StandIn {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { body: Buffer; contentType: string; meta: Record<string, string> }>;
  /** Requests refused, with S3's error code (SignatureDoesNotMatch, …). */
  refusals: string[];
  close(): Promise<void>;
}

function xmlError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

export async function startS3StandIn(
  options: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<S3StandIn> {
  const bucket = options.bucket ?? 'cityhall-test';
  const region = options.region ?? 'ap-northeast-1';
  const accessKeyId = options.accessKeyId ?? 'AKIACITYHALLTEST';
  const secretAccessKey = options.secretAccessKey ?? 'c2VjcmV0LWZvci10ZXN0cy1vbmx5LW5vdC1yZWFs';
  const objects: S3StandIn['objects'] = new Map();
  const refusals: string[] = [];

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const refuse = (status: number, code: string, message: string) => {
      refusals.push(code);
      xmlError(res, status, code, message);
    };

    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return refuse(403, 'AccessDenied', 'missing or malformed Authorization');
    if (auth.accessKeyId !== accessKeyId) return refuse(403, 'InvalidAccessKeyId', 'unknown access key');
    if (auth.region !== region || auth.service !== 's3') {
      return refuse(400, 'AuthorizationHeaderMalformed', 'wrong region or service');
    }
    const date = String(req.headers['x-amz-date'] ?? '');
    const at = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!Number.isFinite(at) || Math.abs(Date.now() - at) > 15 * 60_000 || date.slice(0, 8) !== auth.day) {
      return refuse(403, 'RequestTimeTooSkewed', 'x-amz-date too far from now');
    }
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) {
      return refuse(400, 'XAmzContentSHA256Mismatch', 'payload hash does not match the body');
    }
    for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
      if (!auth.signedHeaders.includes(required)) return refuse(403, 'AccessDenied', `${required} not signed`);
    }
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const headers: Record<string, string> = {};
    for (const name of auth.signedHeaders) headers[name] = String(req.headers[name] ?? '');
    const expected = signRequest({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      payloadHash,
      region,
      accessKeyId,
      secretAccessKey,
      amzDate: date,
    }).signature;
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature))) {
      return refuse(403, 'SignatureDoesNotMatch', 'signature does not match');
    }

    const [, bucketName, ...keyParts] = url.pathname.split('/');
    if (bucketName !== bucket) return refuse(404, 'NoSuchBucket', 'no such bucket');
    const key = keyParts.map(decodeURIComponent).join('/');
    const object = objects.get(key);
    switch (req.method) {
      case 'PUT': {
        const meta: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (name.startsWith('x-amz-meta-')) meta[name] = String(value);
        }
        objects.set(key, { body, contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'), meta });
        res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` });
        return res.end();
      }
      case 'GET':
      case 'HEAD': {
        if (!object) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, {
          'content-type': object.contentType,
          'content-length': object.body.length,
          ...object.meta,
        });
        return res.end(req.method === 'GET' ? object.body : undefined);
      }
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      default:
        return xmlError(res, 405, 'MethodNotAllowed', 'method not allowed');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    objects,
    refusals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
