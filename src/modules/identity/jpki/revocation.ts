// Is the certificate revoked? Pluggable: a CRL the operator downloads from J-LIS (or the demo CA writes),
// or a platform operator's status service over HTTP. Anything short of a clear, current answer is
// 'unknown', and checkCertificate fails closed on it: a lost card must never verify because a file or a
// server was unavailable.
import type { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as pkijs from 'pkijs';
import { derOrPem, parseDer } from './der.ts';

export type RevocationStatus = 'good' | 'revoked' | 'unknown';

export interface RevocationChecker {
  /** `issuer` is the certificate that signed `certificate` (a trust anchor or intermediate). */
  check(input: { certificate: X509Certificate; issuer: X509Certificate; at: Date }): Promise<RevocationStatus>;
}

/** Serial numbers compare as lower-case hex without leading zeros (DER may add one for the sign bit). */
export function normaliseSerial(hex: string): string {
  return hex.toLowerCase().replace(/^0+(?=.)/, '');
}

async function readCrl(source: Uint8Array | string): Promise<pkijs.CertificateRevocationList> {
  const bytes = typeof source === 'string' ? new Uint8Array(await readFile(source)) : source;
  const der = derOrPem(bytes)[0] ?? bytes;
  return new pkijs.CertificateRevocationList({ schema: parseDer(der, 'CRL') });
}

/**
 * A CRL as DER/PEM bytes, or the path of a file holding one. A path is read at each check, so the
 * operator's periodic download takes effect without a restart. The CRL must be signed by the
 * certificate's issuer and current at the time of the check (thisUpdate ≤ at ≤ nextUpdate).
 */
export function crlFileChecker(source: Uint8Array | string): RevocationChecker {
  return {
    async check({ certificate, issuer, at }) {
      try {
        const crl = await readCrl(source);
        const issuerCert = new pkijs.Certificate({ schema: parseDer(new Uint8Array(issuer.raw), '認証局の証明書') });
        if (!crl.issuer.isEqual(issuerCert.subject)) return 'unknown';
        if (!(await crl.verify({ issuerCertificate: issuerCert }))) return 'unknown';
        if (crl.thisUpdate.value > at) return 'unknown';
        // A CRL past its nextUpdate may be missing the latest revocations: stale says nothing.
        if (!crl.nextUpdate || crl.nextUpdate.value < at) return 'unknown';
        const serial = normaliseSerial(certificate.serialNumber);
        const revoked = (crl.revokedCertificates ?? []).some(
          (r) => normaliseSerial(Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex')) === serial,
        );
        return revoked ? 'revoked' : 'good';
      } catch {
        return 'unknown';
      }
    },
  };
}

export interface HttpRevocationOptions {
  /** POST sends {issuer, serialNumber} as JSON; GET puts them in the query string. */
  method?: 'POST' | 'GET';
  timeoutMs?: number;
}

const maxAnswerBytes = 16 * 1024;

/**
 * A platform operator's revocation status service. Asked with the issuer's name and the serial number
 * (lower-case hex), it must answer 200 with JSON {"status":"good"|"revoked"}. A timeout, a network error,
 * another status code or any other body is 'unknown'.
 */
export function httpRevocationChecker(url: string, options: HttpRevocationOptions = {}): RevocationChecker {
  const method = options.method ?? 'POST';
  const timeoutMs = options.timeoutMs ?? 3_000;
  return {
    async check({ certificate }) {
      const query = { issuer: certificate.issuer, serialNumber: normaliseSerial(certificate.serialNumber) };
      try {
        const target = new URL(url);
        if (method === 'GET') for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
        const response = await fetch(target, {
          method,
          headers: { accept: 'application/json', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(method === 'POST' ? { body: JSON.stringify(query) } : {}),
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status !== 200) return 'unknown';
        const text = await response.text();
        if (text.length > maxAnswerBytes) return 'unknown';
        const status = (JSON.parse(text) as { status?: unknown } | null)?.status;
        return status === 'good' || status === 'revoked' ? status : 'unknown';
      } catch {
        return 'unknown';
      }
    },
  };
}

/**
 * Several checkers as one, e.g. the CRLs of J-LIS's signing CA and user-authentication CA: a CRL of
 * another issuer answers 'unknown', so any 'revoked' wins, then any 'good', else 'unknown'.
 */
export function combinedChecker(checkers: RevocationChecker[]): RevocationChecker {
  return {
    async check(input) {
      const answers = await Promise.all(checkers.map((c) => c.check(input)));
      if (answers.includes('revoked')) return 'revoked';
      return answers.includes('good') ? 'good' : 'unknown';
    },
  };
}
