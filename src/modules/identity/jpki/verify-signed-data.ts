// Verifying what a resident signed with the card's signing key: CMS SignedData (DER, the content inside
// or given separately) or a bare PKCS#1 v1.5 signature with its certificate. RSA with SHA-256 only, the
// algorithm JPKI cards sign with; anything else (SHA-1, MD5, RSA-PSS, ECDSA …) is refused as wrong_algorithm.
// The signature is checked before the certificate, so a tampered document says signature_invalid even
// when its certificate is also out of date.
import { createHash, constants as cryptoConstants, publicDecrypt } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Basic4Info } from './basic4.ts';
import {
  type CertificatePurpose,
  type CheckedCertificate,
  checkCertificate,
  parseCertificate,
  requireRsaKey,
  TrustConfigurationError,
  type TrustSettings,
} from './certificate.ts';
import { guard, parseDer } from './der.ts';
import { JpkiError } from './errors.ts';

const sha256 = '2.16.840.1.101.3.4.2.1';
// In CMS the signer names the RSA signature either plainly or together with the hash.
const rsaSha256Signatures = new Set(['1.2.840.113549.1.1.1', '1.2.840.113549.1.1.11']);
const weakAlgorithms: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '1.2.840.113549.2.5': 'MD5',
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.4': 'MD5',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.4.3.2': 'ECDSA',
  '1.2.840.10045.4.3.3': 'ECDSA',
  '1.2.840.10045.4.3.4': 'ECDSA',
};

// PKCS#1 v1.5 DigestInfo prefixes (RFC 8017 §9.2 note 1): what the decrypted signature starts with.
const digestInfoPrefix = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha1: Buffer.from('3021300906052b0e03021a05000414', 'hex'),
  md5: Buffer.from('3020300c06082a864886f70d020505000410', 'hex'),
};

export interface VerifiedSignature {
  certificate: CheckedCertificate;
  /** The 基本4情報 of a signing certificate; null for a user-authentication certificate. */
  holder: Basic4Info | null;
  /** The bytes the signature covers: the CMS content, or the data given with a PKCS#1 signature. */
  signedContent: Uint8Array;
}

export interface VerifyOptions extends TrustSettings {
  /** The time the certificate must be valid at; now if not given. */
  at?: Date;
  /** Which of the card's two certificates must have signed; 'signature' (署名用) if not given. */
  purpose?: CertificatePurpose;
}

function algorithmName(oid: string): string {
  return weakAlgorithms[oid] ?? oid;
}

/**
 * The SignedData's certificates exactly as received, in order. pkijs would re-encode them, and its lenient
 * parser plus re-encoding quietly repairs a non-DER length; OpenSSL should check the bytes that arrived.
 */
function receivedCertificates(signedData: asn1js.AsnType): Uint8Array[] {
  const fields = (signedData as asn1js.Sequence).valueBlock.value;
  const set = fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0) as
    | asn1js.Constructed
    | undefined;
  return (set?.valueBlock.value ?? []).map((c) => new Uint8Array(c.valueBeforeDecodeView));
}

/**
 * The last line of defence for "hostile bytes only ever make a 400": every parser call is guarded where it
 * is made, and anything a library still throws on input nobody foresaw becomes 'malformed' here.
 */
async function refusingUnexpected<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof JpkiError || error instanceof TrustConfigurationError) throw error;
    throw new JpkiError('malformed', undefined, { cause: error });
  }
}

export function verifyCmsSignedData(
  der: Uint8Array,
  options: VerifyOptions & { detachedContent?: Uint8Array },
): Promise<VerifiedSignature> {
  return refusingUnexpected(() => verifyCms(der, options));
}

