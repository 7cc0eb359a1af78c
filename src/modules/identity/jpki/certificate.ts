// Checking a certificate the way JPKI requires: chain to the operator's trust anchors (with any
// intermediates the signature carried), validity at the given time, the key usage its purpose needs, and
// revocation (unknown status fails closed). Chain signatures are checked by OpenSSL through Node's X509Certificate.
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type Basic4Info, readBasic4 } from './basic4.ts';
import { derOrPem, guard, parseDer } from './der.ts';
import { JpkiError } from './errors.ts';
import type { RevocationChecker } from './revocation.ts';

/** 'signature': 署名用電子証明書 (nonRepudiation); 'authentication': 利用者証明用電子証明書 (digitalSignature). */
export type CertificatePurpose = 'signature' | 'authentication';

export interface TrustSettings {
  /** The CA certificates the operator trusts (J-LIS's, or the demo CA): DER bytes or PEM, any number each. */
  trustAnchors: (Uint8Array | string)[];
  revocation: RevocationChecker;
}

export interface CertificateSummary {
  /** Lower-case hex, no leading zeros. */
  serialNumber: string;
  issuer: string;
  subject: string;
  notBefore: string;
  notAfter: string;
}

export interface CheckedCertificate extends CertificateSummary {
  /** Also returned beside the certificate; kept here for callers written before that. */
  holder: Basic4Info | null;
}

// Certificates in the chain must be signed with RSA and SHA-2; JPKI has issued nothing weaker since 2016.
const certificateSignatures = new Set(['1.2.840.113549.1.1.11', '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13']);
export const minRsaBits = 2048;

interface ParsedCertificate {
  x509: X509Certificate;
  pkijs: pkijs.Certificate;
}

export function parseCertificate(der: Uint8Array, what = '電子証明書'): ParsedCertificate {
  const parsed = guard(what, () => new pkijs.Certificate({ schema: parseDer(der, what) }));
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(Buffer.from(der));
    // Node decodes these lazily, and a corrupt field would otherwise throw later, outside any guard.
    void [
      x509.publicKey.asymmetricKeyDetails,
      x509.serialNumber,
      x509.issuer,
      x509.subject,
      x509.validFrom,
      x509.validTo,
      x509.ca,
    ];
  } catch {
    throw new JpkiError('malformed', what);
  }
  return { x509, pkijs: parsed };
}

/** The public key must be RSA of at least 2048 bits: JPKI's keys, and the only kind we verify. */
export function requireRsaKey(x509: X509Certificate): void {
  if (x509.publicKey.asymmetricKeyType !== 'rsa') throw new JpkiError('wrong_algorithm', '公開鍵が RSA ではありません');
  const bits = x509.publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < minRsaBits) throw new JpkiError('wrong_algorithm', `RSA ${bits} ビット`);
}

function requireStrongCertificateSignature(cert: pkijs.Certificate, role: string): void {
  if (!certificateSignatures.has(cert.signatureAlgorithm.algorithmId)) {
    throw new JpkiError('wrong_algorithm', `${role}の署名方式 ${cert.signatureAlgorithm.algorithmId}`);
  }
}

function extensionValue(cert: pkijs.Certificate, oid: string): Uint8Array | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === oid);
  return ext ? new Uint8Array(ext.extnValue.valueBlock.valueHexView) : undefined;
}

