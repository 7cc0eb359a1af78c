// Verifying what a resident signed with the card's signing key: CMS SignedData (DER, the content inside
// or given separately) or a bare PKCS#1 v1.5 signature with its certificate. RSA with SHA-256/384/512 only.
import { createHash, constants as cryptoConstants, publicDecrypt } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import {
  type CertificatePurpose,
  type CheckedCertificate,
  checkCertificate,
  parseCertificate,
  type TrustSettings,
} from './certificate.ts';
import { guard, parseDer } from './der.ts';
import { JpkiError } from './errors.ts';

const digests: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const rsaSignatures = new Set([
  '1.2.840.113549.1.1.1', // rsaEncryption (the digest is named separately)
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
]);
const weakDigests: Record<string, string> = { '1.3.14.3.2.26': 'SHA-1', '1.2.840.113549.2.5': 'MD5' };

export interface VerifiedSignature {
  certificate: CheckedCertificate;
  signedContent: Uint8Array;
}

export interface VerifyOptions extends TrustSettings {
  at?: Date;
  purpose?: CertificatePurpose;
}

export async function verifyCmsSignedData(
  der: Uint8Array,
  options: VerifyOptions & { detachedContent?: Uint8Array },
): Promise<VerifiedSignature> {
  const asn1 = parseDer(der, '署名データ（CMS）');
  const contentInfo = guard('署名データ（CMS）', () => new pkijs.ContentInfo({ schema: asn1 }));
  if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA)
    throw new JpkiError('malformed', 'SignedData ではありません');
  const signed = guard('署名データ（CMS）', () => new pkijs.SignedData({ schema: contentInfo.content }));
  const signer = signed.signerInfos[0];
  if (!signer || signed.signerInfos.length !== 1) throw new JpkiError('malformed', '署名者は1人である必要があります');
  const digestOid = signer.digestAlgorithm.algorithmId;
  if (weakDigests[digestOid]) throw new JpkiError('wrong_algorithm', weakDigests[digestOid]);
  if (!digests[digestOid] || !rsaSignatures.has(signer.signatureAlgorithm.algorithmId)) {
    throw new JpkiError('wrong_algorithm', `${digestOid} / ${signer.signatureAlgorithm.algorithmId}`);
  }
  const certificates = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const signerCert = certificates.find((c) => {
    const sid = signer.sid;
    return (
      sid instanceof pkijs.IssuerAndSerialNumber &&
      c.serialNumber.isEqual(sid.serialNumber) &&
      c.issuer.isEqual(sid.issuer)
    );
  });
  if (!signerCert) throw new JpkiError('missing_certificate');
  const signerDer = new Uint8Array(signerCert.toSchema(true).toBER(false));

  const eContent = signed.encapContentInfo.eContent;
  const content = options.detachedContent ?? (eContent ? new Uint8Array(eContent.getValue()) : undefined);
  if (!content) throw new JpkiError('malformed', '署名された内容がありません');
  let verified: boolean;
  try {
    const result = await signed.verify({
      signer: 0,
      checkChain: false,
      extendedMode: true,
      ...(options.detachedContent ? { data: options.detachedContent.slice().buffer } : {}),
    });
    verified = result.signatureVerified === true;
  } catch (error) {
    const e = error as { signatureVerified?: boolean | null; code?: number };
    if (e && typeof e === 'object' && 'signatureVerified' in e) verified = false;
    else throw new JpkiError('malformed', '署名データ（CMS）');
  }
  if (!verified) throw new JpkiError('signature_invalid');
  const intermediates = certificates
    .filter((c) => c !== signerCert)
    .map((c) => new Uint8Array(c.toSchema(true).toBER(false)));
  const certificate = await checkCertificate(signerDer, {
    ...options,
    purpose: options.purpose ?? 'signature',
    at: options.at ?? new Date(),
    intermediates,
  });
  return { certificate, signedContent: content };
}

/** PKCS#1 v1.5: the signature decrypts to a DigestInfo naming the hash; the hash must match the data. */
export async function verifyPkcs1Signature(
  input: { data: Uint8Array; signature: Uint8Array; certificate: Uint8Array },
  options: VerifyOptions,
): Promise<VerifiedSignature> {
  const { x509 } = parseCertificate(input.certificate);
  if (x509.publicKey.asymmetricKeyType !== 'rsa') throw new JpkiError('wrong_algorithm', '公開鍵が RSA ではありません');
  if (input.signature.length === 0 || input.signature.length > 1024) throw new JpkiError('malformed', '署名の長さ');
  let digestInfo: Buffer;
  try {
    digestInfo = publicDecrypt({ key: x509.publicKey, padding: cryptoConstants.RSA_PKCS1_PADDING }, input.signature);
  } catch {
    throw new JpkiError('signature_invalid');
  }
  const parsed = asn1js.fromBER(digestInfo);
  const seq = parsed.offset === -1 ? undefined : (parsed.result as asn1js.Sequence);
  const algorithm = (seq?.valueBlock?.value?.[0] as asn1js.Sequence | undefined)?.valueBlock?.value?.[0];
  const digest = seq?.valueBlock?.value?.[1];
  if (!(algorithm instanceof asn1js.ObjectIdentifier) || !(digest instanceof asn1js.OctetString)) {
    throw new JpkiError('signature_invalid');
  }
  const oid = algorithm.valueBlock.toString();
  if (weakDigests[oid]) throw new JpkiError('wrong_algorithm', weakDigests[oid]);
  const hash = digests[oid];
  if (!hash) throw new JpkiError('wrong_algorithm', oid);
  const expected = createHash(hash).update(input.data).digest();
  if (!expected.equals(Buffer.from(digest.valueBlock.valueHexView))) throw new JpkiError('signature_invalid');
  const certificate = await checkCertificate(input.certificate, {
    ...options,
    purpose: options.purpose ?? 'signature',
    at: options.at ?? new Date(),
  });
  return { certificate, signedContent: input.data };
}
