// AWS Signature Version 4 for S3 requests (header form), as the S3 REST documentation describes it:
// canonical request → string to sign → HMAC chain of date, region, service → signature. The S3 adapter
// signs with it and the test stand-in verifies with it; sigv4.test.ts checks it against AWS's own example.
import { createHash, createHmac } from 'node:crypto';

export interface SigningInput {
  method: string;
  /** Path as sent, already percent-encoded per segment (see encodeKeyPath). */
  path: string;
  query?: URLSearchParams;
  /** Lower-case header names to their values; must include host, x-amz-date and x-amz-content-sha256. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body, or 'UNSIGNED-PAYLOAD'. */
  payloadHash: string;
  region: string;
  service?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `YYYYMMDDTHHMMSSZ`, the request's x-amz-date. */
  amzDate: string;
}

export const emptyHash = createHash('sha256').update('').digest('hex');

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 unreserved characters stay; everything else is %XX (upper case), as SigV4 wants. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `/bucket/a/b` with each segment encoded once (S3 does not double-encode the path). */
export function encodeKeyPath(...segments: string[]): string {
  return `/${segments
    .flatMap((s) => s.split('/'))
    .map(uriEncode)
    .join('/')}`;
}

export function amzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function canonicalQuery(query: URLSearchParams | undefined): string {
  if (!query) return '';
  return [...query.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

export function signedHeaderNames(headers: Record<string, string>): string[] {
  return Object.keys(headers)
    .map((h) => h.toLowerCase())
    .sort();
}

/** The signature and the Authorization header value for a request. */
export function signRequest(input: SigningInput): { signature: string; authorization: string } {
  const service = input.service ?? 's3';
  const names = signedHeaderNames(input.headers);
  const lower = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${lower[n]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    input.path,
    canonicalQuery(input.query),
    canonicalHeaders,
    signedHeaders,
    input.payloadHash,
  ].join('\n');
  const day = input.amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', input.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

export interface ParsedAuthorization {
  accessKeyId: string;
  day: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads an `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header; undefined if malformed. */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      value ?? '',
    );
  if (!match) return undefined;
  return {
    accessKeyId: match[1]!,
    day: match[2]!,
    region: match[3]!,
    service: match[4]!,
    signedHeaders: match[5]!.split(';'),
    signature: match[6]!,
  };
}