function keyUsageBits(cert: pkijs.Certificate): { digitalSignature: boolean; nonRepudiation: boolean } {
  const value = extensionValue(cert, '2.5.29.15');
  if (!value) return { digitalSignature: false, nonRepudiation: false };
  const bits = parseDer(value, '電子証明書の鍵用途');
  const first = bits instanceof asn1js.BitString ? (bits.valueBlock.valueHexView[0] ?? 0) : 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

/**
 * 署名用 needs nonRepudiation. 利用者証明用 needs digitalSignature, and a certificate that also has
 * nonRepudiation is a signing certificate: JPKI keeps signing (with the 基本4情報) and log-in apart.
 */
function checkKeyUsage(cert: pkijs.Certificate, purpose: CertificatePurpose): void {
  const usage = keyUsageBits(cert);
  if (purpose === 'signature' && !usage.nonRepudiation) {
    throw new JpkiError('wrong_key_usage', '署名用電子証明書ではありません（nonRepudiation がありません）');
  }
  if (purpose === 'authentication' && (!usage.digitalSignature || usage.nonRepudiation)) {
    throw new JpkiError('wrong_key_usage', '利用者証明用電子証明書ではありません');
  }
}

function checkTime(cert: X509Certificate, at: Date, role: string): void {
  if (at < new Date(cert.validFrom)) throw new JpkiError('not_yet_valid', role);
  if (at > new Date(cert.validTo)) throw new JpkiError('expired', role);
}

/** The operator's configuration is wrong: a server fault (500), not something the sender did. */
export class TrustConfigurationError extends Error {
  override name = 'TrustConfigurationError';
}

function readAnchors(anchors: TrustSettings['trustAnchors']): X509Certificate[] {
  return anchors.flatMap(derOrPem).map((der) => {
    try {
      return new X509Certificate(Buffer.from(der));
    } catch (cause) {
      throw new TrustConfigurationError('JPKI: a configured trust anchor is not a readable certificate', { cause });
    }
  });
}

/** Names chain and the issuer's key verifies the signature (false, not an exception, for a key of another type). */
function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function summarise(x509: X509Certificate): CertificateSummary {
  return {
    serialNumber: x509.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
    issuer: x509.issuer,
    subject: x509.subject,
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
  };
}

export async function checkCertificate(
  der: Uint8Array,
  options: TrustSettings & { purpose: CertificatePurpose; at: Date; intermediates?: Uint8Array[] },
): Promise<CheckedCertificate> {
  const leaf = parseCertificate(der);
  requireRsaKey(leaf.x509);
  requireStrongCertificateSignature(leaf.pkijs, '電子証明書');
  checkKeyUsage(leaf.pkijs, options.purpose);
  checkTime(leaf.x509, options.at, '署名者の電子証明書');

  // Walk up from the leaf: a trust anchor ends the walk; otherwise an intermediate CA the signature
  // carried, itself checked like the leaf. A few hops is all JPKI ever needs.
  const anchors = readAnchors(options.trustAnchors);
  const intermediates = (options.intermediates ?? []).flatMap((bytes) => {
    try {
      return [parseCertificate(bytes, '中間認証局の証明書')];
    } catch {
      return []; // a stray certificate in the CMS is not the signer's concern
    }
  });
  let current = leaf.x509;
  let issuer: X509Certificate | undefined;
  for (let hops = 0; ; hops++) {
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor) {
      checkTime(anchor, options.at, '認証局の証明書');
      issuer ??= anchor;
      break;
    }
    if (hops >= 4) throw new JpkiError('unknown_ca', '証明書の連鎖が長すぎます');
    const next = intermediates.find((c) => c.x509.ca && issuedBy(current, c.x509));
    if (!next) throw new JpkiError('unknown_ca');
    requireStrongCertificateSignature(next.pkijs, '中間認証局の証明書');
    checkTime(next.x509, options.at, '中間認証局の証明書');
    issuer ??= next.x509;
    current = next.x509;
  }

  const status = await options.revocation.check({ certificate: leaf.x509, issuer, at: options.at });
  if (status === 'revoked') throw new JpkiError('revoked');
  if (status !== 'good') throw new JpkiError('revocation_unknown');

  const san = extensionValue(leaf.pkijs, '2.5.29.17');
  if (san) parseDer(san, '基本4情報'); // size and nesting limits before the otherNames are read
  const holder = san ? guard('基本4情報', () => readBasic4(san)) : null;
  return { ...summarise(leaf.x509), holder };
}
