// Parsing untrusted DER: size limits first, then asn1js; any exception becomes a JpkiError, so hostile
// input (truncated, deeply nested, absurd lengths) can only ever produce a clear 400.
import * as asn1js from 'asn1js';
import { JpkiError } from './errors.ts';

export const maxDerBytes = 256 * 1024;
const maxDepth = 40;

function depth(block: asn1js.AsnType, level = 0): number {
  if (level > maxDepth) return level;
  const value = (block as { valueBlock?: { value?: unknown } }).valueBlock?.value;
  if (!Array.isArray(value)) return level;
  let deepest = level;
  for (const child of value) deepest = Math.max(deepest, depth(child as asn1js.AsnType, level + 1));
  return deepest;
}

export function parseDer(bytes: Uint8Array, what: string): asn1js.AsnType {
  if (bytes.length === 0) throw new JpkiError('malformed', `${what}が空です`);
  if (bytes.length > maxDerBytes) throw new JpkiError('too_large', `${what}: 上限 ${maxDerBytes} バイト`);
  let parsed: ReturnType<typeof asn1js.fromBER>;
  try {
    parsed = asn1js.fromBER(bytes);
  } catch {
    throw new JpkiError('malformed', what);
  }
  if (parsed.offset === -1) {
    const error = parsed.result.error ?? '';
    throw new JpkiError(/too short|End of input|length/i.test(error) ? 'truncated' : 'malformed', what);
  }
  if (parsed.offset !== bytes.length) throw new JpkiError('malformed', `${what}のあとに余分なデータがあります`);
  if (depth(parsed.result) > maxDepth) throw new JpkiError('malformed', `${what}の入れ子が深すぎます`);
  return parsed.result;
}

/** Runs a parser of pkijs over already-checked ASN.1; its exceptions become JpkiErrors. */
export function guard<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof JpkiError) throw error;
    throw new JpkiError('malformed', what);
  }
}

export function pemToDer(text: string): Uint8Array[] {
  const blocks = [...text.matchAll(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/g)];
  return blocks.map((m) => new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

/** Certificates or a CRL as the operator hands them over: DER bytes, or PEM (text or bytes, one or many blocks). */
export function derOrPem(input: Uint8Array | string): Uint8Array[] {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
  if (text.includes('-----BEGIN')) return pemToDer(text);
  return typeof input === 'string' ? [] : [input];
}

export function derToPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trim()}\n-----END ${label}-----\n`;
}
