// Is the certificate revoked? Pluggable: a CRL file the operator downloads, or a platform operator's
// service over HTTP. Anything short of a clear answer is 'unknown', and the caller fails closed on it.
import type { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as pkijs from 'pkijs';
import { parseDer } from './der.ts';

export type RevocationStatus = 'good' | 'revoked' | 'unknown';

export interface RevocationChecker {
  check(input: { certificate: X509Certificate; issuer: X509Certificate; at: Date }): Promise<RevocationStatus>;
}

function hex(view: ArrayBuffer | Uint8Array): string {
  return Buffer.from(view as Uint8Array)
    .toString('hex')
    .replace(/^0+/, '')
    .toLowerCase();
}

/** A CRL (DER) signed by the certificate's issuer; a CRL past its nextUpdate says nothing any more. */
export function crlChecker(crlDer: Uint8Array): RevocationChecker {
  let crl: pkijs.CertificateRevocationList | undefined;
  try {
    crl = new pkijs.CertificateRevocationList({ schema: parseDer(crlDer, 'CRL') });
  } catch {
    crl = undefined;
  }
  return {
    async check({ certificate, issuer, at }) {
      if (!crl) return 'unknown';
      try {
        const issuerCert = new pkijs.Certificate({ schema: parseDer(new Uint8Array(issuer.raw), '認証局の証明書') });
        if (!(await crl.verify({ issuerCertificate: issuerCert }))) return 'unknown';
      } catch {
        return 'unknown';
      }
      if (crl.nextUpdate && crl.nextUpdate.value < at) return 'unknown';
      if (crl.thisUpdate.value > at) return 'unknown';
      const serial = certificate.serialNumber.replace(/^0+/, '').toLowerCase();
      const revoked = (crl.revokedCertificates ?? []).some(
        (r) => hex(r.userCertificate.valueBlock.valueHexView) === serial,
      );
      return revoked ? 'revoked' : 'good';
    },
  };
}

export async function crlFileChecker(path: string): Promise<RevocationChecker> {
  const bytes = await readFile(path);
  const text = bytes.toString('latin1');
  const der = text.includes('-----BEGIN')
    ? new Uint8Array(Buffer.from(text.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'))
    : new Uint8Array(bytes);
  return crlChecker(der);
}

/**
 * A platform operator's revocation service: POST {issuer, serialNumber} as JSON, answer {status}.
 * Timeouts, errors and unexpected answers are 'unknown'.
 */
export function httpRevocationChecker(url: string, timeoutMs = 3_000): RevocationChecker {
  return {
    async check({ certificate }) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ issuer: certificate.issuer, serialNumber: certificate.serialNumber.toLowerCase() }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) return 'unknown';
        const body = (await response.json()) as { status?: unknown };
        return body.status === 'good' || body.status === 'revoked' ? body.status : 'unknown';
      } catch {
        return 'unknown';
      }
    },
  };
}