async function verifyCms(
  der: Uint8Array,
  options: VerifyOptions & { detachedContent?: Uint8Array },
): Promise<VerifiedSignature> {
  const what = '署名データ（CMS）';
  const contentInfo = guard(what, () => new pkijs.ContentInfo({ schema: parseDer(der, what) }));
  if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA)
    throw new JpkiError('malformed', 'SignedData ではありません');
  const signed = guard(what, () => new pkijs.SignedData({ schema: contentInfo.content }));
  const signer = signed.signerInfos[0];
  if (!signer || signed.signerInfos.length !== 1) throw new JpkiError('malformed', '署名者は1人である必要があります');

  const digestOid = signer.digestAlgorithm.algorithmId;
  const signatureOid = signer.signatureAlgorithm.algorithmId;
  if (digestOid !== sha256) throw new JpkiError('wrong_algorithm', algorithmName(digestOid));
  if (!rsaSha256Signatures.has(signatureOid)) throw new JpkiError('wrong_algorithm', algorithmName(signatureOid));

  const received = guard(what, () => receivedCertificates(contentInfo.content));
  const certificates = (signed.certificates ?? []).flatMap((c, i) =>
    c instanceof pkijs.Certificate && received[i] ? [{ parsed: c, der: received[i] }] : [],
  );
  const sid = signer.sid;
  const signerCert = certificates.find(
    ({ parsed }) =>
      sid instanceof pkijs.IssuerAndSerialNumber &&
      parsed.serialNumber.isEqual(sid.serialNumber) &&
      parsed.issuer.isEqual(sid.issuer),
  );
  if (!signerCert) throw new JpkiError('missing_certificate');
  requireRsaKey(parseCertificate(signerCert.der).x509);

  const eContent = signed.encapContentInfo.eContent;
  if (eContent && !(eContent instanceof asn1js.OctetString)) throw new JpkiError('malformed', '署名された内容の形式');
  const attached = eContent ? new Uint8Array(eContent.getValue()) : undefined;
  // Content both inside and given separately must be the same bytes, or the caller would be told a
  // signature covers data it does not.
  if (attached && options.detachedContent && !Buffer.from(attached).equals(Buffer.from(options.detachedContent))) {
    throw new JpkiError('signature_invalid', '署名された内容と送られた内容が違います');
  }
  const content = attached ?? options.detachedContent;
  if (!content) throw new JpkiError('malformed', '署名された内容がありません');

  let verified: boolean;
  try {
    const result = await signed.verify({
      signer: 0,
      checkChain: false,
      extendedMode: true,
      ...(attached ? {} : { data: content.slice().buffer }),
    });
    verified = result.signatureVerified === true;
  } catch (error) {
    // pkijs reports a failed check (wrong digest, bad signature) as a thrown result object.
    if (error && typeof error === 'object' && 'signatureVerified' in error) verified = false;
    else throw new JpkiError('malformed', what);
  }
  if (!verified) throw new JpkiError('signature_invalid');

  const certificate = await checkCertificate(signerCert.der, {
    ...options,
    purpose: options.purpose ?? 'signature',
    at: options.at ?? new Date(),
    intermediates: certificates.filter((c) => c !== signerCert).map((c) => c.der),
  });
  return { certificate, holder: certificate.holder, signedContent: content };
}

/**
 * A bare PKCS#1 v1.5 signature: RSA-decrypting it yields a DigestInfo, which must be exactly the SHA-256
 * DigestInfo of the data. Comparing the whole structure byte for byte leaves no room for lax parsing.
 */
export function verifyPkcs1Signature(input: Pkcs1Input, options: VerifyOptions): Promise<VerifiedSignature> {
  return refusingUnexpected(() => verifyPkcs1(input, options));
}

type Pkcs1Input = { data: Uint8Array; signature: Uint8Array } & (
  | { certificateDer: Uint8Array }
  /** The field's older name, for callers written before certificateDer. */
  | { certificate: Uint8Array }
);

async function verifyPkcs1(input: Pkcs1Input, options: VerifyOptions): Promise<VerifiedSignature> {
  const certificateDer = 'certificateDer' in input ? input.certificateDer : input.certificate;
  const { x509 } = parseCertificate(certificateDer);
  requireRsaKey(x509);
  const modulusBytes = (x509.publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
  if (input.signature.length !== modulusBytes) throw new JpkiError('malformed', '署名の長さが鍵の長さと違います');
  let digestInfo: Buffer;
  try {
    digestInfo = publicDecrypt({ key: x509.publicKey, padding: cryptoConstants.RSA_PKCS1_PADDING }, input.signature);
  } catch {
    throw new JpkiError('signature_invalid');
  }
  const expected = Buffer.concat([digestInfoPrefix.sha256, createHash('sha256').update(input.data).digest()]);
  if (!digestInfo.equals(expected)) {
    if (digestInfo.subarray(0, digestInfoPrefix.sha1.length).equals(digestInfoPrefix.sha1)) {
      throw new JpkiError('wrong_algorithm', 'SHA-1');
    }
    if (digestInfo.subarray(0, digestInfoPrefix.md5.length).equals(digestInfoPrefix.md5)) {
      throw new JpkiError('wrong_algorithm', 'MD5');
    }
    throw new JpkiError('signature_invalid');
  }
  const certificate = await checkCertificate(certificateDer, {
    ...options,
    purpose: options.purpose ?? 'signature',
    at: options.at ?? new Date(),
  });
  return { certificate, holder: certificate.holder, signedContent: input.data };
}
