// Checking a certificate the way JPKI requires: chain to the operator's trust anchors (with any
// intermediates the signature carried), validity at the given time, the key usage its purpose needs, and
// revocation (unknown status fails closed). Chain signatures are checked by OpenSSL through Node's X509Certificate.
import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { type Basic4Info, readBasic4 } from './basic4.ts';
import { guard, parseDer } from './der.ts';
import { JpkiError } from './errors.ts';
import type { RevocationChecker } from './revocation.ts';

/** 'signature': 署名用電子証明書 (nonRepudiation); 'authentication': 利用者証明用電子証明書 (digitalSignature). */
export type CertificatePurpose = 'signature' | 'authentication';

export interface TrustSettings {
  trustAnchors: Uint8Array[];
  revocation: RevocationChecker;
}

export interface CheckedCertificate {
  serialNumber: string;
  issuer: string;
  subject: string;
  notBefore: string;
  notAfter: string;
  holder: Basic4Info | null;
}

export function parseCertificate(der: Uint8Array): { x509: X509Certificate; pkijs: pkijs.Certificate } {
  const asn1 = parseDer(der, '電子証明書');
  const parsed = guard('電子証明書', () => new pkijs.Certificate({ schema: asn1 }));
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(Buffer.from(der));
  } catch {
    throw new JpkiError('malformed', '電子証明書');
  }
  return { x509, pkijs: parsed };
}

function keyUsageBits(cert: pkijs.Certificate): { digitalSignature: boolean; nonRepudiation: boolean } | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return undefined;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.BitString)) return undefined;
  const first = parsed.result.valueBlock.valueHexView[0] ?? 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

function subjectAltName(cert: pkijs.Certificate): Uint8Array | undefined {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.17');
  return ext ? new Uint8Array(ext.extnValue.valueBlock.valueHexView) : undefined;
}

function checkTime(cert: X509Certificate, at: Date, role: string): void {
  if (at < new Date(cert.validFrom)) throw new JpkiError('not_yet_valid', role);
  if (at > new Date(cert.validTo)) throw new JpkiError('expired', role);
}

export async function checkCertificate(
  der: Uint8Array,
  options: TrustSettings & { purpose: CertificatePurpose; at: Date; intermediates?: Uint8Array[] },
): Promise<CheckedCertificate> {
  const leaf = parseCertificate(der);
  if (leaf.x509.publicKey.asymmetricKeyType !== 'rsa')
    throw new JpkiError('wrong_algorithm', '公開鍵が RSA ではありません');
  const usage = keyUsageBits(leaf.pkijs);
  const needed = options.purpose === 'signature' ? usage?.nonRepudiation : usage?.digitalSignature;
  if (!needed) {
    throw new JpkiError(
      'wrong_key_usage',
      options.purpose === 'signature' ? 'nonRepudiation がありません' : 'digitalSignature がありません',
    );
  }
  checkTime(leaf.x509, options.at, '署名者の証明書');

  const anchors = options.trustAnchors.map((a) => new X509Certificate(Buffer.from(a)));
  const intermediates = (options.intermediates ?? []).flatMap((i) => {
    try {
      return [new X509Certificate(Buffer.from(i))];
    } catch {
      return [];
    }
  });
  let current = leaf.x509;
  let issuer: X509Certificate | undefined;
  for (let hops = 0; hops < 5; hops++) {
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) {
      checkTime(anchor, options.at, '認証局の証明書');
      issuer ??= anchor;
      break;
    }
    const next = intermediates.find((c) => c.ca && current.checkIssued(c) && current.verify(c.publicKey));
    if (!next) throw new JpkiError('unknown_ca');
    checkTime(next, options.at, '中間認証局の証明書');
    issuer ??= next;
    current = next;
    if (hops === 4) throw new JpkiError('unknown_ca', '証明書の連鎖が長すぎます');
  }
  if (!issuer) throw new JpkiError('unknown_ca');

  const status = await options.revocation.check({ certificate: leaf.x509, issuer, at: options.at });
  if (status === 'revoked') throw new JpkiError('revoked');
  if (status !== 'good') throw new JpkiError('revocation_unknown');

  return {
    serialNumber: leaf.x509.serialNumber.toLowerCase(),
    issuer: leaf.x509.issuer,
    subject: leaf.x509.subject,
    notBefore: new Date(leaf.x509.validFrom).toISOString(),
    notAfter: new Date(leaf.x509.validTo).toISOString(),
    holder: readBasic4(subjectAltName(leaf.pkijs)),
  };
}
