// Checks a PDF's embedded signature the way a PDF reader does: the last /ByteRange must cover the whole
// file but the /Contents hole, the CMS in the hole must verify over those bytes, and the signer must be
// the city's certificate (byte for byte). Reads raw bytes, so a damaged file is reported, not thrown.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type SignatureCheck =
  | { valid: true; signerSha256: string }
  | { valid: false; reason: 'no_signature' | 'range_incomplete' | 'malformed' | 'digest_mismatch' | 'other_signer' };

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export async function verifyPdfSignature(pdf: Uint8Array, cityCertificate: Uint8Array): Promise<SignatureCheck> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return { valid: false, reason: 'no_signature' };
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  // Anything appended after the signed range (an incremental update) is not covered by the signature.
  if (a !== 0 || b <= 0 || c <= b || c + d !== pdf.length) return { valid: false, reason: 'range_incomplete' };
  const hole = text.slice(b, c);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(hole)?.[1];
  if (!hex || hex.length % 2 !== 0) return { valid: false, reason: 'malformed' };
  try {
    const der = new Uint8Array(Buffer.from(hex, 'hex'));
    const asn = asn1js.fromBER(buffer(der));
    if (asn.offset === -1) return { valid: false, reason: 'malformed' };
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return { valid: false, reason: 'malformed' };
    const signed = new pkijs.SignedData({ schema: info.content });
    const signer = (signed.certificates ?? []).find(
      (cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate,
    );
    if (!signer) return { valid: false, reason: 'malformed' };
    const signerDer = new Uint8Array(signer.toSchema(true).toBER(false));
    if (Buffer.compare(Buffer.from(signerDer), Buffer.from(cityCertificate)) !== 0) {
      return { valid: false, reason: 'other_signer' };
    }
    const data = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);
    const result = await signed.verify({ signer: 0, data: buffer(data), checkChain: false, extendedMode: true });
    if (!result.signatureVerified) return { valid: false, reason: 'digest_mismatch' };
    return { valid: true, signerSha256: createHash('sha256').update(signerDer).digest('hex') };
  } catch {
    // pkijs throws on a wrong digest as well as on broken structures.
    return { valid: false, reason: 'digest_mismatch' };
  }
}
